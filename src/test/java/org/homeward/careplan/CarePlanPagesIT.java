package org.homeward.careplan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.homeward.patient.PatientRecord;
import org.homeward.security.CurrentUser;
import org.homeward.security.Organisation;
import org.homeward.security.OrganisationType;
import org.homeward.security.Role;
import org.homeward.shared.PatientId;
import org.homeward.support.Api;
import org.homeward.support.Fixtures;
import org.homeward.support.IntegrationTest;
import org.homeward.support.PageSession;
import org.homeward.ward.VirtualWard;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The care and support plan's pages without JavaScript, and its resuscitation status where staff look in an
 * emergency: the patient banner on every patient page and the row of the patient's open alert on the alert board.
 */
@IntegrationTest
class CarePlanPagesIT {

    @Autowired Fixtures fixtures;
    @Autowired Api api;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    CurrentUser consultant;
    CurrentUser nurse;
    CurrentUser referrer;
    VirtualWard ward;
    PatientRecord patient;
    PatientId id;
    LocalDate today;

    @BeforeEach
    void anAdmittedPatient() {
        Organisation acute = fixtures.organisation(OrganisationType.ACUTE_TRUST);
        referrer = fixtures.user(Role.REFERRER, acute);
        consultant = fixtures.user(Role.SENIOR_DECISION_MAKER, acute);
        nurse = fixtures.user(Role.CLINICIAN, acute);
        ward = fixtures.ward(acute, 10);
        patient = fixtures.patient(referrer, LocalDate.of(1936, 6, 6));
        fixtures.admit(patient, ward, referrer, consultant);
        id = patient.summary().id();
        today = LocalDate.now(clock);
    }

    @Test
    void theDnacprDecisionAndReSpectAreOnTheBannerAndOnTheAlertBoardRow() {
        PageSession pages = PageSession.signIn(api.baseUrl(), nurse);
        assertThat(pages.get("/patients/" + id).testId("banner-respect")).isEqualTo("None recorded");

        recordDnacpr();
        String day = CarePlanRules.day(today);
        String words = "DNACPR (Dr Asha Patel, " + day + "); ReSPECT: prioritise comfort, CPR not recommended"
                + " (Dr Asha Patel, " + day + ")";
        PageSession.Page record = pages.get("/patients/" + id);
        assertThat(record.testId("banner-respect")).isEqualTo(words);
        assertThat(record.testId("banner-last-weeks")).startsWith("Recognised as in the last weeks of life (Dr Asha Patel");
        assertThat(record.testId("banner-allergies")).isEqualTo("Not recorded");
        assertThat(pages.get("/patients/" + id + "/chart").testId("banner-respect")).as("every patient page")
                .isEqualTo(words);

        raiseAnAlert();
        PageSession.Page board = pages.get("/alerts?wardId=" + ward.id());
        String row = board.html().select("[data-testid='alerts'] tbody tr").text();
        assertThat(row).contains(patient.summary().displayName()).contains(words).contains("Last weeks of life");
        String live = pages.get("/alerts/rows?wardId=" + ward.id()).html().select("tr").text();
        assertThat(live).as("the rows a live board fetches").contains(words);
    }

    @Test
    void aNurseRecordsWhatMattersAndGoalsOnTheFormsAndSeesThemWithTheirHistory() {
        PageSession pages = PageSession.signIn(api.baseUrl(), nurse);
        PageSession.Page plan = pages.get("/patients/" + id + "/care-plan");
        assertThat(plan.status()).isEqualTo(200);
        assertThat(plan.testId("no-plan")).contains("Nothing has been recorded");
        assertThat(plan.html().select("a[href$='/care-plan/dnacpr#inPlace']")).as("the DNACPR decision is a senior's")
                .isEmpty();

        PageSession.Page form = pages.get("/patients/" + id + "/care-plan/what-matters");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("version", "0");
        fields.put("whatMatters", "Being at home for her granddaughter's wedding");
        fields.put("agreedWith", "PATIENT");
        fields.put("agreedOn-day", String.valueOf(today.getDayOfMonth()));
        fields.put("agreedOn-month", String.valueOf(today.getMonthValue()));
        fields.put("agreedOn-year", String.valueOf(today.getYear()));
        PageSession.Page saved = pages.submit(form, "form[action$='/care-plan/what-matters']", fields);
        assertThat(saved.status()).as(saved.toString()).isEqualTo(302);
        plan = pages.follow(saved);
        assertThat(plan.testId("what-matters")).contains("Being at home for her granddaughter's wedding")
                .contains("The patient").contains(CarePlanRules.day(today));

        // a goal row with a status but no text: the error names the row's field, nothing is written
        form = pages.get("/patients/" + id + "/care-plan/goals");
        PageSession.Page refused = pages.submit(form, "form[action$='/care-plan/goals']",
                Map.of("version", "1", "goals[0].text", "", "goals[0].status", "IN_PROGRESS"));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.testId("errors")).isEqualTo("Goal is required: what the goal is");
        assertThat(refused.html().select("[data-testid='errors'] a").attr("href")).isEqualTo("#goals[0].text");
        LocalDate target = today.minusDays(1);
        saved = pages.submit(form, "form[action$='/care-plan/goals']",
                Map.of("version", "1", "goals[1].text", "Walk to the garden gate", "goals[1].status", "IN_PROGRESS",
                        "goals[1].targetDate-day", String.valueOf(target.getDayOfMonth()),
                        "goals[1].targetDate-month", String.valueOf(target.getMonthValue()),
                        "goals[1].targetDate-year", String.valueOf(target.getYear())));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(302);
        plan = pages.follow(saved);
        assertThat(plan.testId("goals")).contains("Goal 1").contains("Walk to the garden gate")
                .contains("In progress, by " + CarePlanRules.day(target));
        PageSession.Page reopened = pages.get("/patients/" + id + "/care-plan/goals");
        assertThat(reopened.html().select("input[name='goals[0].text']").attr("value")).isEqualTo("Walk to the garden gate");
        assertThat(reopened.html().select("input[name='goals[0].targetDate-day']").attr("value"))
                .as("the form shows the goal's target date, so saving it again keeps it")
                .isEqualTo(String.valueOf(target.getDayOfMonth()));
        assertThat(plan.html().select("[data-testid='history-of-changes'] tbody tr").text())
                .contains("Goal 1").contains(nurse.displayName());

        // a second change made from the form as it was opened is refused; the first is kept
        PageSession.Page stale = pages.submit(form, "form[action$='/care-plan/goals']",
                Map.of("version", "1", "goals[0].text", "Something else"));
        assertThat(stale.testId("errors")).contains("Someone else changed this patient's care and support plan");
        assertThat(pages.get("/patients/" + id + "/care-plan").testId("goals")).contains("Walk to the garden gate")
                .doesNotContain("Something else");

        assertThat(pages.get("/patients/" + id + "/care-plan/dnacpr").status()).isEqualTo(403);
        assertThat(pages.get("/patients/" + id).html().select("#open-care-plan")).hasSize(1);
    }

    private void recordDnacpr() {
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("respect", Map.of("priority", "PRIORITISE_COMFORT", "cprRecommendation", "CPR_NOT_RECOMMENDED",
                "completedBy", "Dr Asha Patel", "completedOn", today.toString()));
        plan.put("dnacpr", Map.of("inPlace", true, "madeBy", "Dr Asha Patel", "madeOn", today.toString(),
                "discussedWithPatient", true));
        plan.put("lastWeeksOfLife", Map.of("recognised", true, "recognisedBy", "Dr Asha Patel",
                "recognisedOn", today.toString()));
        var saved = api.put(consultant, "/api/v1/patients/" + id + "/care-plan/advance-care-plan",
                Map.of("version", 0, "advanceCarePlan", plan));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
    }

    /** NEWS2 8 from a device's readings: a high alert. */
    private void raiseAnAlert() {
        Map<String, Double> readings = Map.of("RESPIRATORY_RATE", 26.0, "OXYGEN_SATURATION", 91.0, "HEART_RATE", 118.0);
        List<Map<String, Object>> body = readings.entrySet().stream().map(e -> Map.<String, Object>of(
                "id", UUID.randomUUID().toString(), "patientId", id.toString(), "parameter", e.getKey(),
                "value", e.getValue(), "recordedAt", Instant.now(clock).minusSeconds(30).toString())).toList();
        assertThat(api.post(nurse, "/api/v1/observations/batch", Map.of("readings", body)).status()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from alert where patient_id = ? and status <> 'CLOSED'")
                .param(id.value()).query(Long.class).single()).isEqualTo(1);
    }
}
