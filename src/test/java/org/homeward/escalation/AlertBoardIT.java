package org.homeward.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.homeward.patient.PatientRecord;
import org.homeward.security.CurrentUser;
import org.homeward.security.Organisation;
import org.homeward.security.OrganisationType;
import org.homeward.security.Role;
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
 * The board's filters, the rows a live board asks for, and the history of closed alerts, against the real database
 * and over real HTTP, signed in as users of two organisations: each sees only the alerts of patients in its care
 * (the care-team rule the board has always used), filtered by ward and severity, with counts of what is hidden.
 */
@IntegrationTest
class AlertBoardIT {

    @Autowired Fixtures fixtures;
    @Autowired Api api;
    @Autowired AlertService alerts;
    @Autowired JdbcClient jdbc;

    CurrentUser nurseA;
    CurrentUser nurseB;
    CurrentUser referrerA;
    CurrentUser consultantA;
    VirtualWard wardA;
    VirtualWard secondWardA;
    VirtualWard wardB;
    PatientRecord first;
    PatientRecord second;
    PatientRecord theirs;

    @BeforeEach
    void twoOrganisationsWithTheirOwnWards() {
        Organisation a = fixtures.organisation(OrganisationType.ACUTE_TRUST);
        Organisation b = fixtures.organisation(OrganisationType.ACUTE_TRUST);
        referrerA = fixtures.user(Role.REFERRER, a);
        consultantA = fixtures.user(Role.SENIOR_DECISION_MAKER, a);
        nurseA = fixtures.user(Role.CLINICIAN, a);
        CurrentUser referrerB = fixtures.user(Role.REFERRER, b);
        nurseB = fixtures.user(Role.CLINICIAN, b);
        wardA = fixtures.ward(a, 10);
        secondWardA = fixtures.ward(a, 10);
        wardB = fixtures.ward(b, 10);
        first = fixtures.patient(referrerA, LocalDate.of(1940, 1, 1));
        fixtures.admit(first, wardA, referrerA, consultantA);
        second = fixtures.patient(referrerA, LocalDate.of(1941, 1, 1));
        fixtures.admit(second, secondWardA, referrerA, consultantA);
        theirs = fixtures.patient(referrerB, LocalDate.of(1942, 1, 1));
        fixtures.admit(theirs, wardB, referrerB, fixtures.user(Role.SENIOR_DECISION_MAKER, b));
    }

    @Test
    void theBoardFiltersByWardAndSeverityCountsWhatIsHiddenAndShowsEachOrganisationOnlyItsOwn() {
        UUID high = raise(nurseA, first, AlertBoardBrowserIT.HIGH);
        UUID low = raise(nurseA, second, AlertBoardBrowserIT.LOW);
        UUID others = raise(nurseB, theirs, AlertBoardBrowserIT.HIGH);

        assertThat(alerts.openAlerts(nurseA, AlertFilter.of(null, Set.of(AlertSeverity.HIGH))))
                .extracting(AlertView::id).containsExactly(high);
        assertThat(alerts.openAlerts(nurseA, AlertFilter.ward(secondWardA.id()))).extracting(AlertView::id)
                .containsExactly(low);
        assertThat(alerts.openAlerts(nurseA, AlertFilter.ward(null))).extracting(AlertView::id)
                .containsExactly(high, low);
        assertThat(alerts.openAlerts(nurseB, AlertFilter.ward(null))).extracting(AlertView::id).containsExactly(others);

        AlertCounts counts = alerts.openAlertCounts(nurseA, AlertFilter.of(wardA.id(), Set.of(AlertSeverity.HIGH)));
        assertThat(counts.shown()).isEqualTo(1);
        assertThat(counts.total()).as("the other organisation's alert is not counted").isEqualTo(2);
        assertThat(counts.hiddenInWords()).isEqualTo("1 low");

        // a live board asks for the changed alerts by id: only those it may see come back
        PageSession pagesA = PageSession.signIn(api.baseUrl(), nurseA);
        String changes = pagesA.get("/alerts/changes?ids=" + high + "," + low + "," + others + "&severity=HIGH").html().html();
        assertThat(changes).contains(high.toString()).doesNotContain(low.toString()).doesNotContain(others.toString())
                .doesNotContain(theirs.summary().familyName());
        String theirChanges = PageSession.signIn(api.baseUrl(), nurseB).get("/alerts/changes?ids=" + high + "," + others)
                .html().html();
        assertThat(theirChanges).contains(others.toString()).doesNotContain(high.toString());

        // without JavaScript: the filter is the query, and the page says what it hides
        PageSession.Page page = pagesA.get("/alerts?severity=LOW");
        assertThat(page.html().select("[data-testid='alerts'] tbody tr").eachAttr("data-alert-id"))
                .containsExactly(low.toString());
        assertThat(page.testId("hidden-alerts")).contains("1 open alert is hidden by your filters").contains("(1 high)");
        assertThat(page.html().select("#severity-low").hasAttr("checked")).isTrue();
        assertThat(page.html().select("form[action*='/acknowledge']").attr("action")).endsWith("?severity=LOW");
    }

    @Test
    void aBadFilterOrIdInTheAddressIsAnInvalidLink() {
        PageSession pages = PageSession.signIn(api.baseUrl(), nurseA);
        // the pages' rule for a malformed address (PageExceptionHandler): 404 "This link is not valid"
        for (String path : List.of("/alerts/changes?ids=not-an-id", "/alerts?severity=PURPLE", "/alerts/history?page=x")) {
            PageSession.Page page = pages.get(path);
            assertThat(page.status()).as(path).isEqualTo(404);
            assertThat(page.html().text()).as(path).contains("This link is not valid");
        }
    }

    @Test
    void theHistoryPagesTheClosedAlertsOfPatientsInTheOrganisationsCareWithTheirOutcome() {
        Instant start = Instant.now().minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < 27; i++) {
            closedAlert(first, wardA, i % 3 == 0 ? AlertSeverity.HIGH : AlertSeverity.LOW, start.plus(i, ChronoUnit.HOURS), i);
        }
        closedAlert(theirs, wardB, AlertSeverity.HIGH, start, 99);

        AlertHistory page1 = alerts.closedAlerts(nurseA, AlertFilter.ward(null), 1);
        assertThat(page1.total()).isEqualTo(27);
        assertThat(page1.pages()).isEqualTo(2);
        assertThat(page1.alerts()).hasSize(25).allSatisfy(a -> assertThat(a.patientId()).isEqualTo(first.summary().id()));
        assertThat(page1.alerts().get(0).responseNote()).as("most recently closed first").isEqualTo("note 26");
        AlertHistory page2 = alerts.closedAlerts(nurseA, AlertFilter.ward(null), 2);
        assertThat(page2.alerts()).extracting(AlertView::responseNote).containsExactly("note 1", "note 0");
        assertThat(alerts.closedAlerts(nurseA, AlertFilter.ward(null), 99).page()).as("past the end: the last page").isEqualTo(2);

        assertThat(alerts.closedAlerts(nurseA, AlertFilter.of(null, Set.of(AlertSeverity.HIGH)), 1).total()).isEqualTo(9);
        assertThat(alerts.closedAlerts(nurseA, AlertFilter.ward(secondWardA.id()), 1).total()).isZero();
        assertThat(alerts.closedAlerts(nurseB, AlertFilter.ward(null), 1).alerts()).extracting(AlertView::responseNote)
                .as("the other organisation sees only its own").containsExactly("note 99");

        PageSession.Page pageA = PageSession.signIn(api.baseUrl(), nurseA).get("/alerts/history?page=2");
        assertThat(pageA.status()).isEqualTo(200);
        assertThat(pageA.testId("history-summary")).contains("27 closed alerts").contains("page 2 of 2");
        assertThat(pageA.html().select("[data-testid='history'] tbody tr")).hasSize(2);
        assertThat(pageA.html().select("[data-testid='history'] tbody tr").first().text())
                .contains("Phone call by " + nurseA.username()).contains("note 1").contains("By " + consultantA.username())
                .containsIgnoringCase(first.summary().familyName());
        assertThat(pageA.html().select("[data-testid='newer']").attr("href")).isEqualTo("/alerts/history?page=1");
        PageSession.Page pageB = PageSession.signIn(api.baseUrl(), nurseB).get("/alerts/history");
        assertThat(pageB.html().text()).doesNotContainIgnoringCase(first.summary().familyName())
                .containsIgnoringCase(theirs.summary().familyName());
    }

    private UUID raise(CurrentUser by, PatientRecord who, Map<String, Double> readings) {
        List<Map<String, Object>> body = readings.entrySet().stream().map(e -> Map.<String, Object>of(
                "id", UUID.randomUUID().toString(), "patientId", who.summary().id().toString(),
                "parameter", e.getKey(), "value", e.getValue(), "recordedAt", Instant.now().minusSeconds(30).toString()))
                .toList();
        assertThat(api.post(by, "/api/v1/observations/batch", Map.of("readings", body)).status()).isEqualTo(200);
        return jdbc.sql("select id from alert where patient_id = ? and status <> 'CLOSED'")
                .param(who.summary().id().value()).query(UUID.class).single();
    }

    /** A closed alert as the lifecycle leaves one: acknowledged, a phone call, closed by the consultant. */
    private void closedAlert(PatientRecord who, VirtualWard on, AlertSeverity severity, Instant raised, int n) {
        jdbc.sql("""
                insert into alert (id, patient_id, ward_id, kind, severity, score_name, score_total, partial_set, reason,
                    observed_at, raised_at, respond_by, respond_within_minutes, tier, status, acknowledged_by,
                    acknowledged_at, response_action, response_note, responded_by, responded_at, closed_by, closed_at)
                values (?, ?, ?, 'EARLY_WARNING', ?, 'NEWS2', 7, false, 'NEWS2 7: emergency response threshold', ?, ?, ?,
                    30, 'WARD_TEAM', 'CLOSED', ?, ?, 'PHONE_CALL', ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), who.summary().id().value(), on.id().value(), severity.name(), ts(raised),
                        ts(raised), ts(raised.plusSeconds(1800)), nurseA.username(), ts(raised.plusSeconds(300)),
                        "note " + n, nurseA.username(), ts(raised.plusSeconds(900)), consultantA.username(),
                        ts(raised.plusSeconds(1200)))
                .update();
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
