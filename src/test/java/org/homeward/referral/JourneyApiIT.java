package org.homeward.referral;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.homeward.patient.PatientRecord;
import org.homeward.security.CurrentUser;
import org.homeward.security.Organisation;
import org.homeward.security.OrganisationType;
import org.homeward.security.Role;
import org.homeward.shared.DateWords;
import org.homeward.support.Api;
import org.homeward.support.Api.Response;
import org.homeward.support.Fixtures;
import org.homeward.support.IntegrationTest;
import org.homeward.ward.VirtualWard;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The virtual-ward journey over the JSON API, and every refusal of an out-of-order step. */
@IntegrationTest
class JourneyApiIT {

    @Autowired Fixtures fixtures;
    @Autowired Api api;
    @Autowired JdbcClient jdbc;

    Organisation acute;
    CurrentUser referrer;
    CurrentUser consultant;
    VirtualWard ward;

    @BeforeEach
    void setUp() {
        acute = fixtures.organisation(OrganisationType.ACUTE_TRUST);
        referrer = fixtures.user(Role.REFERRER, acute);
        consultant = fixtures.user(Role.SENIOR_DECISION_MAKER, acute);
        ward = fixtures.ward(acute, 2);
    }

    @Test
    void walksReferralTriageAdmissionCensusAndDischarge() {
        Response patient = api.post(referrer, "/api/v1/patients", fixtures.patientDetails(LocalDate.of(1940, 3, 1)));
        assertThat(patient.status()).as(patient.toString()).isEqualTo(201);
        String patientId = patient.body().path("summary").path("id").asText();

        Response referral = api.post(referrer, "/api/v1/referrals", stepUp(patientId));
        assertThat(referral.status()).as(referral.toString()).isEqualTo(201);
        assertThat(referral.text("status")).isEqualTo("AWAITING_TRIAGE");
        String referralId = referral.text("id");

        Response accepted = api.post(consultant, "/api/v1/referrals/" + referralId + "/triage",
                Map.of("outcome", "ACCEPT", "reason", "Meets criteria: cellulitis needing IV antibiotics"));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        assertThat(accepted.text("status")).isEqualTo("ACCEPTED");

        Response seenByReferrer = api.get(referrer, "/api/v1/referrals/mine");
        assertThat(seenByReferrer.body().findValuesAsText("triageReason"))
                .contains("Meets criteria: cellulitis needing IV antibiotics");

        Response admission = api.post(consultant, "/api/v1/referrals/" + referralId + "/admission", admit());
        assertThat(admission.status()).as(admission.toString()).isEqualTo(201);
        String admissionId = admission.text("id");
        assertThat(admission.text("accountableClinicianName")).isEqualTo(consultant.displayName());

        Response census = api.get(consultant, "/api/v1/wards/" + ward.id() + "/census");
        assertThat(census.body().path("occupancy").path("occupied").asInt()).isEqualTo(1);
        assertThat(census.body().path("rows").get(0).path("dayOfStay").asInt()).isEqualTo(1);
        assertThat(census.body().path("rows").get(0).path("reachedFourteenDays").asBoolean()).isFalse();

        Response discharged = api.post(consultant, "/api/v1/admissions/" + admissionId + "/discharge",
                Map.of("destination", "USUAL_RESIDENCE", "summary", "Completed 5 days of IV ceftriaxone.",
                        "onwardReferrals", "District nursing for wound care"));
        assertThat(discharged.status()).as(discharged.toString()).isEqualTo(200);
        assertThat(discharged.body().path("lengthOfStayDays").asInt()).isZero();

        Response after = api.get(consultant, "/api/v1/wards/" + ward.id() + "/census");
        assertThat(after.body().path("occupancy").path("occupied").asInt()).isZero();
        assertThat(after.body().path("occupancy").path("available").asInt()).isEqualTo(2);
    }

    @Test
    void refusesAdmissionBeforeTriage() {
        String referralId = referPatient();
        Response refused = api.post(consultant, "/api/v1/referrals/" + referralId + "/admission", admit());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("detail")).contains("not been triaged");
    }

    @Test
    void refusesAdmissionOfADeclinedReferralButAllowsReReferral() {
        String referralId = referPatient();
        api.post(consultant, "/api/v1/referrals/" + referralId + "/triage",
                Map.of("outcome", "DECLINE", "reason", "Needs CT today: admit to acute"));
        Response refused = api.post(consultant, "/api/v1/referrals/" + referralId + "/admission", admit());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("detail")).contains("declined").contains("Needs CT today");

        Response again = api.post(referrer, "/api/v1/referrals/" + referralId + "/re-referral",
                Map.of("reason", "CT done, no bleed; now suitable"));
        assertThat(again.status()).as(again.toString()).isEqualTo(201);
        assertThat(again.text("reReferralOf")).isEqualTo(referralId);
        assertThat(api.get(referrer, "/api/v1/referrals/" + referralId).text("triageReason"))
                .isEqualTo("Needs CT today: admit to acute");
    }

    @Test
    void refusesASecondDecisionOnTheSameReferral() {
        String referralId = referPatient();
        api.post(consultant, "/api/v1/referrals/" + referralId + "/triage", Map.of("outcome", "ACCEPT", "reason", "ok"));
        Response second = api.post(consultant, "/api/v1/referrals/" + referralId + "/triage",
                Map.of("outcome", "DECLINE", "reason", "changed my mind"));
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.text("detail")).contains("already accepted");
    }

    @Test
    void refusesDischargeTwiceAndDischargeOfUnknownAdmission() {
        String admissionId = admitPatient();
        Map<String, String> discharge = Map.of("destination", "USUAL_RESIDENCE", "summary", "Well");
        assertThat(api.post(consultant, "/api/v1/admissions/" + admissionId + "/discharge", discharge).status())
                .isEqualTo(200);
        Response twice = api.post(consultant, "/api/v1/admissions/" + admissionId + "/discharge", discharge);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.text("detail")).contains("already discharged");

        Response unknown = api.post(consultant, "/api/v1/admissions/00000000-0000-0000-0000-000000000000/discharge",
                discharge);
        assertThat(unknown.status()).isEqualTo(404);
    }

    @Test
    void refusesASecondReferralWhileOneIsOpenAndReferralWhileAdmitted() {
        String patientId = registerPatient(LocalDate.of(1950, 1, 1));
        assertThat(api.post(referrer, "/api/v1/referrals", stepUp(patientId)).status()).isEqualTo(201);
        Response second = api.post(referrer, "/api/v1/referrals", stepUp(patientId));
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.text("detail")).contains("already has a referral awaiting triage")
                .as("the date in words, as pages show it").matches(".*\\(referred \\d{1,2} [A-Z][a-z]+ \\d{4}\\).*");

        String admissionId = admitPatient();
        String admittedPatient = api.get(consultant, "/api/v1/admissions/" + admissionId).text("patientId");
        Response whileAdmitted = api.post(referrer, "/api/v1/referrals", stepUp(admittedPatient));
        assertThat(whileAdmitted.status()).isEqualTo(409);
        assertThat(whileAdmitted.text("detail")).contains("already admitted to " + ward.name() + " (since "
                + DateWords.day(LocalDate.parse(api.get(consultant, "/api/v1/admissions/" + admissionId)
                        .text("admissionDate"))) + ")");
    }

    @Test
    void refusesAcceptanceIntoAFullWardWithoutWritingAnything() {
        admitPatient();
        admitPatient();
        String referralId = referPatient();
        long admissionsBefore = jdbc.sql("select count(*) from admission").query(Long.class).single();

        Response full = api.post(consultant, "/api/v1/referrals/" + referralId + "/triage",
                Map.of("outcome", "ACCEPT", "reason", "ok"));

        assertThat(full.status()).isEqualTo(409);
        assertThat(full.text("detail")).contains("is full: 2 of 2 beds (2 admitted, 0 accepted awaiting admission)");
        assertThat(jdbc.sql("select count(*) from admission").query(Long.class).single()).isEqualTo(admissionsBefore);
        assertThat(api.get(consultant, "/api/v1/referrals/" + referralId).text("status")).isEqualTo("AWAITING_TRIAGE");
        assertThat(api.post(consultant, "/api/v1/referrals/" + referralId + "/admission", admit()).status())
                .as("and so it cannot be admitted either").isEqualTo(409);
    }

    @Test
    void stepDownNeedsInpatientDetailsAndAccountabilityTransferBeforeAdmission() {
        String patientId = registerPatient(LocalDate.of(1945, 6, 1));
        Map<String, Object> stepDown = new HashMap<>(stepUp(patientId));
        stepDown.put("direction", "STEP_DOWN");
        stepDown.put("source", "INPATIENT_WARD");
        Response missing = api.post(referrer, "/api/v1/referrals", stepDown);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body().path("errors").get(0).path("field").asText()).isEqualTo("inpatientWard");

        stepDown.put("inpatientWard", "Ward 12 (Care of the Elderly)");
        stepDown.put("inpatientConsultant", "Dr Inpatient");
        String referralId = api.post(referrer, "/api/v1/referrals", stepDown).text("id");
        api.post(consultant, "/api/v1/referrals/" + referralId + "/triage", Map.of("outcome", "ACCEPT", "reason", "ok"));

        Response noTransfer = api.post(consultant, "/api/v1/referrals/" + referralId + "/admission", admit());
        assertThat(noTransfer.status()).isEqualTo(400);
        assertThat(noTransfer.text("detail")).contains("A step-down admission must record when accountability passed from").doesNotContain("KLoE");

        Map<String, Object> withTransfer = new HashMap<>(admit());
        withTransfer.put("accountabilityTransferredAt", "2020-01-01T10:00:00Z");
        Response admitted = api.post(consultant, "/api/v1/referrals/" + referralId + "/admission", withTransfer);
        assertThat(admitted.status()).as(admitted.toString()).isEqualTo(201);
    }

    @Test
    void refusesConsentByAPatientWhoLacksCapacity() {
        String referralId = referPatient();
        api.post(consultant, "/api/v1/referrals/" + referralId + "/triage", Map.of("outcome", "ACCEPT", "reason", "ok"));
        Map<String, Object> body = new HashMap<>(admit());
        body.put("patientHasCapacity", false);
        Response refused = api.post(consultant, "/api/v1/referrals/" + referralId + "/admission", body);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("errors").get(0).path("field").asText()).isEqualTo("consentGivenBy");

        body.put("consentGivenBy", "BEST_INTERESTS_DECISION");
        body.put("consentingPersonName", "Dr Best Interests");
        assertThat(api.post(consultant, "/api/v1/referrals/" + referralId + "/admission", body).status()).isEqualTo(201);
    }

    @Test
    void refusesReferringOrAcceptingAChildOntoAnAdultWard() {
        String childId = registerPatient(LocalDate.now().minusYears(4));
        Response notOffered = api.post(referrer, "/api/v1/referrals", stepUp(childId));
        assertThat(notOffered.status()).as("refused at referral, naming the field").isEqualTo(400);
        assertThat(notOffered.body().path("errors").findValuesAsText("field")).contains("wardId");
        assertThat(notOffered.text("detail")).contains("takes patients aged 18 to 130; this patient is 4");

        // referred as an adult, then the date of birth is corrected: triage works from the corrected age
        String patientId = registerPatient(LocalDate.of(1948, 2, 2));
        String referralId = api.post(referrer, "/api/v1/referrals", stepUp(patientId)).text("id");
        JsonNode record = api.get(referrer, "/api/v1/patients/" + patientId).body();
        Response corrected = api.put(referrer, "/api/v1/patients/" + patientId + "/demographics", Map.of(
                "givenName", record.path("summary").path("givenName").asText(),
                "familyName", record.path("summary").path("familyName").asText(),
                "dateOfBirth", LocalDate.now().minusYears(4).toString(), "sex", "FEMALE", "ethnicCategory", "A",
                "reason", "Year mistyped at registration"));
        assertThat(corrected.status()).as(corrected.toString()).isEqualTo(200);
        Response refused = api.post(consultant, "/api/v1/referrals/" + referralId + "/triage",
                Map.of("outcome", "ACCEPT", "reason", "ok"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("detail")).contains("admits patients aged 18 to 130");
    }

    @Test
    void onlySeniorDecisionMakersTriageAdmitAndDischarge() {
        String referralId = referPatient();
        Response byReferrer = api.post(referrer, "/api/v1/referrals/" + referralId + "/triage",
                Map.of("outcome", "ACCEPT", "reason", "ok"));
        assertThat(byReferrer.status()).isEqualTo(403);
        assertThat(byReferrer.text("detail")).contains("Senior decision-maker");
    }

    @Test
    void rejectsAnEstimatedDischargeBeforeAdmissionNamingTheField() {
        String referralId = referPatient();
        api.post(consultant, "/api/v1/referrals/" + referralId + "/triage", Map.of("outcome", "ACCEPT", "reason", "ok"));
        Map<String, Object> body = new HashMap<>(admit());
        body.put("estimatedDischargeDate", "2001-01-01");
        Response refused = api.post(consultant, "/api/v1/referrals/" + referralId + "/admission", body);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("errors").get(0).path("field").asText()).isEqualTo("estimatedDischargeDate");
    }

    @Test
    void recordsFrailtyAndDeliriumScoresWithTheirInterpretationsAtAdmission() {
        String referralId = referPatient();
        api.post(consultant, "/api/v1/referrals/" + referralId + "/triage", Map.of("outcome", "ACCEPT", "reason", "ok"));
        Map<String, Object> body = new HashMap<>(admit());
        body.put("assessment", Map.of("clinicalFrailtyScale", 6, "fourAt", Map.of("alertness", "NORMAL",
                "amt4", "ONE_MISTAKE", "attention", "UNTESTABLE", "acuteChangeOrFluctuation", true)));
        Response admitted = api.post(consultant, "/api/v1/referrals/" + referralId + "/admission", body);
        assertThat(admitted.status()).as(admitted.toString()).isEqualTo(201);
        assertThat(admitted.body().path("assessment").path("clinicalFrailtyScaleName").asText())
                .isEqualTo("Living with Moderate Frailty");
        assertThat(admitted.body().path("assessment").path("clinicalFrailtyScaleVersion").asText()).isEqualTo("2.0");
        assertThat(admitted.body().path("assessment").path("fourAtTotal").asInt()).isEqualTo(0 + 1 + 2 + 4);
        assertThat(admitted.body().path("assessment").path("fourAtInterpretation").asText()).startsWith("Possible delirium");
        assertThat(api.get(consultant, "/api/v1/admissions/" + admitted.text("id")).body().path("assessment")
                .path("fourAtTotal").asInt()).isEqualTo(7);
    }

    @Test
    void refusesAFrailtyLevelOutsideOneToNineAndAnIncompleteFourAt() {
        String referralId = referPatient();
        api.post(consultant, "/api/v1/referrals/" + referralId + "/triage", Map.of("outcome", "ACCEPT", "reason", "ok"));
        Map<String, Object> body = new HashMap<>(admit());
        body.put("assessment", Map.of("clinicalFrailtyScale", 10));
        Response badLevel = api.post(consultant, "/api/v1/referrals/" + referralId + "/admission", body);
        assertThat(badLevel.status()).isEqualTo(400);
        assertThat(badLevel.body().path("errors").get(0).path("field").asText()).isEqualTo("assessment.clinicalFrailtyScale");

        body.put("assessment", Map.of("fourAt", Map.of("alertness", "NORMAL", "amt4", "NO_MISTAKES",
                "acuteChangeOrFluctuation", false)));
        Response incomplete = api.post(consultant, "/api/v1/referrals/" + referralId + "/admission", body);
        assertThat(incomplete.status()).isEqualTo(400);
        assertThat(incomplete.body().path("errors").get(0).path("field").asText()).isEqualTo("assessment.fourAt.attention");
        assertThat(incomplete.text("detail")).contains("not answered: 3 attention");
        assertThat(api.get(consultant, "/api/v1/referrals/" + referralId).text("status")).isEqualTo("ACCEPTED");
    }

    @Test
    void refusesFrailtyAndDeliriumScoresForAChild() {
        VirtualWard childrensWard = fixtures.ward(acute, 5, 0, 17, java.util.EnumSet.of(org.homeward.ward.Pathway.PAEDIATRICS));
        String patientId = registerPatient(LocalDate.now().minusYears(6));
        Map<String, Object> referral = new HashMap<>(stepUp(patientId));
        referral.put("wardId", childrensWard.id().toString());
        String referralId = api.post(referrer, "/api/v1/referrals", referral).text("id");
        api.post(consultant, "/api/v1/referrals/" + referralId + "/triage", Map.of("outcome", "ACCEPT", "reason", "ok"));
        Map<String, Object> body = new HashMap<>(admit());
        body.put("assessment", Map.of("clinicalFrailtyScale", 3));
        Response refused = api.post(consultant, "/api/v1/referrals/" + referralId + "/admission", body);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("errors").get(0).path("field").asText()).isEqualTo("assessment");
    }

    // ------------------------------------------------------------------------------------------------------------

    private String registerPatient(LocalDate dateOfBirth) {
        PatientRecord record = fixtures.patient(referrer, dateOfBirth);
        return record.summary().id().toString();
    }

    private String referPatient() {
        return api.post(referrer, "/api/v1/referrals", stepUp(registerPatient(LocalDate.of(1948, 2, 2)))).text("id");
    }

    private String admitPatient() {
        String referralId = referPatient();
        api.post(consultant, "/api/v1/referrals/" + referralId + "/triage", Map.of("outcome", "ACCEPT", "reason", "ok"));
        Response admitted = api.post(consultant, "/api/v1/referrals/" + referralId + "/admission", admit());
        assertThat(admitted.status()).as(admitted.toString()).isEqualTo(201);
        return admitted.text("id");
    }

    private Map<String, Object> stepUp(String patientId) {
        return Map.of("patientId", patientId, "wardId", ward.id().toString(), "direction", "STEP_UP",
                "source", "GP", "presentingCondition", "Cellulitis of the left leg",
                "reason", "Needs IV antibiotics; lives with husband who can support",
                "interventions", List.of("IV_THERAPY", "MONITORING"), "urgency", "SAME_DAY");
    }

    private Map<String, Object> admit() {
        return Map.of("accountableClinicianId", consultant.id().toString(),
                "estimatedDischargeDate", LocalDate.now().plusDays(5).toString(),
                "consentGivenBy", "PATIENT", "patientHasCapacity", true, "benefitsAndRisksDiscussed", true,
                "sharedDecisionRecord", "Discussed care at home vs in hospital; patient prefers home");
    }
}
