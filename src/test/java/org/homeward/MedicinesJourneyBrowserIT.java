package org.homeward;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.homeward.medication.DoseUnit;
import org.homeward.medication.FormularyEntry;
import org.homeward.medication.FormularyService;
import org.homeward.medication.GrabBag;
import org.homeward.medication.GrabBagService;
import org.homeward.medication.NewGrabBag;
import org.homeward.medication.RestockBag;
import org.homeward.medication.Route;
import org.homeward.medication.SaveFormularyEntry;
import org.homeward.medication.SubstanceClass;
import org.homeward.patient.PatientRecord;
import org.homeward.referral.AdmissionView;
import org.homeward.security.CurrentUser;
import org.homeward.security.Organisation;
import org.homeward.security.OrganisationType;
import org.homeward.security.Role;
import org.homeward.support.Api;
import org.homeward.support.Api.Response;
import org.homeward.support.Browser;
import org.homeward.support.Fixtures;
import org.homeward.support.IntegrationTest;
import org.homeward.support.TestClock;
import org.homeward.ward.VirtualWard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 13's journey, each person signed in to their own organisation in Chromium (every page checked with axe and at
 * 390 px as it loads): the acute consultant records no known allergies, prescribes IV ceftriaxone at 09:00 and orders
 * bloods; the acute pharmacist reconciles the medicines from the GP record (ramipril withheld), verifies, and screens
 * the prescription; the community coordinator plans the day, which takes the dose visit; the community nurse arrives,
 * gives the dose from the team's grab bag with a second nurse checking, and takes the blood sample at the visit, both
 * listed on the visit's record; the lab's critical potassium reaches the consultant as an alert and a notification
 * (the nurse on call is told too); the consultant discharges, and the GP reads the medicine changes fixed at discharge.
 * Everything shared comes from the product's rules: the ward's visiting organisation, the rota, the GP practice.
 */
@IntegrationTest
class MedicinesJourneyBrowserIT {

    private static final java.time.Duration PLANNING = java.time.Duration.ofSeconds(90);

    @Autowired Fixtures fixtures;
    @Autowired Api api;
    @Autowired TestClock clock;
    @Autowired FormularyService formulary;
    @Autowired GrabBagService grabBags;

    Browser browser;
    LocalDate day;
    VirtualWard ward;
    CurrentUser consultant;
    CurrentUser pharmacist;
    CurrentUser lab;
    CurrentUser coordinator;
    CurrentUser nurse;
    CurrentUser secondNurse;
    CurrentUser gp;
    PatientRecord patient;
    AdmissionView admission;
    FormularyEntry ceftriaxone;

    @BeforeEach
    void theServiceItsPeopleAndAPatientAdmitted() {
        day = LocalDate.now(clock.getZone()).plusDays(3);
        clock.set(at("06:30"));
        Organisation acute = fixtures.organisation(OrganisationType.ACUTE_TRUST);
        Organisation community = fixtures.organisation(OrganisationType.COMMUNITY_PROVIDER);
        String practice = Fixtures.newPracticeCode();
        gp = fixtures.user(Role.SENIOR_DECISION_MAKER, fixtures.gpOrganisation(practice));
        CurrentUser referrer = fixtures.user(Role.REFERRER, acute);
        consultant = fixtures.user(Role.SENIOR_DECISION_MAKER, acute);
        pharmacist = fixtures.user(Role.PHARMACIST, acute);
        lab = fixtures.user(Role.CLINICIAN, acute);
        coordinator = fixtures.user(Role.COORDINATOR, community);
        nurse = fixtures.user(Role.CLINICIAN, community);
        secondNurse = fixtures.user(Role.CLINICIAN, community);
        ward = fixtures.ward(acute, 5, List.of(community));
        patient = fixtures.patient(referrer, LocalDate.of(1946, 6, 21), practice);
        admission = fixtures.admit(patient, ward, referrer, consultant);

        // the service's pharmacist keeps the formulary; the community team keeps its grab bag, rota and on-call list
        ceftriaxone = formulary.add(pharmacist, new SaveFormularyEntry("Ceftriaxone",
                "powder for solution for injection", Fixtures.unique("2 g vial "), EnumSet.of(Route.INTRAVENOUS),
                DoseUnit.G, BigDecimal.ONE, new BigDecimal("4"), null, null, null, true, true, false, true,
                SubstanceClass.CEPHALOSPORINS, null, null, "BNF, Ceftriaxone, Indications and dose", null));
        GrabBag bag = grabBags.create(coordinator, new NewGrabBag(Fixtures.unique("IV bag "), "Dorchester base",
                "S-2001"));
        grabBags.restock(coordinator, bag.id(), new RestockBag(ceftriaxone.id(), "CX7710", day.plusMonths(6),
                new BigDecimal("5"), "Pharmacy order 4410", null));
        ok(api.post(coordinator, "/api/v1/shifts", Map.of("username", nurse.username(),
                "startsAt", day + "T08:00", "endsAt", day + "T18:00",
                "skills", List.of("IV_COMPETENT_NURSE", "REGISTERED_NURSE"),
                "startLatitude", 50.715, "startLongitude", -2.437)), 201);
        ok(api.post(coordinator, "/api/v1/on-call", Map.of("wardId", ward.id().value().toString(), "tier",
                "WARD_TEAM", "username", nurse.username(), "startsAt", at("08:00").toString(),
                "endsAt", at("20:00").toString())), 201);
        browser = new Browser(api.baseUrl(), "medicines-journey");
    }

    @AfterEach
    void tearDown() {
        browser.close();
        clock.reset();
    }

    @Test
    void prescribedReconciledPlannedGivenFromTheBagSampledAlertedAndDischargedWithTheChanges() {
        String record = "/patients/" + patient.summary().id();

        // 1. The acute consultant: allergies, the prescription, the bloods
        clock.set(at("07:00"));
        browser.signIn(consultant.username(), Fixtures.PASSWORD).open(record).click("open-medicines");
        browser.click("record-nka");
        assertThat(browser.testId("banner-allergies")).contains("No known allergies");
        browser.click("prescribe").selectContaining("formularyEntryId", ceftriaxone.strength()).type("dose", "2")
                .select("doseUnit", "g").select("route", "Intravenous").select("frequency", "Once daily")
                .type("times", "09:00").type("indication", "Cellulitis of the left leg").click("save-prescription");
        assertThat(browser.testId("flash")).contains("Prescribed Ceftriaxone 2 g", "awaiting pharmacist screening");
        browser.open(record).click("open-tests");
        browser.check("Urea and electrolytes (U&E)").type("clinicalQuestion", "Potassium and renal function on IV"
                + " antibiotics").check("Same day").click("order-button");
        assertThat(browser.testId("flash")).isEqualTo("Ordered: Sodium, Potassium, Urea, Creatinine");
        browser.signOut();

        // 2. The acute pharmacist: reconciliation from the GP record, verified; the prescription screened
        clock.set(at("07:20"));
        browser.signIn(pharmacist.username(), Fixtures.PASSWORD).open(record).click("open-medicines-reconciliation");
        browser.select("source", "GP record").type("medicine", "Ramipril 5 mg capsules").type("dose", "5 mg")
                .type("route", "By mouth").type("frequency", "Once a day").click("add-medicine-button");
        assertThat(browser.testId("flash")).isEqualTo("Medicine listed from GP record");
        browser.select("decisionMedicine", "Ramipril 5 mg capsules (no decision yet)").check("Withheld")
                .type("reason", "Blood pressure 98/60 with cellulitis: withheld until reviewed").click("save-decision");
        assertThat(browser.testId("medicine-decision")).contains("Withheld");
        browser.click("verify-reconciliation");
        assertThat(browser.testId("flash")).isEqualTo("Medicines reconciliation verified");
        browser.open(record + "/medicines");
        browser.act(By.cssSelector("[id^='screened-']"), WebElement::click);
        assertThat(browser.testId("flash")).isEqualTo("Ceftriaxone: screened by pharmacist");
        browser.signOut();

        // 3. The community coordinator plans the day: the 09:00 dose is a visit in its time-critical window
        clock.set(at("07:40"));
        browser.signIn(coordinator.username(), Fixtures.PASSWORD).open("/visits?date=" + day).click("plan-day")
                .waitForText(By.cssSelector("[data-testid='flash']"), "Planned", PLANNING);
        assertThat(browser.text(By.cssSelector("[data-testid='route']"))).contains("IV antibiotic dose")
                .contains(patient.summary().familyName().toUpperCase()).contains("08:30-09:30");
        browser.signOut();

        // 4. The community nurse at the door: arrives, gives the dose from the grab bag with a second checker
        clock.set(at("08:50"));
        browser.signIn(nurse.username(), Fixtures.PASSWORD).open("/my-visits?date=" + day);
        browser.act(By.cssSelector("[data-testid='my-visits'] > li a"), WebElement::click);
        String visitPage = browser.driver().getCurrentUrl().substring(api.baseUrl().length());
        browser.click("arrive");
        assertThat(browser.testId("flash")).isEqualTo("Arrival recorded");
        clock.set(at("08:58"));
        browser.click("give-doses");
        assertThat(browser.testId("dose")).contains("09:00", "Ceftriaxone 2 g intravenous", "Due");
        browser.clickLink("Record this dose");
        browser.select("outcome", "Given").type("dose", "2").select("route", "Intravenous")
                .type("site", "Right forearm cannula").selectContaining("bagItemId", "batch CX7710")
                .type("secondChecker", secondNurse.username()).select("secondCheckHow", "In person at the visit")
                .click("record-dose");
        assertThat(browser.testId("flash")).isEqualTo("Ceftriaxone 2 g intravenous: given, recorded");
        assertThat(browser.testId("dose-record")).contains("batch CX7710 from", "checked by "
                + secondNurse.displayName());
        assertThat(grabBags.usableItems(nurse, ceftriaxone.id())).singleElement()
                .satisfies(i -> assertThat(i.quantity()).isEqualByComparingTo("4"));

        // 5. ...and takes the blood sample at the same visit
        clock.set(at("09:06"));
        browser.open(visitPage).click("visit-tests");
        assertThat(browser.testId("at-visit")).contains("recording at a home visit");
        String orderId = api.get(consultant, "/api/v1/patients/" + patient.summary().id() + "/test-orders").body()
                .get(0).path("id").asText();
        browser.check("Labelled at the bedside with the patient's details").click("record-sample-" + orderId);
        assertThat(browser.testId("flash")).isEqualTo("Sample recorded as taken");
        browser.check("By courier").click("send-sample-" + orderId);
        assertThat(browser.testId("order-status")).isEqualTo("Sent to the lab");
        browser.click("back-to-visit");
        assertThat(browser.testId("doses-given")).contains("Ceftriaxone 2 g intravenous: given at 08:58");
        assertThat(browser.testId("tests-taken")).contains("Sodium, Potassium, Urea, Creatinine sample")
                .contains("at 09:06");
        clock.set(at("09:15"));
        browser.select("outcome", "Completed as planned").type("given", "Ceftriaxone as charted; bloods for U&E")
                .click("leave");
        assertThat(browser.testId("flash")).isEqualTo("Visit recorded: Completed as planned");
        browser.signOut();

        // 6. The lab's result comes in through the API: a critical potassium
        clock.set(at("13:00"));
        Response resulted = api.post(lab, "/api/v1/results", Map.of("orderId", orderId,
                "nhsNumber", patient.summary().nhsNumber().value(), "results", List.of(
                        Map.of("testCode", "SODIUM", "value", 136, "unit", "mmol/L"),
                        Map.of("testCode", "POTASSIUM", "value", 6.8, "unit", "mmol/L"),
                        Map.of("testCode", "UREA", "value", 7.2, "unit", "mmol/L"),
                        Map.of("testCode", "CREATININE", "value", 96, "unit", "umol/L", "referenceLow", 59,
                                "referenceHigh", 104))));
        ok(resulted, 201);

        // 7. It reaches the accountable consultant as an alert, and the nurse on call
        browser.signIn(consultant.username(), Fixtures.PASSWORD).open("/alerts");
        assertThat(browser.pageText()).contains("Critical result: Potassium 6.8 mmol/L (critical: high)");
        browser.open("/notifications");
        assertThat(browser.testId("notifications")).contains("critical result for your patient",
                "Potassium 6.8 mmol/L");
        Response nurseTold = api.get(nurse, "/api/v1/notifications");
        assertThat(nurseTold.toString()).contains("Critical result: Potassium 6.8 mmol/L");

        // 8. Discharged: the medicine changes are fixed for the GP and the pharmacy
        clock.set(at("16:00"));
        String admissionPage = "/admissions/" + admission.id().value();
        browser.open(admissionPage).select("destination", "Usual place of residence")
                .type("summary", "Cellulitis treated with IV ceftriaxone at home; potassium 6.8 repeated and normal.")
                .click("save-discharge");
        assertThat(browser.testId("discharge-summary")).contains("IV ceftriaxone at home");
        browser.signOut();

        browser.signIn(gp.username(), Fixtures.PASSWORD).open(admissionPage).click("discharge-medicines-link");
        assertThat(browser.testId("fixed-words")).startsWith("Fixed at discharge on");
        assertThat(browser.pageText()).contains("Ramipril 5 mg capsules", "Withheld",
                "Blood pressure 98/60 with cellulitis", "Ceftriaxone");
        assertThat(browser.testId("to-check")).contains("Ceftriaxone");
    }

    private Instant at(String time) {
        return day.atTime(LocalTime.parse(time)).atZone(clock.getZone()).toInstant();
    }

    private static void ok(Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
    }
}
