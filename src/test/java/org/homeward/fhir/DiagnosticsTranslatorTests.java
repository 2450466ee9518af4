package org.homeward.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.DiagnosticReport.DiagnosticReportStatus;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestPriority;
import org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestStatus;
import org.homeward.diagnostics.OrderStatus;
import org.homeward.diagnostics.OrderedTest;
import org.homeward.diagnostics.ReferenceRange;
import org.homeward.diagnostics.ResultFlag;
import org.homeward.diagnostics.ResultSource;
import org.homeward.diagnostics.TestKind;
import org.homeward.diagnostics.TestOrderView;
import org.homeward.diagnostics.TestResultView;
import org.homeward.diagnostics.Urgency;
import org.homeward.shared.PatientId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A test order as ServiceRequest and its results as DiagnosticReport: every order status, urgency and result flag
 * row by row against FHIR R4's request-status, request-priority and HL7 v3 ObservationInterpretation; the report's
 * status as results arrive and are corrected.
 */
class DiagnosticsTranslatorTests {

    static final PatientId PATIENT = new PatientId(UUID.randomUUID());
    static final Instant ORDERED = Instant.parse("2026-12-03T09:00:00Z");
    static final List<OrderedTest> UE = List.of(new OrderedTest("SODIUM", "Sodium", TestKind.BLOOD, "mmol/L"),
            new OrderedTest("POTASSIUM", "Potassium", TestKind.BLOOD, "mmol/L"));

    static TestOrderView order(OrderStatus status, Urgency urgency, List<TestResultView> results) {
        UUID id = UUID.randomUUID();
        return new TestOrderView(id, PATIENT, UE, "AKI on furosemide?", urgency, false, "Dr Priya Raman",
                "consultant3", ORDERED, status, null, null, null,
                status == OrderStatus.CANCELLED ? "Dr Priya Raman" : null,
                status == OrderStatus.CANCELLED ? ORDERED.plusSeconds(600) : null,
                status == OrderStatus.CANCELLED ? "Ordered on the wrong patient" : null, results);
    }

    static TestResultView result(String code, String name, BigDecimal value, ResultFlag flag, UUID supersedes,
            boolean current) {
        return new TestResultView(UUID.randomUUID(), UUID.randomUUID(), PATIENT, code, name, value, "mmol/L", null,
                new ReferenceRange(new BigDecimal("133"), new BigDecimal("146")), flag, ORDERED.plusSeconds(7200),
                ResultSource.RECEIVED, "lab", ORDERED.plusSeconds(7300), supersedes,
                supersedes == null ? null : "Haemolysed sample repeated", current, null, 1);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"ORDERED, ACTIVE", "SAMPLE_TAKEN, ACTIVE", "SENT_TO_LAB, ACTIVE", "RESULTED, COMPLETED",
            "CANCELLED, REVOKED"})
    void eachOrderStatusIsAFhirRequestStatus(OrderStatus status, ServiceRequestStatus fhir) {
        ServiceRequest request = DiagnosticsTranslator.serviceRequest(order(status, Urgency.ROUTINE, List.of()));

        assertThat(request.getStatus()).isEqualTo(fhir);
        assertThat(request.getNote()).extracting(n -> n.getText()).containsExactlyElementsOf(
                status == OrderStatus.CANCELLED ? List.of("Cancelled by Dr Priya Raman: Ordered on the wrong patient")
                        : List.of());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"ROUTINE, ROUTINE, Routine", "URGENT, URGENT, Urgent", "SAME_DAY, URGENT, Same day"})
    void eachUrgencyIsAFhirPriorityWithTheWordsKept(Urgency urgency, ServiceRequestPriority priority, String words) {
        ServiceRequest request = DiagnosticsTranslator.serviceRequest(order(OrderStatus.ORDERED, urgency, List.of()));

        assertThat(request.getPriority()).isEqualTo(priority);
        assertThat(request.getOrderDetailFirstRep().getText()).isEqualTo(words);
    }

    @Test
    void anOrderCarriesItsTestsQuestionRequesterAndTime() {
        TestOrderView order = order(OrderStatus.ORDERED, Urgency.ROUTINE, List.of());
        ServiceRequest request = DiagnosticsTranslator.serviceRequest(order);

        assertThat(request.getIdPart()).isEqualTo(order.id().toString());
        assertThat(request.getIntent()).isEqualTo(ServiceRequest.ServiceRequestIntent.ORDER);
        assertThat(request.getCode().getText()).isEqualTo("Sodium, Potassium");
        assertThat(request.getCategoryFirstRep().getText()).isEqualTo("Blood test");
        assertThat(request.getReasonCodeFirstRep().getText()).isEqualTo("AKI on furosemide?");
        assertThat(request.getRequester().getDisplay()).isEqualTo("Dr Priya Raman");
        assertThat(request.getAuthoredOn().toInstant()).isEqualTo(ORDERED);
        assertThat(request.getSubject().getReference()).isEqualTo("Patient/" + PATIENT.value());
        assertThat(DiagnosticsTranslator.diagnosticReport(order)).as("no results, no report").isNull();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"NORMAL, N", "ABNORMAL_LOW, L", "ABNORMAL_HIGH, H", "ABNORMAL, A", "CRITICAL_LOW, LL",
            "CRITICAL_HIGH, HH", "CRITICAL, AA"})
    void eachFlagIsAnHl7Interpretation(ResultFlag flag, String code) {
        TestOrderView order = order(OrderStatus.SENT_TO_LAB, Urgency.URGENT,
                List.of(result("POTASSIUM", "Potassium", new BigDecimal("5.6"), flag, null, true)));
        Observation result = (Observation) DiagnosticsTranslator.diagnosticReport(order).getContained().get(0);

        assertThat(result.getInterpretationFirstRep().getCodingFirstRep().getSystem())
                .isEqualTo("http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation");
        assertThat(result.getInterpretationFirstRep().getCodingFirstRep().getCode()).isEqualTo(code);
        assertThat(result.getInterpretationFirstRep().getText()).isEqualTo(flag.label());
    }

    @Test
    void theReportIsPartialUntilEveryTestHasAResultThenFinalAndCorrectedOnceOneIsCorrected() {
        TestResultView sodium = result("SODIUM", "Sodium", new BigDecimal("131"), ResultFlag.ABNORMAL_LOW, null, true);
        DiagnosticReport partial = DiagnosticsTranslator.diagnosticReport(order(OrderStatus.SENT_TO_LAB,
                Urgency.ROUTINE, List.of(sodium)));
        assertThat(partial.getStatus()).isEqualTo(DiagnosticReportStatus.PARTIAL);

        TestResultView potassium = result("POTASSIUM", "Potassium", new BigDecimal("4.1"), ResultFlag.NORMAL, null,
                true);
        TestOrderView resulted = order(OrderStatus.RESULTED, Urgency.ROUTINE, List.of(sodium, potassium));
        DiagnosticReport complete = DiagnosticsTranslator.diagnosticReport(resulted);
        assertThat(complete.getStatus()).isEqualTo(DiagnosticReportStatus.FINAL);
        assertThat(complete.getIdPart()).isEqualTo(resulted.id().toString());
        assertThat(complete.getBasedOnFirstRep().getReference()).isEqualTo("ServiceRequest/" + resulted.id());
        assertThat(complete.getResult()).extracting(r -> r.getReference()).containsExactly("#result-1", "#result-2");
        Observation first = (Observation) complete.getContained().get(0);
        assertThat(first.getCode().getCodingFirstRep().getCode()).isEqualTo("SODIUM");
        assertThat(first.getValueQuantity().getValue()).isEqualByComparingTo("131");
        assertThat(first.getValueQuantity().getUnit()).isEqualTo("mmol/L");
        assertThat(first.getReferenceRangeFirstRep().getLow().getValue()).isEqualByComparingTo("133");
        assertThat(first.getReferenceRangeFirstRep().getHigh().getValue()).isEqualByComparingTo("146");

        TestResultView wrong = result("SODIUM", "Sodium", new BigDecimal("131"), ResultFlag.ABNORMAL_LOW, null, false);
        TestResultView correction = result("SODIUM", "Sodium", new BigDecimal("137"), ResultFlag.NORMAL, wrong.id(),
                true);
        List<TestResultView> all = new ArrayList<>(List.of(wrong, potassium, correction));
        DiagnosticReport corrected = DiagnosticsTranslator.diagnosticReport(order(OrderStatus.RESULTED,
                Urgency.ROUTINE, all));
        assertThat(corrected.getStatus()).isEqualTo(DiagnosticReportStatus.CORRECTED);
        assertThat(corrected.getContained()).as("only the current results: the correction, not what it replaced")
                .hasSize(2).extracting(r -> ((Observation) r).getValueQuantity().getValue().toPlainString())
                .containsExactly("4.1", "137");
        Observation now = (Observation) corrected.getContained().get(1);
        assertThat(now.getStatus()).isEqualTo(Observation.ObservationStatus.CORRECTED);
        assertThat(now.getNoteFirstRep().getText()).isEqualTo("Corrected: Haemolysed sample repeated");
    }

    @Test
    void aResultReportedInWordsIsAString() {
        TestResultView ecg = new TestResultView(UUID.randomUUID(), UUID.randomUUID(), PATIENT, "ECG", "ECG", null,
                null, "Atrial fibrillation, rate 110", null, ResultFlag.ABNORMAL, ORDERED.plusSeconds(3600),
                ResultSource.POINT_OF_CARE, "nurse", ORDERED.plusSeconds(3600), null, null, true, null, 1);
        TestOrderView order = new TestOrderView(UUID.randomUUID(), PATIENT,
                List.of(new OrderedTest("ECG", "ECG", TestKind.ECG, null)), null, Urgency.URGENT, true, "Sarah Coombes",
                "nurse", ORDERED, OrderStatus.RESULTED, null, null, null, null, null, null, List.of(ecg));
        DiagnosticReport report = DiagnosticsTranslator.diagnosticReport(order);
        Observation result = (Observation) report.getContained().get(0);

        assertThat(result.getValueStringType().getValue()).isEqualTo("Atrial fibrillation, rate 110");
        assertThat(result.hasReferenceRange()).isFalse();
        assertThat(DiagnosticsTranslator.serviceRequest(order).getNoteFirstRep().getText())
                .isEqualTo("Point-of-care test at home");
    }
}
