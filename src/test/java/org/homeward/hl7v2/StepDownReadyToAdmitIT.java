package org.homeward.hl7v2;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.homeward.patient.PatientRecord;
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
import org.homeward.security.SecurityService;
import org.homeward.support.Api;
import org.homeward.support.Fixtures;
import org.homeward.support.IntegrationTest;
import org.homeward.support.PageSession;
import org.homeward.ward.VirtualWard;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Completing a step-down referral on the acute trust's A03 (ADR 0006), through the MLLP listener: an accepted
 * referral whose patient has left the acute ward is ready to admit (API, list page, referral page, admission form
 * defaults) and gives the ward's coordinators exactly one task to plan the first visit, whatever the hospital repeats;
 * an A13 cancels the task and the readiness; a referral not yet triaged is flagged to triage now, and accepting it then
 * raises the task.
 */
@IntegrationTest
class StepDownReadyToAdmitIT {

    private static final DateTimeFormatter HL7 = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    @Autowired MllpListener listener;
    @Autowired SecurityService security;
    @Autowired Fixtures fixtures;
    @Autowired ReferralService referrals;
    @Autowired JdbcClient jdbc;
    @Autowired Api api;
    @Autowired Clock clock;

    CurrentUser referrer;
    CurrentUser coordinator;
    CurrentUser senior;
    VirtualWard ward;
    PatientRecord patient;

    @BeforeEach
    void aStepDownReferralFromTheAcuteTrust() {
        Organisation acute = security.organisation(EngineAccount.ensure(security).organisationId());
        referrer = fixtures.user(Role.REFERRER, acute);
        Organisation community = fixtures.organisation(OrganisationType.COMMUNITY_PROVIDER);
        coordinator = fixtures.user(Role.COORDINATOR, community);
        senior = fixtures.user(Role.SENIOR_DECISION_MAKER, community);
        ward = fixtures.ward(community, 5, List.of(acute));
        patient = fixtures.patient(referrer, LocalDate.of(1941, 5, 2));
    }

    /** Referred four hours ago. */
    ReferralView referStepDown(Urgency urgency) {
        return referrals.refer(referrer, new CreateReferral(patient.summary().id(), ward.id(),
                ReferralDirection.STEP_DOWN, ReferralSource.INPATIENT_WARD, "Cellulitis", "IV antibiotics at home",
                Set.of(Intervention.IV_THERAPY), urgency, "Ward 7", "Dr Ngozi Okafor",
                clock.instant().minus(Duration.ofHours(4))));
    }

    /** Two hours ago to the minute: when the patient left the acute ward in these tests. */
    Instant twoHoursAgo() {
        return clock.instant().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MINUTES);
    }

    AdtMessages discharge(Instant leftAt) {
        AdtMessages m = about("A03");
        m.pv1 = StepDownAdtIT.pv1("WARD 7^BAY 1^BED 2^RBD", HL7.format(leftAt.atZone(clock.getZone())));
        return m;
    }

    AdtMessages about(String event) {
        AdtMessages m = AdtMessages.a(event);
        m.nhsNumber = patient.summary().nhsNumber().value();
        m.family = patient.summary().familyName();
        m.given = patient.summary().givenName();
        return m;
    }

    String send(AdtMessages m) throws IOException {
        try (Mllp mllp = new Mllp(listener.port())) {
            return mllp.send(m.text());
        }
    }

    JsonNode referralJson(ReferralView referral) {
        return api.get(coordinator, "/api/v1/referrals/" + referral.id().value()).body();
    }

    /** This test's patient's tasks on the coordinator's worklist. */
    List<JsonNode> coordinatorsTasksForThePatient() {
        JsonNode mine = api.get(coordinator, "/api/v1/tasks/mine").body();
        List<JsonNode> found = new ArrayList<>();
        mine.forEach(t -> {
            if (patient.summary().id().value().toString().equals(t.path("patientId").asText())) {
                found.add(t);
            }
        });
        return found;
    }

    Element listRow(CurrentUser user, ReferralView referral) {
        var page = PageSession.signIn(api.baseUrl(), user).get("/referrals");
        assertThat(page.status()).isEqualTo(200);
        Element row = page.html().selectFirst("[data-testid=open-referrals] tr[data-referral-id='"
                + referral.id().value() + "']");
        assertThat(row).as("the referral's row on the list").isNotNull();
        return row;
    }

    static String local(Instant at, Clock clock) {
        return LocalDateTime.ofInstant(at, clock.getZone()).toString();
    }

    @Test
    void anA03OnAnAcceptedReferralMakesItReadyToAdmitWithOneTaskAndAnA13CancelsBoth() throws IOException {
        ReferralView referral = referStepDown(Urgency.SAME_DAY);
        referrals.triage(senior, referral.id(), new TriageDecision(TriageDecision.Outcome.ACCEPT, "Meets the criteria",
                clock.instant().minus(Duration.ofHours(3))));
        assertThat(referralJson(referral).hasNonNull("readyToAdmitSince")).isFalse();
        assertThat(coordinatorsTasksForThePatient()).isEmpty();
        assertThat(listRow(coordinator, referral).select("[data-testid=ready-to-admit]")).isEmpty();

        Instant left = twoHoursAgo();
        AdtMessages a03 = discharge(left);
        assertThat(send(a03)).contains("MSA|AA|" + a03.controlId);

        JsonNode ready = referralJson(referral);
        assertThat(Instant.parse(ready.get("readyToAdmitSince").asText())).isEqualTo(left);
        assertThat(ready.get("triageNow").asBoolean()).isFalse();
        String shownLeft = DateWordsForTest.dateTime(left, clock);
        assertThat(listRow(coordinator, referral).select("[data-testid=ready-to-admit]").text())
                .contains("Ready to admit").contains("Left the acute ward " + shownLeft);
        var page = PageSession.signIn(api.baseUrl(), senior).get("/referrals/" + referral.id().value());
        assertThat(page.html().select("[data-testid=ready-to-admit]").text()).contains("Ready to admit")
                .contains(shownLeft);
        assertThat(page.html().select("input#admittedAt").attr("value")).isEqualTo(local(left, clock));
        assertThat(page.html().select("input#accountabilityTransferredAt").attr("value"))
                .isEqualTo(local(left, clock));

        List<JsonNode> tasks = coordinatorsTasksForThePatient();
        assertThat(tasks).hasSize(1);
        JsonNode task = tasks.get(0);
        assertThat(task.get("title").asText()).isEqualTo("Plan the first visit");
        assertThat(task.get("priority").asText()).isEqualTo("HIGH");
        assertThat(task.get("origin").asText()).isEqualTo("STEP_DOWN_READY");
        assertThat(task.get("assigneeWords").asText()).startsWith("Coordinators");
        assertThat(Instant.parse(task.get("dueAt").asText())).isEqualTo(left.plus(Duration.ofHours(4)));

        AdtMessages again = discharge(left);
        assertThat(send(again)).contains("MSA|AA|" + again.controlId);
        assertThat(coordinatorsTasksForThePatient()).hasSize(1);
        assertThat(jdbc.sql("select count(*) from task where origin_id = ?").param(referral.id().value().toString())
                .query(Integer.class).single()).isEqualTo(1);

        AdtMessages a13 = about("A13");
        assertThat(send(a13)).contains("MSA|AA|" + a13.controlId);

        assertThat(referralJson(referral).hasNonNull("readyToAdmitSince")).isFalse();
        assertThat(coordinatorsTasksForThePatient()).isEmpty();
        assertThat(listRow(coordinator, referral).select("[data-testid=ready-to-admit]")).isEmpty();
        JsonNode cancelled = api.get(coordinator, "/api/v1/tasks/" + task.get("id").asText()).body();
        assertThat(cancelled.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.get("outcome").asText()).startsWith("Not ready to admit any more")
                .contains("leaving the acute ward cancelled");
    }

    @Test
    void anA03BeforeTriageSaysTriageNowAndAcceptingThenRaisesTheTask() throws IOException {
        ReferralView referral = referStepDown(Urgency.NEXT_DAY);
        assertThat(listRow(coordinator, referral).select("[data-testid=triage-now]")).isEmpty();

        Instant left = twoHoursAgo();
        assertThat(send(discharge(left))).contains("MSA|AA|");

        assertThat(listRow(coordinator, referral).select("[data-testid=triage-now]").text())
                .isEqualTo("Left the acute ward: triage now");
        JsonNode awaiting = referralJson(referral);
        assertThat(awaiting.get("triageNow").asBoolean()).isTrue();
        assertThat(awaiting.get("urgency").asText()).isEqualTo("NEXT_DAY");
        assertThat(awaiting.hasNonNull("readyToAdmitSince")).isFalse();
        assertThat(coordinatorsTasksForThePatient()).isEmpty();

        var accepted = api.post(senior, "/api/v1/referrals/" + referral.id().value() + "/triage",
                new TriageDecision(TriageDecision.Outcome.ACCEPT, "Meets the criteria"));
        assertThat(accepted.status()).isEqualTo(200);

        assertThat(Instant.parse(referralJson(referral).get("readyToAdmitSince").asText())).isEqualTo(left);
        assertThat(listRow(coordinator, referral).select("[data-testid=triage-now]")).isEmpty();
        List<JsonNode> tasks = coordinatorsTasksForThePatient();
        assertThat(tasks).hasSize(1);
        assertThat(tasks.get(0).get("title").asText()).isEqualTo("Plan the first visit");
        // accepted after the patient left: the admission cannot come before the acceptance, so none is offered
        var page = PageSession.signIn(api.baseUrl(), senior).get("/referrals/" + referral.id().value());
        assertThat(page.html().select("input#admittedAt").attr("value")).isEmpty();
        assertThat(page.html().select("input#accountabilityTransferredAt").attr("value"))
                .isEqualTo(local(left, clock));
    }

    /** A time as pages show it: 6 December 2026, 14:30. */
    static final class DateWordsForTest {
        static String dateTime(Instant at, Clock clock) {
            return DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", java.util.Locale.UK)
                    .format(at.atZone(clock.getZone()));
        }
    }
}
