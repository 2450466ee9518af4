package org.homeward.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import org.homeward.observation.HomeLinkService;
import org.homeward.patient.PatientRecord;
import org.homeward.security.CurrentUser;
import org.homeward.security.Organisation;
import org.homeward.security.OrganisationType;
import org.homeward.security.Role;
import org.homeward.support.Api;
import org.homeward.support.Fixtures;
import org.homeward.support.IntegrationTest;
import org.homeward.support.PageSession;
import org.homeward.support.PageSession.Page;
import org.homeward.support.TestClock;
import org.homeward.ward.VirtualWard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * After readings that raise an alert, the patient's or carer's page says what happens now and what to do, with the
 * ward's number for this time of day; "I am worried" in their own words raises a MEDIUM concern alert on the board.
 * The ward (Fixtures) is open 08:00-20:00, in-hours number 01632 960 000, out-of-hours 01305 255 000.
 */
@IntegrationTest
class CarerAdviceIT {

    static final String IN_HOURS = "01632 960 000";
    static final String OUT_OF_HOURS = "01305 255 000";

    @Autowired Fixtures fixtures;
    @Autowired Api api;
    @Autowired HomeLinkService links;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;

    CurrentUser nurse;
    VirtualWard ward;
    PatientRecord patient;
    String token;

    @BeforeEach
    void anAdmittedPatientWithALink() {
        Organisation community = fixtures.organisation(OrganisationType.COMMUNITY_PROVIDER);
        CurrentUser referrer = fixtures.user(Role.REFERRER, community);
        CurrentUser consultant = fixtures.user(Role.SENIOR_DECISION_MAKER, community);
        nurse = fixtures.user(Role.CLINICIAN, community);
        ward = fixtures.ward(community, 10);
        patient = fixtures.patient(referrer, LocalDate.of(1950, 3, 3));
        fixtures.admit(patient, ward, referrer, consultant);
        token = links.issue(nurse, patient.summary().id());
    }

    @AfterEach
    void clockBack() {
        clock.reset();
    }

    private void at(int hour) {
        clock.set(LocalDate.now(clock.getZone()).atTime(LocalTime.of(hour, 0)).atZone(clock.getZone()).toInstant());
    }

    private Page sendWorryingReadings() {
        PageSession phone = PageSession.anonymous(api.baseUrl());
        Page form = phone.get("/home/" + token);
        Page sent = phone.submit(form, "form", Map.of("feeling", "WORSE", "oxygenSaturation", "88",
                "heartRate", "190", "respiratoryRate", "70"));
        assertThat(sent.location()).endsWith("/home/" + token + "/advice");
        return phone.follow(sent);
    }

    @Test
    void worryingReadingsInTheDayAreToldToCallTheTeamNowOnTheInHoursNumber() {
        at(14);
        Page advice = sendWorryingReadings();

        assertThat(advice.testId("sent")).contains("Thank you").contains("14:00");
        assertThat(advice.testId("advice-heading")).isEqualTo("Call the team now");
        assertThat(advice.testId("advice-what-to-do")).contains("Call the team now on " + IN_HOURS)
                .doesNotContain(OUT_OF_HOURS);
        assertThat(advice.testId("advice-999")).contains("call 999").contains("cannot breathe");
        assertThat(advice.text()).doesNotContain("The team will see them now");
    }

    @Test
    void worryingReadingsAtNightAreToldToCallTheOutOfHoursNumberWithItsLabel() {
        at(23);
        Page advice = sendWorryingReadings();

        assertThat(advice.testId("advice-heading")).isEqualTo("Call the team now");
        assertThat(advice.testId("advice-what-to-do")).contains("Call the team now on " + OUT_OF_HOURS)
                .contains("out of hours, 20:00 to 08:00").doesNotContain(IN_HOURS);
    }

    @Test
    void iAmWorriedRaisesAMediumConcernAlertOnTheBoardWithTheirWords() {
        at(15);
        String words = "She is much more sleepy than this morning and will not drink";
        PageSession phone = PageSession.anonymous(api.baseUrl());
        Page form = phone.get("/home/" + token + "/worried");
        Page sent = phone.submit(form, "form", Map.of("words", words));
        Page advice = phone.follow(sent);

        assertThat(advice.testId("concern-sent")).contains("told you are worried");
        assertThat(advice.testId("advice-heading")).isEqualTo("You asked for a review");
        assertThat(advice.testId("advice-what-to-do")).contains(IN_HOURS).contains("within the hour");
        assertThat(advice.testId("advice-what-happens")).contains("within 30 minutes");

        Page board = PageSession.signIn(api.baseUrl(), nurse).get("/alerts?wardId=" + ward.id());
        String row = board.html().select("[data-testid=alerts] tbody tr").text();
        assertThat(row).contains(patient.summary().displayName()).contains("Medium").contains(words);
        assertThat(jdbc.sql("select kind from alert where patient_id = ?").param(patient.summary().id().value())
                .query(String.class).single()).isEqualTo("CONCERN_RAISED");
        assertThat(jdbc.sql("select words from patient_concern where patient_id = ?")
                .param(patient.summary().id().value()).query(String.class).single()).isEqualTo(words);
    }

    @Test
    void aWorryOnAnOpenAlertRaisesItAgainAtLeastMediumWithTheWordsFirst() {
        at(16);
        PageSession phone = PageSession.anonymous(api.baseUrl());
        phone.submit(phone.get("/home/" + token), "form", Map.of("respiratoryRate", "25"));
        assertThat(jdbc.sql("select severity from alert where patient_id = ?").param(patient.summary().id().value())
                .query(String.class).single()).isEqualTo("LOW");

        phone.submit(phone.get("/home/" + token + "/worried"), "form", Map.of("words", "Breathing is noisy now"));

        Map<String, Object> alert = jdbc.sql("select severity, status, reason from alert where patient_id = ?")
                .param(patient.summary().id().value()).query().singleRow();
        assertThat(alert.get("severity")).isEqualTo("MEDIUM");
        assertThat(alert.get("status")).isEqualTo("RAISED");
        assertThat((String) alert.get("reason")).startsWith("Worried, in their own words: \"Breathing is noisy now\"")
                .contains("NEWS2 3");
    }

    @Test
    void aWorryWithoutWordsIsAskedForAndWritesNothing() {
        PageSession phone = PageSession.anonymous(api.baseUrl());
        Page again = phone.submit(phone.get("/home/" + token + "/worried"), "form", Map.of("words", "   "));

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.testId("worried-problem")).contains("in your own words");
        assertThat(jdbc.sql("select count(*) from alert where patient_id = ?").param(patient.summary().id().value())
                .query(Long.class).single()).isZero();
        Page tooLong = phone.submit(phone.get("/home/" + token + "/worried"), "form", Map.of("words", "x".repeat(1001)));
        assertThat(tooLong.testId("worried-problem")).contains("at most 1000 characters");
    }
}
