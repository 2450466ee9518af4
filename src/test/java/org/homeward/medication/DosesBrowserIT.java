package org.homeward.medication;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import org.homeward.patient.PatientRecord;
import org.homeward.security.CurrentUser;
import org.homeward.security.Organisation;
import org.homeward.security.OrganisationType;
import org.homeward.security.Role;
import org.homeward.support.Api;
import org.homeward.support.Browser;
import org.homeward.support.Fixtures;
import org.homeward.support.IntegrationTest;
import org.homeward.support.TestClock;
import org.homeward.ward.VirtualWard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The nurse at the door records a charted dose in Chromium (every page checked with axe and at 390 px as it loads):
 * from the medicines chart to the day's doses, the dose due at 09:00, the form refused with an error summary naming
 * what is missing, then recorded with its batch, expiry and second checker; the chart then shows it given and by
 * whom, and the GP reading the same page sees the same.
 */
@IntegrationTest
class DosesBrowserIT {

    @Autowired Fixtures fixtures;
    @Autowired Api api;
    @Autowired FormularyService formulary;
    @Autowired AllergyService allergies;
    @Autowired PrescriptionService prescriptions;
    @Autowired TestClock clock;
    @Autowired GrabBagService grabBags;

    Browser browser;
    CurrentUser nurse;
    CurrentUser secondNurse;
    CurrentUser gp;
    PatientRecord patient;
    FormularyEntry entry;

    @BeforeEach
    void prescribeIvCeftriaxoneAtNine() {
        clock.set(at(8, 40));
        Organisation acute = fixtures.organisation(OrganisationType.ACUTE_TRUST);
        Organisation community = fixtures.organisation(OrganisationType.COMMUNITY_PROVIDER);
        String practice = Fixtures.newPracticeCode();
        gp = fixtures.user(Role.SENIOR_DECISION_MAKER, fixtures.gpOrganisation(practice));
        CurrentUser referrer = fixtures.user(Role.REFERRER, acute);
        CurrentUser consultant = fixtures.user(Role.SENIOR_DECISION_MAKER, acute);
        CurrentUser pharmacist = fixtures.user(Role.PHARMACIST, acute);
        nurse = fixtures.user(Role.CLINICIAN, community);
        secondNurse = fixtures.user(Role.CLINICIAN, community);
        VirtualWard ward = fixtures.ward(acute, 5, List.of(community));
        patient = fixtures.patient(referrer, LocalDate.of(1944, 2, 11), practice);
        fixtures.admit(patient, ward, referrer, consultant);
        allergies.recordNoKnownAllergies(nurse, patient.summary().id());
        entry = formulary.add(pharmacist, new SaveFormularyEntry("Ceftriaxone",
                "powder for solution for injection", Fixtures.unique("vial "), EnumSet.of(Route.INTRAVENOUS),
                DoseUnit.G, BigDecimal.ONE, new BigDecimal("4"), null, null, null, true, true, false, true,
                SubstanceClass.CEPHALOSPORINS, null, null, "BNF, Ceftriaxone", null));
        prescriptions.prescribe(consultant, patient.summary().id(), new Prescribe(entry.id(), new BigDecimal("2"),
                DoseUnit.G, Route.INTRAVENOUS, Frequency.ONCE_DAILY, List.of(LocalTime.of(9, 0)), null, null,
                "Cellulitis of the left leg", null, List.of()));
        CurrentUser coordinator = fixtures.user(Role.COORDINATOR, community);
        GrabBag bag = grabBags.create(coordinator, new NewGrabBag("IV bag 3", "Dorchester base", "S-1001"));
        grabBags.restock(coordinator, bag.id(), new RestockBag(entry.id(), "CX2291", today().plusMonths(6),
                new BigDecimal("4"), "Pharmacy order 881", null));
        browser = new Browser(api.baseUrl(), "doses");
    }

    /** Today (the fixtures admit with today's date) at a time of day in London. */
    static Instant at(int hour, int minute) {
        return today().atTime(hour, minute).atZone(LONDON).toInstant();
    }

    static LocalDate today() {
        return LocalDate.now(LONDON);
    }

    static final java.time.ZoneId LONDON = java.time.ZoneId.of("Europe/London");

    @AfterEach
    void tearDown() {
        browser.close();
        clock.reset();
    }

    @Test
    void theNurseRecordsTheDoseGivenWithItsBatchAndSecondCheckerAndTheGpReadsIt() {
        String record = "/patients/" + patient.summary().id();
        browser.signIn(nurse.username(), Fixtures.PASSWORD).open(record + "/medicines");
        browser.click("open-doses");
        assertThat(browser.currentPath()).isEqualTo(record + "/doses");
        assertThat(browser.testId("doses-day")).isEqualTo(org.homeward.shared.DateWords.day(today()) + " (today)");
        assertThat(browser.testId("dose")).contains("09:00", "Ceftriaxone 2 g intravenous", "Due", "Time-critical",
                "Give between 08:30 and 09:30; a second checker is needed");
        browser.clickLink("Record this dose");
        assertThat(browser.testId("dose-window")).isEqualTo("Give between 08:30 and 09:30 (time-critical).");

        clock.set(at(9, 2));
        browser.select("outcome", "Given").type("dose", "2").select("route", "Intravenous")
                .type("site", "Left forearm cannula").click("record-dose");
        assertThat(browser.testId("errors")).contains("Give the batch number on the pack");

        browser.selectContaining("bagItemId", "IV bag 3: batch CX2291").click("record-dose");
        assertThat(browser.testId("errors")).contains("Name the second checker");

        browser.type("secondChecker", secondNurse.username()).select("secondCheckHow", "In person at the visit")
                .click("record-dose");
        assertThat(browser.testId("flash")).isEqualTo("Ceftriaxone 2 g intravenous: given, recorded");
        assertThat(browser.testId("dose-state")).isEqualTo("Given");
        assertThat(grabBags.usableItems(nurse, entry.id())).singleElement()
                .satisfies(i -> assertThat(i.quantity()).isEqualByComparingTo("3"));
        assertThat(browser.testId("dose-record")).contains("Given at 09:02", "2 g intravenous",
                "Left forearm cannula", "batch CX2291 from IV bag 3", "checked by " + secondNurse.displayName(),
                "Recorded by " + nurse.displayName());
        browser.signOut();

        browser.signIn(gp.username(), Fixtures.PASSWORD).open(record + "/doses");
        assertThat(browser.testId("dose-state")).isEqualTo("Given");
        assertThat(browser.pageText()).doesNotContain("Record this dose");
    }
}
