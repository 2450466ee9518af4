package org.homeward.observation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.homeward.patient.PatientRecord;
import org.homeward.security.CurrentUser;
import org.homeward.security.Organisation;
import org.homeward.security.OrganisationType;
import org.homeward.security.Role;
import org.homeward.support.Api;
import org.homeward.support.Api.Response;
import org.homeward.support.Fixtures;
import org.homeward.support.IntegrationTest;
import org.homeward.support.PageSession;
import org.homeward.support.PageSession.Page;
import org.homeward.ward.Pathway;
import org.homeward.ward.VirtualWard;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The ward's pathway chooses PEWS or NEWS2 for a 16- or 17-year-old; readings from the batch API and the nurse's form
 * carry the PEWS triggers; a set with nothing its score uses has no score.
 */
@IntegrationTest
class ScoreByPathwayIT {

    @Autowired Fixtures fixtures;
    @Autowired Api api;
    @Autowired ObservationService observations;
    @Autowired JdbcClient jdbc;

    Organisation community;
    CurrentUser referrer;
    CurrentUser consultant;
    CurrentUser nurse;
    VirtualWard childrens;
    VirtualWard adults;

    @BeforeEach
    void twoWards() {
        community = fixtures.organisation(OrganisationType.COMMUNITY_PROVIDER);
        referrer = fixtures.user(Role.REFERRER, community);
        consultant = fixtures.user(Role.SENIOR_DECISION_MAKER, community);
        nurse = fixtures.user(Role.CLINICIAN, community);
        childrens = fixtures.ward(community, 10, 0, 17, EnumSet.of(Pathway.PAEDIATRICS));
        adults = fixtures.ward(community, 10, 16, 130, EnumSet.of(Pathway.ADULT_FRAILTY));
    }

    private PatientRecord seventeenYearOldOn(VirtualWard ward) {
        PatientRecord patient = fixtures.patient(referrer, LocalDate.now().minusYears(17).minusMonths(3));
        fixtures.admit(patient, ward, referrer, consultant);
        return patient;
    }

    @Test
    void aSeventeenYearOldOnAChildrensWardIsScoredWithPews() {
        PatientRecord patient = seventeenYearOldOn(childrens);
        send(patient, numeric("RESPIRATORY_RATE", 24), numeric("HEART_RATE", 100));

        ScoredSet latest = latest(patient);
        assertThat(latest.scoreName()).isEqualTo("PEWS");
        assertThat(observations.warningScore(patient.summary().id()).name()).isEqualTo("PEWS");
    }

    @Test
    void aSeventeenYearOldOnAnAdultWardIsScoredWithNews2() {
        PatientRecord patient = seventeenYearOldOn(adults);
        send(patient, numeric("RESPIRATORY_RATE", 24), numeric("HEART_RATE", 100));

        ScoredSet latest = latest(patient);
        assertThat(latest.scoreName()).isEqualTo("NEWS2");
        assertThat(latest.total()).isEqualTo(2 + 1);
    }

    @Test
    void batchReadingsCarryThePewsTriggersThatRaiseTheLevel() {
        PatientRecord patient = seventeenYearOldOn(childrens);
        send(patient, numeric("RESPIRATORY_RATE", 16), numeric("HEART_RATE", 80));
        assertThat(latest(patient).level()).isEqualTo("No escalation");

        send(patient, coded("SUSPECTED_SEPSIS", "true"), coded("CLINICAL_INTUITION", "HIGH"));
        ScoredSet latest = latest(patient);
        assertThat(latest.level()).isEqualTo("High");
        assertThat(latest.values()).containsEntry(ObservationParameter.SUSPECTED_SEPSIS, "true");
        assertThat(jdbc.sql("select reason from alert where patient_id = ?").param(patient.summary().id().value())
                .query(String.class).single()).contains("suspected sepsis").contains("a clinician is worried");

        send(patient, coded("BLOOD_PRESSURE_DEROGATION", "UNSUCCESSFUL_WITH_CONCERN"));
        assertThat(latest(patient).total()).as("U4 scores 4").isEqualTo(4);
    }

    @Test
    void theNursesFormCarriesThePewsTriggersThatChangeTheScore() {
        PatientRecord patient = seventeenYearOldOn(childrens);
        PageSession phone = PageSession.signIn(api.baseUrl(), nurse);
        Page form = phone.get("/patients/" + patient.summary().id() + "/observations/new");
        assertThat(form.html().select("#suspectedSepsis, #clinicalIntuition, #specificConcern, #bloodPressureDerogation"))
                .hasSize(4);

        Page saved = phone.submit(form, "form[action$=/observations]", Map.of("heartRate", "80",
                "respiratoryRate", "16", "bloodPressureDerogation", "UNSUCCESSFUL_WITH_CONCERN",
                "suspectedSepsis", "true", "specificConcern", "MEDIUM"));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(302);

        ScoredSet latest = latest(patient);
        assertThat(latest.scoreName()).isEqualTo("PEWS");
        assertThat(latest.total()).isEqualTo(4);
        assertThat(latest.values()).containsEntry(ObservationParameter.SPECIFIC_CONCERN, "MEDIUM")
                .containsEntry(ObservationParameter.SUSPECTED_SEPSIS, "true");
    }

    @Test
    void aSetWithNothingItsScoreUsesHasNoScoreInsteadOfLowRisk() {
        PatientRecord adult = fixtures.patient(referrer, LocalDate.of(1950, 1, 1));
        fixtures.admit(adult, adults, referrer, consultant);
        send(adult, coded("CARER_ANSWER", "SAME"));

        ScoredSet latest = latest(adult);
        assertThat(latest.scored()).isFalse();
        assertThat(latest.scoreText()).isEqualTo("No score");
        assertThat(jdbc.sql("select basis from monitoring_schedule where patient_id = ?")
                .param(adult.summary().id().value()).query(String.class).single())
                .contains("no score").doesNotContain("12-hourly");
        Page chart = PageSession.signIn(api.baseUrl(), nurse).get("/patients/" + adult.summary().id() + "/chart");
        assertThat(chart.testId("latest-score")).contains("No score").doesNotContain("Low");
    }

    @Test
    void theNews2CalculatorRefusesAnEmptySetNamingWhatIsNeeded() {
        Response empty = api.post(nurse, "/api/v1/scores/news2", Map.of());
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body().toString()).contains("parameters").contains("At least one NEWS2 parameter");
        assertThat(empty.body().toString()).doesNotContain("12-hourly");
    }

    private ScoredSet latest(PatientRecord patient) {
        List<ScoredSet> history = observations.history(nurse, patient.summary().id(), 1);
        assertThat(history).isNotEmpty();
        return history.get(history.size() - 1);
    }

    @SafeVarargs
    private void send(PatientRecord patient, Map<String, Object>... readings) {
        List<Map<String, Object>> body = java.util.Arrays.stream(readings).map(r -> {
            Map<String, Object> reading = new HashMap<>(r);
            reading.put("id", UUID.randomUUID().toString());
            reading.put("patientId", patient.summary().id().toString());
            reading.put("recordedAt", Instant.now().minusSeconds(5).toString());
            return reading;
        }).toList();
        Response response = api.post(nurse, "/api/v1/observations/batch", Map.of("mode", "ALL_OR_NOTHING",
                "readings", body));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    private static Map<String, Object> numeric(String parameter, double value) {
        return Map.of("parameter", parameter, "value", value);
    }

    private static Map<String, Object> coded(String parameter, String code) {
        return Map.of("parameter", parameter, "code", code);
    }
}
