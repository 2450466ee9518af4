package org.homeward.medication;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.homeward.patient.PatientRecord;
import org.homeward.referral.AdmissionView;
import org.homeward.referral.AdmitPatient;
import org.homeward.referral.ConsentGivenBy;
import org.homeward.referral.CreateReferral;
import org.homeward.referral.DischargeDestination;
import org.homeward.referral.DischargePatient;
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
 * Medicines reconciliation through the API across organisations and across time (NICE NG5 1.3): admission starts it
 * with a task for the acute trust's pharmacists due 24 hours later; the community nurse lists the medicines from the
 * patient's own supply at the first visit and from the GP record; the GP organisation reads; an outsider gets 404; a
 * nurse cannot decide or verify (403); the pharmacist cannot verify while a discrepancy is open (409), resolves it,
 * decides and verifies, which completes the task; bad input is 400 naming the field with nothing written; the clock is
 * overdue a minute after 24 hours and so is the task on the pharmacist's worklist; discharge closes an unverified one;
 * a new reconciliation when the medicines change keeps the verified one in the history.
 */
@IntegrationTest
class ReconciliationApiIT {

    @Autowired Fixtures fixtures;
    @Autowired Api api;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;
    @Autowired ReferralService referrals;

    Organisation acute;
    Organisation community;
    CurrentUser referrer;
    CurrentUser consultant;
    CurrentUser pharmacist;
    CurrentUser nurse;
    CurrentUser gp;
    CurrentUser outsider;
    VirtualWard ward;
    String practice;

    @BeforeEach
    void organisationsSharingAWard() {
        acute = fixtures.organisation(OrganisationType.ACUTE_TRUST);
        community = fixtures.organisation(OrganisationType.COMMUNITY_PROVIDER);
        practice = Fixtures.newPracticeCode();
        gp = fixtures.user(Role.SENIOR_DECISION_MAKER, fixtures.gpOrganisation(practice));
        referrer = fixtures.user(Role.REFERRER, acute);
        consultant = fixtures.user(Role.SENIOR_DECISION_MAKER, acute);
        pharmacist = fixtures.user(Role.PHARMACIST, acute);
        nurse = fixtures.user(Role.CLINICIAN, community);
        outsider = fixtures.user(Role.PHARMACIST, fixtures.organisation(OrganisationType.ACUTE_TRUST));
        ward = fixtures.ward(acute, 5, List.of(community));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theNurseListsThePharmacistResolvesDecidesAndVerifiesWithinTheClock() {
        PatientRecord patient = admitted();
        String path = path(patient);

        JsonNode started = api.get(gp, path).body().path("current");
        assertThat(started.path("status").asText()).isEqualTo("NOT_STARTED");
        assertThat(started.path("clockWords").asText()).startsWith("Due in 2");
        UUID taskId = UUID.fromString(started.path("taskId").asText());
        JsonNode task = api.get(pharmacist, "/api/v1/tasks/" + taskId).body();
        assertThat(task.path("origin").asText()).isEqualTo("RECONCILIATION");
        assertThat(task.path("priority").asText()).isEqualTo("HIGH");
        assertThat(task.path("assigneeWords").asText()).isEqualTo("Pharmacists, " + acute.name());
        assertThat(Instant.parse(task.path("dueAt").asText()))
                .isEqualTo(Instant.parse(started.path("dueAt").asText()));
        assertThat(worklist(pharmacist)).anySatisfy(t -> assertThat(t.path("id").asText()).isEqualTo(taskId.toString()));

        assertThat(api.post(nurse, path + "/medicines", medicine("OWN_SUPPLY", "Furosemide 40 mg tablets", "80 mg"))
                .status()).isEqualTo(201);
        assertThat(api.post(nurse, path + "/medicines", medicine("OWN_SUPPLY", "Ramipril 5 mg capsules", "5 mg"))
                .status()).isEqualTo(201);
        Response both = api.post(nurse, path + "/medicines", medicine("GP_RECORD", "Furosemide 40 mg tablets",
                "40 mg"));
        assertThat(both.status()).as(both.toString()).isEqualTo(201);
        assertThat(both.text("status")).isEqualTo("IN_PROGRESS");
        assertThat(both.body().path("discrepancies").findValuesAsText("kind")).containsExactly("DIFFERENT_DOSE",
                "NO_DECISION", "NOT_IN_EVERY_SOURCE", "NO_DECISION");

        assertThat(api.post(nurse, path + "/decisions", decision("Ramipril 5 mg capsules", "CONTINUED", null))
                .status()).as("a nurse drafts; decisions are a prescriber's or pharmacist's").isEqualTo(403);
        assertThat(api.post(nurse, path + "/verification", Map.of()).status()).isEqualTo(403);
        Response early = api.post(pharmacist, path + "/verification", Map.of());
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.text("detail")).contains("2 medicines have no decision")
                .contains("2 discrepancies between sources are unresolved");

        JsonNode current = api.get(pharmacist, path).body().path("current");
        String doseKey = discrepancy(current, "DIFFERENT_DOSE").path("key").asText();
        String missingKey = discrepancy(current, "NOT_IN_EVERY_SOURCE").path("key").asText();
        assertThat(api.post(pharmacist, path + "/resolutions", Map.of("discrepancyKey", doseKey, "note",
                "GP record is right: the dose went down to 40 mg in November; old boxes at home")).status())
                .isEqualTo(201);
        assertThat(api.post(pharmacist, path + "/decisions", decision("furosemide 40 MG tablets", "CONTINUED", null))
                .status()).isEqualTo(201);
        assertThat(api.post(pharmacist, path + "/decisions", decision("Ramipril 5 mg capsules", "WITHHELD",
                "Acute kidney injury: withhold until creatinine improves")).status()).isEqualTo(201);
        Response stillMissing = api.post(pharmacist, path + "/verification", Map.of());
        assertThat(stillMissing.status()).isEqualTo(409);
        assertThat(stillMissing.text("detail")).contains("1 discrepancy between sources is unresolved")
                .doesNotContain("no decision");
        assertThat(api.post(pharmacist, path + "/resolutions", Map.of("discrepancyKey", missingKey, "note",
                "Started by the GP last week, first supply not yet collected")).status()).isEqualTo(201);

        Response verified = api.post(pharmacist, path + "/verification", Map.of());
        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
        assertThat(verified.text("status")).isEqualTo("VERIFIED");
        assertThat(verified.text("clockWords")).startsWith("Completed (verified by " + pharmacist.signature() + ", ")
                .endsWith(" after admission)");
        assertThat(api.get(pharmacist, "/api/v1/tasks/" + taskId).body().path("status").asText()).isEqualTo("DONE");
        assertThat(api.post(pharmacist, path + "/medicines", medicine("GP_RECORD", "Aspirin 75 mg", "75 mg"))
                .status()).as("verified is closed").isEqualTo(409);

        for (CurrentUser reader : List.of(gp, nurse, consultant)) {
            Response read = api.get(reader, path);
            assertThat(read.status()).isEqualTo(200);
            assertThat(read.body().path("current").path("status").asText()).isEqualTo("VERIFIED");
        }
        assertThat(api.get(outsider, path).status()).isEqualTo(404);
        assertThat(api.post(outsider, path + "/verification", Map.of()).status()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from audit_event where patient_id = ? and record_type = "
                        + "'MedicinesReconciliation' and action = 'READ' and username = ?")
                .params(patient.summary().id().value(), gp.username()).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsWritten() {
        PatientRecord patient = admitted();
        String path = path(patient);
        Map<String, Object> noDose = new HashMap<>(medicine("OWN_SUPPLY", "Furosemide 40 mg tablets", "40 mg"));
        noDose.remove("dose");
        assertRefused(api.post(nurse, path + "/medicines", noDose), "dose");
        assertRefused(api.post(nurse, path + "/medicines", Map.of("medicine", "Furosemide", "dose", "40 mg",
                "route", "By mouth", "frequency", "Daily")), "source");
        assertRefused(api.post(nurse, path + "/medicines", Map.of("source", "THE_INTERNET", "medicine", "Furosemide",
                "dose", "40 mg", "route", "By mouth", "frequency", "Daily")), "source");
        assertRefused(api.post(nurse, path + "/medicines", medicine("OWN_SUPPLY", "x".repeat(201), "40 mg")),
                "medicine");
        assertThat(rows("medicines_reconciliation_entry", patient)).isZero();
        assertThat(rows("medicines_reconciliation_source", patient)).isZero();

        api.post(nurse, path + "/medicines", medicine("OWN_SUPPLY", "Furosemide 40 mg tablets", "40 mg"));
        assertRefused(api.post(pharmacist, path + "/decisions", decision("Furosemide 40 mg tablets", "STOPPED", " ")),
                "reason");
        assertRefused(api.post(pharmacist, path + "/decisions", Map.of("medicine", "Furosemide 40 mg tablets",
                "decision", "CHANGED", "reason", "Fluid overloaded", "newFrequency", "Twice a day")), "newDose");
        assertRefused(api.post(pharmacist, path + "/decisions", decision("Digoxin 62.5 micrograms", "CONTINUED",
                null)), "medicine");
        assertRefused(api.post(pharmacist, path + "/resolutions", Map.of("discrepancyKey", "nonsense", "note",
                "x")), "discrepancyKey");
        assertThat(rows("medicines_reconciliation_decision", patient)).isZero();
        assertThat(rows("medicines_reconciliation_resolution", patient)).isZero();
    }

    @Test
    void noSourceConsultedCannotBeVerifiedButASourceListingNoneCan() {
        PatientRecord patient = admitted();
        String path = path(patient);
        Response none = api.post(pharmacist, path + "/verification", Map.of());
        assertThat(none.status()).isEqualTo(409);
        assertThat(none.text("detail")).contains("no source has been consulted");

        assertThat(api.post(nurse, path + "/sources", Map.of("source", "GP_RECORD", "detail",
                "Summary Care Record: no current medicines")).status()).isEqualTo(201);
        Response verified = api.post(pharmacist, path + "/verification", Map.of());
        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
        assertThat(verified.body().path("sources").get(0).path("detail").asText())
                .isEqualTo("Summary Care Record: no current medicines");
    }

    @Test
    void admittedAt2200TheClockIsOverdueAt2201NextDayAndSoIsThePharmacistsTask() {
        Instant admittedAt = Instant.parse("2027-01-14T22:00:00Z");
        clock.set(admittedAt);
        PatientRecord patient = admitted();
        String path = path(patient);
        JsonNode current = api.get(pharmacist, path).body().path("current");
        assertThat(Instant.parse(current.path("dueAt").asText())).isEqualTo(Instant.parse("2027-01-15T22:00:00Z"));
        assertThat(current.path("clockWords").asText()).isEqualTo("Due in 24 hours");

        clock.set(Instant.parse("2027-01-15T21:01:00Z"));
        assertThat(api.get(pharmacist, path).body().path("current").path("clockWords").asText())
                .isEqualTo("Due in 59 minutes");
        clock.set(Instant.parse("2027-01-15T22:00:00Z"));
        assertThat(api.get(pharmacist, path).body().path("current").path("overdue").asBoolean()).isFalse();

        clock.set(Instant.parse("2027-01-15T22:01:00Z"));
        current = api.get(pharmacist, path).body().path("current");
        assertThat(current.path("overdue").asBoolean()).isTrue();
        assertThat(current.path("clockWords").asText()).isEqualTo("Overdue by 1 minute");
        String taskId = current.path("taskId").asText();
        assertThat(worklist(pharmacist)).filteredOn(t -> t.path("id").asText().equals(taskId)).singleElement()
                .satisfies(t -> assertThat(t.path("overdue").asBoolean()).isTrue());
    }

    @Test
    void dischargeBeforeVerificationClosesItAsNotCompletedAndCancelsTheTask() {
        PatientRecord patient = admitted();
        String path = path(patient);
        api.post(nurse, path + "/medicines", medicine("OWN_SUPPLY", "Furosemide 40 mg tablets", "40 mg"));
        AdmissionView admission = referrals.openAdmission(patient.summary().id()).orElseThrow();
        referrals.discharge(consultant, admission.id(), new DischargePatient(null,
                DischargeDestination.USUAL_RESIDENCE, null, "", "Recovered at home"));

        JsonNode current = api.get(pharmacist, path).body().path("current");
        assertThat(current.path("status").asText()).isEqualTo("NOT_COMPLETED");
        assertThat(current.path("clockWords").asText()).startsWith("Not completed before discharge");
        JsonNode task = api.get(pharmacist, "/api/v1/tasks/" + current.path("taskId").asText()).body();
        assertThat(task.path("status").asText()).isEqualTo("CANCELLED");
        assertThat(task.path("outcome").asText()).contains("not completed before discharge");
        assertThat(api.post(pharmacist, path + "/verification", Map.of()).status()).isEqualTo(409);
    }

    @Test
    void aNewReconciliationWhenTheMedicinesChangeHasAFreshClockAndKeepsTheVerifiedOne() {
        PatientRecord patient = admitted();
        String path = path(patient);
        api.post(nurse, path + "/sources", Map.of("source", "PATIENT_OR_CARER"));
        api.post(pharmacist, path + "/verification", Map.of());

        assertRefused(api.post(consultant, path + "/versions", Map.of("reason", "NEW_DISCHARGE_LETTER")), "detail");
        assertThat(api.post(nurse, path + "/versions", Map.of("reason", "NEW_SUPPLY", "detail", "New box"))
                .status()).isEqualTo(403);
        Response asked = api.post(consultant, path + "/versions", Map.of("reason", "NEW_DISCHARGE_LETTER", "detail",
                "Discharge letter from the cardiology ward lists new medicines"));
        assertThat(asked.status()).as(asked.toString()).isEqualTo(201);
        assertThat(asked.body().path("version").asInt()).isEqualTo(2);
        assertThat(asked.text("status")).isEqualTo("NOT_STARTED");
        assertThat(asked.text("clockWords")).isEqualTo("Due in 24 hours");
        assertThat(asked.text("taskId")).isNotBlank();
        assertThat(api.post(pharmacist, path + "/versions", Map.of("reason", "TRANSFER", "detail", "Again"))
                .status()).as("the current one is still being done").isEqualTo(409);

        JsonNode history = api.get(gp, path).body();
        assertThat(history.path("current").path("version").asInt()).isEqualTo(2);
        assertThat(history.path("earlier")).singleElement()
                .satisfies(v -> assertThat(v.path("status").asText()).isEqualTo("VERIFIED"));
    }

    private PatientRecord admitted() {
        PatientRecord patient = fixtures.patient(referrer, LocalDate.of(1938, 5, 2), practice);
        ReferralView referral = referrals.refer(referrer, new CreateReferral(patient.summary().id(), ward.id(),
                ReferralDirection.STEP_UP, ReferralSource.GP, "Heart failure", "IV diuretics at home",
                Set.of(Intervention.MONITORING), Urgency.SAME_DAY, null, null, null));
        referrals.triage(consultant, referral.id(), new TriageDecision(TriageDecision.Outcome.ACCEPT, "Meets criteria"));
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Europe/London"));
        referrals.admit(consultant, referral.id(), new AdmitPatient(consultant.id(), today.plusDays(4),
                ConsentGivenBy.PATIENT, true, null, null, null, true, "Prefers home", null, null, null));
        return patient;
    }

    private static String path(PatientRecord patient) {
        return "/api/v1/patients/" + patient.summary().id().value() + "/medicines-reconciliation";
    }

    private static Map<String, Object> medicine(String source, String medicine, String dose) {
        return Map.of("source", source, "medicine", medicine, "dose", dose, "route", "By mouth", "frequency",
                "Once a day, in the morning");
    }

    private static Map<String, Object> decision(String medicine, String decision, String reason) {
        Map<String, Object> body = new HashMap<>(Map.of("medicine", medicine, "decision", decision));
        if (reason != null) {
            body.put("reason", reason);
        }
        return body;
    }

    private static JsonNode discrepancy(JsonNode reconciliation, String kind) {
        for (JsonNode d : reconciliation.path("discrepancies")) {
            if (d.path("kind").asText().equals(kind)) {
                return d;
            }
        }
        throw new AssertionError("no " + kind + " in " + reconciliation);
    }

    private List<JsonNode> worklist(CurrentUser user) {
        Response mine = api.get(user, "/api/v1/tasks/mine");
        assertThat(mine.status()).isEqualTo(200);
        List<JsonNode> tasks = new java.util.ArrayList<>();
        mine.body().forEach(tasks::add);
        return tasks;
    }

    private long rows(String table, PatientRecord patient) {
        return jdbc.sql("select count(*) from " + table + " where patient_id = ?")
                .param(patient.summary().id().value()).query(Long.class).single();
    }

    private static void assertRefused(Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.body().path("errors").get(0).path("field").asText()).isEqualTo(field);
    }
}
