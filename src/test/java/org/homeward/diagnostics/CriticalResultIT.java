package org.homeward.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.homeward.escalation.AlertKind;
import org.homeward.escalation.AlertService;
import org.homeward.escalation.AlertSeverity;
import org.homeward.escalation.AlertView;
import org.homeward.notification.NotificationService;
import org.homeward.notification.NotificationView;
import org.homeward.patient.PatientRecord;
import org.homeward.security.CurrentUser;
import org.homeward.security.Organisation;
import org.homeward.security.OrganisationType;
import org.homeward.security.Role;
import org.homeward.shared.PatientId;
import org.homeward.support.Api;
import org.homeward.support.Fixtures;
import org.homeward.support.IntegrationTest;
import org.homeward.task.TaskService;
import org.homeward.task.TaskView;
import org.homeward.ward.VirtualWard;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A critical potassium: the alert is raised in the result's own transaction (rolled back together, committed
 * together), reaches the accountable consultant as other alerts do, and the ordering clinician has an urgent task to
 * acknowledge it, done when acknowledged; the board round's results column counts it.
 */
@IntegrationTest
class CriticalResultIT {

    @Autowired Fixtures fixtures;
    @Autowired Api api;
    @Autowired JdbcClient jdbc;
    @Autowired DiagnosticsService diagnostics;
    @Autowired AlertService alerts;
    @Autowired TaskService tasks;
    @Autowired NotificationService notifications;
    @Autowired TransactionTemplate transaction;

    CurrentUser consultant;
    CurrentUser lab;
    PatientRecord patient;
    PatientId patientId;

    @BeforeEach
    void admit() {
        Organisation acute = fixtures.organisation(OrganisationType.ACUTE_TRUST);
        Organisation community = fixtures.organisation(OrganisationType.COMMUNITY_PROVIDER);
        CurrentUser referrer = fixtures.user(Role.REFERRER, acute);
        consultant = fixtures.user(Role.SENIOR_DECISION_MAKER, acute);
        lab = fixtures.user(Role.CLINICIAN, acute);
        VirtualWard ward = fixtures.ward(acute, 5, List.of(community));
        patient = fixtures.patient(referrer, LocalDate.of(1948, 6, 2));
        fixtures.admit(patient, ward, referrer, consultant);
        patientId = patient.summary().id();
    }

    @Test
    void aCriticalPotassiumRaisesTheAlertInTheResultsTransactionAndTasksTheOrderingClinician() {
        TestOrderView order = diagnostics.order(consultant, patientId, new OrderTests(List.of("UE"),
                "Potassium on spironolactone", Urgency.URGENT, null, null));
        ResultsIn critical = new ResultsIn(order.id(), patient.summary().nhsNumber().value(), List.of(
                new ResultLine("POTASSIUM", new BigDecimal("6.9"), "mmol/L", null, null, null, null, null, null)));

        // rolled back: neither the result nor its alert nor its task is left
        transaction.executeWithoutResult(status -> {
            diagnostics.receiveResults(lab, critical);
            assertThat(count("select count(*) from alert where patient_id = ? and kind = 'CRITICAL_RESULT'"))
                    .isEqualTo(1);
            status.setRollbackOnly();
        });
        assertThat(count("select count(*) from test_result where patient_id = ?")).isZero();
        assertThat(count("select count(*) from alert where patient_id = ?")).isZero();
        assertThat(count("select count(*) from task where patient_id = ?")).isZero();

        TestOrderView resulted = diagnostics.receiveResults(lab, critical);
        TestResultView potassium = resulted.results().get(0);
        assertThat(potassium.flag()).isEqualTo(ResultFlag.CRITICAL_HIGH);

        AlertView alert = alerts.openAlertOf(patientId).orElseThrow();
        assertThat(alert.kind()).isEqualTo(AlertKind.CRITICAL_RESULT);
        assertThat(alert.severity()).isEqualTo(AlertSeverity.HIGH);
        assertThat(alert.reason()).isEqualTo("Critical result: Potassium 6.9 mmol/L (critical: high)");
        // nobody is on call on this ward: the message goes up to the accountable consultant, as for any alert
        assertThat(notifications.aboutAlert(alert.id())).extracting(NotificationView::recipientId)
                .contains(consultant.id());

        List<TaskView> worklist = tasks.worklist(consultant);
        assertThat(worklist).singleElement().satisfies(task -> {
            assertThat(task.title()).isEqualTo("Acknowledge the result: Potassium 6.9 mmol/L (critical: high)");
            assertThat(task.priority().name()).isEqualTo("URGENT");
            assertThat(task.origin().name()).isEqualTo("RESULT");
        });
        Map<PatientId, OutstandingResults> board = diagnostics.outstanding(List.of(patientId));
        assertThat(board.get(patientId).words()).isEqualTo("1 awaited, 1 to acknowledge (critical)");

        TestResultView acknowledged = diagnostics.acknowledge(consultant, potassium.id(),
                new AcknowledgeResult("Phoned the patient: to ED for ECG and treatment"));
        assertThat(acknowledged.acknowledgement().byUsername()).isEqualTo(consultant.username());
        assertThat(acknowledged.acknowledgement().note()).startsWith("Phoned the patient");
        assertThat(tasks.worklist(consultant)).isEmpty();
        assertThat(diagnostics.outstanding(List.of(patientId)).get(patientId).words()).isEqualTo("1 awaited");
    }

    @Test
    void aNormalResultRaisesNoAlertAndTheBoardColumnIsOneQueryForManyPatients() {
        TestOrderView order = diagnostics.order(consultant, patientId, new OrderTests(List.of("CRP"),
                "Infection?", Urgency.ROUTINE, null, null));
        diagnostics.receiveResults(lab, new ResultsIn(order.id(), patient.summary().nhsNumber().value(), List.of(
                new ResultLine("CRP", new BigDecimal("3"), "mg/L", null, null, null, null, null, null))));
        assertThat(alerts.openAlertOf(patientId)).isEmpty();
        PatientId nobody = new PatientId(UUID.randomUUID());
        Map<PatientId, OutstandingResults> board = diagnostics.outstanding(List.of(patientId, nobody));
        assertThat(board.get(patientId).words()).isEqualTo("1 to acknowledge");
        assertThat(board.get(nobody).words()).isEqualTo("None outstanding");
    }

    @Test
    void aChildsResultIsJudgedByTheChildLimitsAndNeedsTheLabsPrintedRange() {
        Organisation trust = fixtures.organisation(OrganisationType.ACUTE_TRUST);
        VirtualWard children = fixtures.ward(trust, 5, 0, 17, java.util.EnumSet.of(
                org.homeward.ward.Pathway.PAEDIATRICS));
        CurrentUser referrer = fixtures.user(Role.REFERRER, trust);
        CurrentUser paediatrician = fixtures.user(Role.SENIOR_DECISION_MAKER, trust);
        CurrentUser nurse = fixtures.user(Role.CLINICIAN, trust);
        PatientRecord child = fixtures.patient(referrer, LocalDate.now().minusYears(9).minusDays(20));
        fixtures.admit(child, children, referrer, paediatrician);
        TestOrderView order = diagnostics.order(paediatrician, child.summary().id(), new OrderTests(List.of("UE"),
                "Dehydrated with diarrhoea", Urgency.SAME_DAY, null, null));
        String nhs = child.summary().nhsNumber().value();

        // the catalogue has no child range for sodium: the lab's printed range is required
        assertThatInvalid(() -> diagnostics.receiveResults(nurse, new ResultsIn(order.id(), nhs, List.of(
                new ResultLine("SODIUM", new BigDecimal("129"), "mmol/L", null, null, null, null, null, null)))),
                "results[0].referenceLow");
        // with it, RCPath's under-16 limit (at or below 130) makes 129 critical, where an adult's would be abnormal
        TestOrderView resulted = diagnostics.receiveResults(nurse, new ResultsIn(order.id(), nhs, List.of(
                new ResultLine("SODIUM", new BigDecimal("129"), "mmol/L", new BigDecimal("133"),
                        new BigDecimal("145"), null, null, null, null),
                new ResultLine("UREA", new BigDecimal("10"), "mmol/L", new BigDecimal("2.5"),
                        new BigDecimal("6.0"), null, null, null, null))));
        assertThat(resulted.results()).extracting(TestResultView::flag)
                .containsExactly(ResultFlag.CRITICAL_LOW, ResultFlag.CRITICAL_HIGH);
        assertThat(alerts.openAlertOf(child.summary().id()).orElseThrow().reason())
                .startsWith("Critical result: Urea 10 mmol/L (critical: high); Critical result: Sodium 129 mmol/L");
    }

    private static void assertThatInvalid(Runnable call, String field) {
        org.assertj.core.api.Assertions.assertThatThrownBy(call::run)
                .isInstanceOf(org.homeward.shared.InvalidInputException.class)
                .satisfies(e -> assertThat(((org.homeward.shared.InvalidInputException) e).field()).isEqualTo(field));
    }

    private long count(String sql) {
        return jdbc.sql(sql).param(patientId.value()).query(Long.class).single();
    }
}
