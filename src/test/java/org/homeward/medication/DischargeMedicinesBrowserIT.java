package org.homeward.medication;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import org.homeward.patient.PatientRecord;
import org.homeward.referral.AdmissionView;
import org.homeward.referral.DischargeDestination;
import org.homeward.referral.DischargePatient;
import org.homeward.referral.ReferralService;
import org.homeward.security.CurrentUser;
import org.homeward.security.Organisation;
import org.homeward.security.OrganisationType;
import org.homeward.security.Role;
import org.homeward.support.Api;
import org.homeward.support.Browser;
import org.homeward.support.Fixtures;
import org.homeward.support.IntegrationTest;
import org.homeward.ward.VirtualWard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The medicine changes in Chromium (every page checked with axe and at 390 px as it loads): the community nurse
 * records the patient's community pharmacy on the Medicines page (a wrong ODS code refused naming the field) and
 * opens the draft medicine changes, where IV ceftriaxone still prescribed is to check; after discharge the GP opens the
 * discharge summary, follows its link to the printable discharge medicines record addressed to the practice and the
 * pharmacy, and finds it listed on the medicine changes page.
 */
@IntegrationTest
class DischargeMedicinesBrowserIT {

    @Autowired Fixtures fixtures;
    @Autowired Api api;
    @Autowired FormularyService formulary;
    @Autowired AllergyService allergies;
    @Autowired PrescriptionService prescriptions;
    @Autowired ReconciliationService reconciliations;
    @Autowired ReferralService referrals;

    Browser browser;
    CurrentUser consultant;
    CurrentUser nurse;
    CurrentUser gp;
    PatientRecord patient;
    AdmissionView admission;

    @BeforeEach
    void admitPrescribeAndReconcile() {
        Organisation acute = fixtures.organisation(OrganisationType.ACUTE_TRUST);
        Organisation community = fixtures.organisation(OrganisationType.COMMUNITY_PROVIDER);
        String practice = Fixtures.newPracticeCode();
        gp = fixtures.user(Role.SENIOR_DECISION_MAKER, fixtures.gpOrganisation(practice));
        CurrentUser referrer = fixtures.user(Role.REFERRER, acute);
        consultant = fixtures.user(Role.SENIOR_DECISION_MAKER, acute);
        CurrentUser pharmacist = fixtures.user(Role.PHARMACIST, acute);
        nurse = fixtures.user(Role.CLINICIAN, community);
        VirtualWard ward = fixtures.ward(acute, 5, List.of(community));
        patient = fixtures.patient(referrer, LocalDate.of(1941, 8, 30), practice);
        admission = fixtures.admit(patient, ward, referrer, consultant);
        FormularyEntry ceftriaxone = formulary.add(pharmacist, new SaveFormularyEntry("Ceftriaxone",
                "powder for solution for injection", Fixtures.unique("vial "), EnumSet.of(Route.INTRAVENOUS),
                DoseUnit.G, BigDecimal.ONE, new BigDecimal("4"), new BigDecimal("50"), new BigDecimal("80"),
                new BigDecimal("4"), true, false, false, true,
                SubstanceClass.CEPHALOSPORINS, null, null, "BNF, Ceftriaxone", null));
        allergies.recordNoKnownAllergies(consultant, patient.summary().id());
        prescriptions.prescribe(consultant, patient.summary().id(), new Prescribe(ceftriaxone.id(), new BigDecimal("2"),
                DoseUnit.G, Route.INTRAVENOUS, Frequency.ONCE_DAILY, List.of(LocalTime.of(8, 0)), null, null,
                "Community-acquired pneumonia", null, List.of()));
        reconciliations.addMedicine(nurse, patient.summary().id(), new MedicineBeforeAdmissionToAdd(
                ReconciliationSource.OWN_SUPPLY, "Bisoprolol 5 mg tablets", "5 mg", "By mouth", "Once a day", null));
        reconciliations.decide(pharmacist, patient.summary().id(), new ReconciliationDecisionToRecord(
                "Bisoprolol 5 mg tablets", ReconciliationDecision.CHANGED, "Heart rate 48 at rest", "2.5 mg",
                "Once a day"));
        browser = new Browser(api.baseUrl(), "discharge-medicines");
    }

    @AfterEach
    void tearDown() {
        browser.close();
    }

    @Test
    void theNurseChecksTheDraftAndTheGpReadsTheRecordFixedAtDischarge() {
        String record = "/patients/" + patient.summary().id();
        browser.signIn(nurse.username(), Fixtures.PASSWORD).open(record + "/medicines");
        assertThat(browser.testId("nominated-pharmacy")).isEqualTo("No community pharmacy nominated");
        browser.type("name", "Quayside Pharmacy, 3 The Quay, Poole").type("odsCode", "J123").click("save-pharmacy");
        assertThat(browser.pageText()).contains("F and four letters or digits");
        browser.setValue("odsCode", "FQ123").click("save-pharmacy");
        assertThat(browser.testId("flash")).isEqualTo("Community pharmacy recorded: Quayside Pharmacy, 3 The Quay, "
                + "Poole (FQ123)");

        browser.click("medicine-changes");
        assertThat(browser.currentPath()).isEqualTo(record + "/medicine-changes");
        assertThat(browser.testId("draft")).contains("This stay (draft)", "Bisoprolol 5 mg tablets", "2.5 mg",
                "Heart rate 48 at rest", "Ceftriaxone");
        assertThat(browser.testId("to-check")).contains("Ceftriaxone: still prescribed at discharge: check");
        assertThat(browser.testId("pharmacy")).isEqualTo("Quayside Pharmacy, 3 The Quay, Poole (FQ123)");
        assertThat(browser.testId("no-records")).startsWith("None yet");
        browser.signOut();

        referrals.discharge(consultant, admission.id(), new DischargePatient(null, DischargeDestination.USUAL_RESIDENCE,
                null, "", "Pneumonia treated at home; IV ceftriaxone stopped at discharge, oral course by the GP"));

        browser.signIn(gp.username(), Fixtures.PASSWORD).open("/admissions/" + admission.id().value());
        browser.click("discharge-medicines-link");
        assertThat(browser.currentPath()).isEqualTo(record + "/discharge-medicines/" + admission.id().value());
        assertThat(browser.testId("fixed-words")).startsWith("Fixed at discharge on");
        assertThat(browser.testId("gp-practice")).contains(patient.gpPracticeCode());
        assertThat(browser.testId("pharmacy")).isEqualTo("Quayside Pharmacy, 3 The Quay, Poole (FQ123)");
        assertThat(browser.testId("to-check")).contains("Ceftriaxone");
        assertThat(browser.pageText()).contains("Bisoprolol 5 mg tablets", "Changed", "Print");
        browser.open(record + "/medicine-changes");
        assertThat(browser.testId("not-admitted")).contains("not admitted now");
        assertThat(browser.testId("records")).contains("Discharged", "2 medicine(s), 1 to check");
        browser.open(record + "/discharge-medicines/" + patient.summary().id().value());
        assertThat(browser.testId("no-record")).startsWith("No discharge medicines record for this stay");
    }
}
