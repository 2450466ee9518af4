package org.homeward.medication;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.homeward.patient.PatientRecord;
import org.homeward.referral.AdmitPatient;
import org.homeward.referral.ConsentGivenBy;
import org.homeward.referral.CreateReferral;
import org.homeward.referral.Intervention;
import org.homeward.referral.ReferralDirection;
import org.homeward.referral.ReferralService;
import org.homeward.referral.ReferralSource;
import org.homeward.referral.ReferralView;
import org.homeward.referral.TriageDecision;
import org.homeward.referral.Urgency;
import org.homeward.security.CurrentUser;
import org.homeward.security.Organisation;
import org.homeward.security.OrganisationType;
import org.homeward.security.Role;
import org.homeward.support.Api;
import org.homeward.support.Api.Response;
import org.homeward.support.FhirReads;
import org.homeward.support.Fixtures;
import org.homeward.support.IntegrationTest;
import org.homeward.support.TestClock;
import org.homeward.ward.VirtualWard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The medicines chart drives the visits and records what was given, as people of the organisations sharing the care:
 * the acute trust's consultant prescribes IV ceftriaxone at 09:00, the community provider's coordinator sees the dose
 * among the day's visits, its nurse records the dose given with a second checker (and is refused, with nothing written,
 * for each thing missing or wrong), the GP reads it and an outsider gets 404; a dose not recorded becomes a task for
 * the provider's coordinators once its window closes and an alert two hours after its time (each once); a stopped
 * prescription takes no dose.
 */
@IntegrationTest
class AdministrationApiIT {

    static final Instant SEVEN = Instant.parse("2027-01-15T07:00:00Z");
    static final LocalDate DAY = LocalDate.of(2027, 1, 15);

    @Autowired Fixtures fixtures;
    @Autowired Api api;
    @Autowired JdbcClient jdbc;
    @Autowired FhirReads fhir;
    @Autowired TestClock clock;
    @Autowired ReferralService referrals;
    @Autowired AdministrationService administrations;

    Organisation community;
    CurrentUser referrer;
    CurrentUser consultant;
    CurrentUser pharmacist;
    CurrentUser nurse;
    CurrentUser secondNurse;
    CurrentUser coordinator;
    CurrentUser gp;
    CurrentUser outsider;
    VirtualWard ward;
    String practice;
    UUID ceftriaxone;

    @BeforeEach
    void organisationsSharingAWard() {
        clock.set(SEVEN);
        Organisation acute = fixtures.organisation(OrganisationType.ACUTE_TRUST);
        community = fixtures.organisation(OrganisationType.COMMUNITY_PROVIDER);
        practice = Fixtures.newPracticeCode();
        gp = fixtures.user(Role.SENIOR_DECISION_MAKER, fixtures.gpOrganisation(practice));
        referrer = fixtures.user(Role.REFERRER, acute);
        consultant = fixtures.user(Role.SENIOR_DECISION_MAKER, acute);
        pharmacist = fixtures.user(Role.PHARMACIST, acute);
        nurse = fixtures.user(Role.CLINICIAN, community);
        secondNurse = fixtures.user(Role.CLINICIAN, community);
        coordinator = fixtures.user(Role.COORDINATOR, community);
        outsider = fixtures.user(Role.CLINICIAN, fixtures.organisation(OrganisationType.COMMUNITY_PROVIDER));
        ward = fixtures.ward(acute, 5, List.of(community));
        Map<String, Object> entry = new HashMap<>();
        entry.put("name", "Ceftriaxone");
        entry.put("form", "powder for solution for injection");
        entry.put("strength", Fixtures.unique("2 g vial "));
        entry.put("routes", List.of("INTRAVENOUS"));
        entry.put("doseUnit", "G");
        entry.put("adultDoseMin", 1);
        entry.put("adultDoseMax", 4);
        entry.put("timeCritical", true);
        entry.put("secondChecker", true);
        entry.put("controlledDrug", false);
        entry.put("antimicrobial", true);
        entry.put("substanceClass", "CEPHALOSPORINS");
        entry.put("doseSource", "BNF: ceftriaxone");
        Response added = api.post(pharmacist, "/api/v1/formulary", entry);
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        ceftriaxone = UUID.fromString(added.text("id"));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theChartMakesTheVisitAndTheNurseGivesTheDoseWithASecondCheckerOnce() {
        String patient = admitted();
        Response prescribed = api.post(consultant, "/api/v1/patients/" + patient + "/prescriptions", ceftriaxone());
        assertThat(prescribed.status()).as(prescribed.toString()).isEqualTo(201);

        // the provider's coordinator sees the dose among the day's visits: an IV antibiotic visit for an IV nurse
        JsonNode due = api.get(coordinator, "/api/v1/visit-requirements?date=" + DAY).body();
        List<JsonNode> doseVisits = new ArrayList<>();
        due.forEach(r -> {
            if (r.path("patientId").asText().equals(patient)) {
                doseVisits.add(r);
            }
        });
        assertThat(doseVisits).singleElement().satisfies(r -> {
            assertThat(r.path("id").asText()).startsWith("dose/" + prescribed.text("id") + "/2027-01-15/09:00");
            assertThat(r.path("kind").asText()).isEqualTo("IV_ANTIBIOTIC_DOSE");
            assertThat(r.path("skill").asText()).isEqualTo("IV_COMPETENT_NURSE");
            assertThat(r.path("description").asText()).isEqualTo("Ceftriaxone 2 g intravenous");
            assertThat(Instant.parse(r.path("earliestStart").asText())).isEqualTo(Instant.parse("2027-01-15T08:30:00Z"));
            assertThat(Instant.parse(r.path("latestStart").asText())).isEqualTo(Instant.parse("2027-01-15T09:30:00Z"));
        });

        JsonNode doses = api.get(nurse, "/api/v1/patients/" + patient + "/doses?date=" + DAY).body();
        assertThat(doses).hasSize(1);
        String key = doses.path(0).path("dose").path("key").asText();
        assertThat(doses.path(0).path("state").asText()).isEqualTo("DUE");

        clock.set(Instant.parse("2027-01-15T09:05:00Z"));
        String path = "/api/v1/patients/" + patient + "/medicine-administrations";
        assertRefused(api.post(nurse, path, given(key, Map.of("site", ""))), "site");
        assertRefused(api.post(nurse, path, given(key, Map.of("dose", 1))), "dose");
        assertRefused(api.post(nurse, path, given(key, Map.of("route", "INTRAMUSCULAR"))), "route");
        assertRefused(api.post(nurse, path, given(key, Map.of("expiry", "2027-01-14"))), "expiry");
        assertRefused(api.post(nurse, path, given(key, Map.of("secondChecker", ""))), "secondChecker");
        assertRefused(api.post(nurse, path, given(key, Map.of("secondChecker", nurse.username()))), "secondChecker");
        assertRefused(api.post(nurse, path, given(key, Map.of("secondChecker", outsider.username()))),
                "secondChecker");
        assertRefused(api.post(nurse, path, given(key, Map.of("givenAt", "2027-01-15T09:30:00Z"))), "givenAt");
        assertRefused(api.post(nurse, path, given(key + "x", Map.of())), "doseKey");
        assertThat(recorded(patient)).isZero();

        Response made = api.post(nurse, path, given(key, Map.of()));
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        assertThat(made.text("secondCheckerName")).isEqualTo(secondNurse.displayName());
        assertThat(made.text("batch")).isEqualTo("AB1234");
        Response again = api.post(secondNurse, path, given(key, Map.of()));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.toString()).contains("already recorded as given by " + nurse.displayName());
        assertThat(recorded(patient)).isEqualTo(1);

        // the GP reads the chart with the dose given; an organisation outside the care team gets 404
        JsonNode read = api.get(gp, "/api/v1/patients/" + patient + "/doses?date=" + DAY).body();
        assertThat(read.path(0).path("state").asText()).isEqualTo("GIVEN");
        assertThat(read.path(0).path("administration").path("recordedBy").path("name").asText())
                .isEqualTo(nurse.displayName());
        assertThat(api.get(outsider, "/api/v1/patients/" + patient + "/doses?date=" + DAY).status()).isEqualTo(404);
        // and the GP practice's own system reads it over FHIR: what was given, against which prescription, by whom
        JsonNode recorded = fhir.read(gp, "/fhir/MedicationAdministration?patient=" + patient);
        assertThat(recorded.path("entry")).hasSize(1);
        JsonNode dose = recorded.path("entry").path(0).path("resource");
        assertThat(dose.path("id").asText()).isEqualTo(made.text("id"));
        assertThat(dose.path("status").asText()).isEqualTo("completed");
        assertThat(dose.path("request").path("reference").asText()).isEqualTo("MedicationRequest/" + prescribed.text("id"));
        assertThat(dose.path("dosage").path("dose").path("value").asDouble()).isEqualTo(2.0);
        assertThat(dose.path("dosage").path("dose").path("code").asText()).isEqualTo("g");
        assertThat(dose.path("dosage").path("site").path("text").asText()).isEqualTo("Left forearm cannula");
        List<String> performers = new ArrayList<>();
        dose.path("performer").forEach(p -> performers.add(p.path("function").path("coding").path(0).path("code")
                .asText() + ": " + p.path("actor").path("display").asText()));
        assertThat(performers).hasSize(2).anySatisfy(p -> assertThat(p).startsWith("performer: " + nurse.displayName()))
                .anySatisfy(p -> assertThat(p).startsWith("verifier: " + secondNurse.displayName()));
        assertThat(dose.path("note").path(0).path("text").asText()).isEqualTo("Batch AB1234, expiry 2027-06-30");
        fhir.assertConformsToUkCore(dose);
        Api.RawResponse outsiderRead = api.raw("GET", "/fhir/MedicationAdministration/" + made.text("id"), outsider,
                null);
        assertThat(outsiderRead.status()).isEqualTo(404);
        // word for word the answer for an id nobody holds: nothing says whose dose it is (hazard H336)
        String unknown = java.util.UUID.randomUUID().toString();
        Api.RawResponse none = api.raw("GET", "/fhir/MedicationAdministration/" + unknown, outsider, null);
        assertThat(outsiderRead.body().replace(made.text("id"), "{id}"))
                .isEqualTo(none.body().replace(unknown, "{id}")).doesNotContain(patient.toString());
        assertThat(api.raw("GET", "/fhir/MedicationAdministration?patient=" + patient, outsider, null).status())
                .isEqualTo(404);
        assertThat(api.post(outsider, path, given(key, Map.of())).status()).isEqualTo(404);
        assertThat(api.post(fixtures.user(Role.REFERRER, community), path, given(key, Map.of())).status())
                .isEqualTo(403);
    }

    @Test
    void aDoseNotRecordedIsATaskWhenItsWindowClosesAndAnAlertTwoHoursAfterItsTimeEachOnce() {
        String patient = admitted();
        Response prescribed = api.post(consultant, "/api/v1/patients/" + patient + "/prescriptions", ceftriaxone());
        assertThat(prescribed.status()).as(prescribed.toString()).isEqualTo(201);
        String key = prescribed.text("id") + "/2027-01-15/09:00";

        // the check runs over every patient of the shared test database, so each step is judged by this dose only
        administrations.checkLateDoses(Instant.parse("2027-01-15T09:29:59Z"));
        assertThat(lateTasks(key)).isEmpty();
        administrations.checkLateDoses(Instant.parse("2027-01-15T09:30:00Z"));
        assertThat(lateTasks(key)).singleElement().satisfies(t -> {
            assertThat(t.get("assignee_role")).isEqualTo("COORDINATOR");
            assertThat(t.get("assignee_organisation_id")).isEqualTo(community.id().value().toString());
            assertThat(t.get("priority")).isEqualTo("URGENT");
            assertThat(t.get("status")).isEqualTo("OPEN");
        });
        administrations.checkLateDoses(Instant.parse("2027-01-15T10:59:59Z"));
        assertThat(missedDoseAlerts(patient)).isZero();
        administrations.checkLateDoses(Instant.parse("2027-01-15T11:00:00Z"));
        assertThat(missedDoseAlerts(patient)).isEqualTo(1);
        administrations.checkLateDoses(Instant.parse("2027-01-15T11:30:00Z"));
        assertThat(missedDoseAlerts(patient)).isEqualTo(1);
        assertThat(lateTasks(key)).hasSize(1);

        // the nurse finds the patient was out: not given, with the reason; the late task is then done
        clock.set(Instant.parse("2027-01-15T11:40:00Z"));
        String path = "/api/v1/patients/" + patient + "/medicine-administrations";
        assertRefused(api.post(nurse, path, Map.of("doseKey", key, "outcome", "NOT_GIVEN")), "notGivenReason");
        assertRefused(api.post(nurse, path, Map.of("doseKey", key, "outcome", "NOT_GIVEN", "notGivenReason",
                "OTHER")), "note");
        Response notGiven = api.post(nurse, path, Map.of("doseKey", key, "outcome", "NOT_GIVEN", "notGivenReason",
                "PATIENT_NOT_AT_HOME"));
        assertThat(notGiven.status()).as(notGiven.toString()).isEqualTo(201);
        assertThat(lateTasks(key)).singleElement().satisfies(t -> assertThat(t.get("status")).isEqualTo("DONE"));
        assertThat(api.get(coordinator, "/api/v1/patients/" + patient + "/doses?date=" + DAY).body().path(0)
                .path("state").asText()).isEqualTo("NOT_GIVEN");
        // over FHIR the missed dose is not-done at the time it was due, with the chart's reason
        JsonNode missed = fhir.read(gp, "/fhir/MedicationAdministration/" + notGiven.text("id"));
        assertThat(missed.path("status").asText()).isEqualTo("not-done");
        assertThat(java.time.OffsetDateTime.parse(missed.path("effectiveDateTime").asText()).toInstant())
                .isEqualTo(Instant.parse("2027-01-15T09:00:00Z"));
        assertThat(missed.path("statusReason").path(0).path("text").asText()).isEqualTo("Patient not at home");
        assertThat(missed.has("dosage")).isFalse();
        fhir.assertConformsToUkCore(missed);
    }

    @Test
    void aDoseDueBeforeThePrescriptionWasWrittenIsNeverLateAndAStoppedPrescriptionTakesNoDose() {
        String patient = admitted();
        clock.set(Instant.parse("2027-01-15T10:00:00Z"));
        Map<String, Object> body = ceftriaxone();
        body.put("startsAt", "2027-01-15T08:00:00Z");
        Response prescribed = api.post(consultant, "/api/v1/patients/" + patient + "/prescriptions", body);
        assertThat(prescribed.status()).as(prescribed.toString()).isEqualTo(201);
        String key = prescribed.text("id") + "/2027-01-15/09:00";
        // charted from 08:00, written at 10:00: the 09:00 dose is on the chart (to record if it was given) but late
        // only by the prescriber's own timing, so no task
        assertThat(api.get(nurse, "/api/v1/patients/" + patient + "/doses?date=" + DAY).body()).hasSize(1);
        administrations.checkLateDoses(Instant.parse("2027-01-15T12:00:00Z"));
        assertThat(lateTasks(key)).isEmpty();
        assertThat(missedDoseAlerts(patient)).isZero();

        Response stopped = api.post(consultant, "/api/v1/prescriptions/" + prescribed.text("id") + "/stop",
                Map.of("reason", "Switched to oral"));
        assertThat(stopped.status()).as(stopped.toString()).isEqualTo(200);
        clock.set(Instant.parse("2027-01-15T12:05:00Z"));
        Response refused = api.post(nurse, "/api/v1/patients/" + patient + "/medicine-administrations",
                given(key, Map.of("givenAt", "2027-01-15T09:00:00Z")));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.toString()).contains("a dose cannot be recorded against a stopped prescription");
        assertThat(recorded(patient)).isZero();
    }

    @Test
    void theNurseGivesTheDoseFromAGrabBagWhichTakesOneVialAndARefusedDoseTakesNothing() {
        String patient = admitted();
        Response prescribed = api.post(consultant, "/api/v1/patients/" + patient + "/prescriptions", ceftriaxone());
        assertThat(prescribed.status()).as(prescribed.toString()).isEqualTo(201);
        String key = prescribed.text("id") + "/2027-01-15/09:00";
        Response bag = api.post(coordinator, "/api/v1/grab-bags", Map.of("label", Fixtures.unique("IV bag "),
                "keptAt", "Dorchester base", "sealNumber", Fixtures.unique("S-")));
        assertThat(bag.status()).as(bag.toString()).isEqualTo(201);
        Response restocked = api.post(coordinator, "/api/v1/grab-bags/" + bag.text("id") + "/items", Map.of(
                "formularyEntryId", ceftriaxone, "batch", "CX777", "expiry", "2027-09-30", "quantity", 4,
                "reason", "Pharmacy order"));
        assertThat(restocked.status()).as(restocked.toString()).isEqualTo(201);
        String item = restocked.body().path("items").path(0).path("id").asText();

        clock.set(Instant.parse("2027-01-15T09:05:00Z"));
        String path = "/api/v1/patients/" + patient + "/medicine-administrations";
        Map<String, Object> fromBag = new HashMap<>(Map.of("bagItemId", item));
        fromBag.put("batch", null);
        fromBag.put("expiry", null);
        Map<String, Object> wrongDose = new HashMap<>(fromBag);
        wrongDose.put("dose", 1);
        assertRefused(api.post(nurse, path, given(key, wrongDose)), "dose");
        assertThat(bagQuantity(item)).isEqualByComparingTo("4");

        Response made = api.post(nurse, path, given(key, fromBag));
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        assertThat(made.text("batch")).isEqualTo("CX777");
        assertThat(made.text("expiry")).isEqualTo("2027-09-30");
        assertThat(made.text("bagLabel")).startsWith("IV bag ");
        assertThat(bagQuantity(item)).isEqualByComparingTo("3");
        assertThat(jdbc.sql("select count(*) from stock_movement where item_id = ?::uuid and patient_id = ?::uuid")
                .params(item, patient).query(Integer.class).single()).isEqualTo(1);
    }

    private java.math.BigDecimal bagQuantity(String item) {
        return jdbc.sql("select quantity from grab_bag_item where id = ?::uuid").param(item)
                .query(java.math.BigDecimal.class).single();
    }

    private Map<String, Object> ceftriaxone() {
        Map<String, Object> body = new HashMap<>();
        body.put("formularyEntryId", ceftriaxone);
        body.put("dose", 2);
        body.put("doseUnit", "G");
        body.put("route", "INTRAVENOUS");
        body.put("frequency", "ONCE_DAILY");
        body.put("times", List.of("09:00"));
        body.put("indication", "Cellulitis of the left leg");
        body.put("overrides", List.of());
        return body;
    }

    private Map<String, Object> given(String key, Map<String, Object> changes) {
        Map<String, Object> body = new HashMap<>();
        body.put("doseKey", key);
        body.put("outcome", "GIVEN");
        body.put("dose", 2);
        body.put("route", "INTRAVENOUS");
        body.put("site", "Left forearm cannula");
        body.put("batch", "AB1234");
        body.put("expiry", "2027-06-30");
        body.put("secondChecker", secondNurse.username());
        body.put("secondCheckHow", "IN_PERSON");
        body.putAll(changes);
        return body;
    }

    private String admitted() {
        PatientRecord patient = fixtures.patient(referrer, LocalDate.of(1946, 3, 9), practice);
        ReferralView referral = referrals.refer(referrer, new CreateReferral(patient.summary().id(), ward.id(),
                ReferralDirection.STEP_UP, ReferralSource.GP, "Cellulitis", "IV antibiotics at home",
                Set.of(Intervention.IV_THERAPY), Urgency.SAME_DAY, null, null, null));
        referrals.triage(consultant, referral.id(), new TriageDecision(TriageDecision.Outcome.ACCEPT, "Meets criteria"));
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Europe/London"));
        referrals.admit(consultant, referral.id(), new AdmitPatient(consultant.id(), today.plusDays(4),
                ConsentGivenBy.PATIENT, true, null, null, null, true, "Prefers home", null, null, null));
        String id = patient.summary().id().value().toString();
        assertThat(api.post(nurse, "/api/v1/patients/" + id + "/no-known-allergies", Map.of()).status())
                .isEqualTo(201);
        return id;
    }

    private int recorded(String patient) {
        return jdbc.sql("select count(*) from medicine_administration where patient_id = ?::uuid").param(patient)
                .query(Integer.class).single();
    }

    private List<Map<String, Object>> lateTasks(String key) {
        return jdbc.sql("select assignee_role, assignee_organisation_id::text as assignee_organisation_id, priority, "
                        + "status from task where origin = 'MEDICINE_DOSE' and origin_id = ?").param(key)
                .query().listOfRows();
    }

    private int missedDoseAlerts(String patient) {
        return jdbc.sql("select count(*) from alert where patient_id = ?::uuid and kind = 'MISSED_DOSE'")
                .param(patient).query(Integer.class).single();
    }

    private static void assertRefused(Response refused, String field) {
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.body().path("errors").path(0).path("field").asText()).as(refused.toString())
                .isEqualTo(field);
    }
}
