package org.homeward.fhir;

import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.DiagnosticReport.DiagnosticReportStatus;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestIntent;
import org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestPriority;
import org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestStatus;
import org.hl7.fhir.r4.model.StringType;
import org.homeward.diagnostics.ResultFlag;
import org.homeward.diagnostics.TestOrderView;
import org.homeward.diagnostics.TestResultView;

/**
 * A test order as UK Core ServiceRequest, and its results as UK Core DiagnosticReport with each current result a
 * contained Observation. Both carry the order's id: {@code ServiceRequest/{order}} and {@code DiagnosticReport/{order}}.
 *
 * <ul>
 *   <li>Order status: ordered, sample taken and sent to the lab are {@code active}; resulted is {@code completed};
 *   cancelled is {@code revoked}, with who cancelled it and why as a note.</li>
 *   <li>Priority: routine and urgent are FHIR's own. Same day has no FHIR code of its own, so it is {@code urgent},
 *   with 'Same day' in the order detail so the words are not lost.</li>
 *   <li>The order's tests are named in words; each result carries its test's Homeward catalogue code (Homeward's own
 *   system: the catalogue holds no LOINC or SNOMED CT codes).</li>
 *   <li>Report status: {@code partial} until every test has a current result, then {@code final}; {@code corrected}
 *   once a result has been corrected (the correction is the current result, the earlier one is not sent).</li>
 *   <li>Each result: its value and unit in words as the lab gave them (not coded as UCUM, which lab units need not
 *   be), or the report in words; the reference range it was flagged against; the flag as HL7 v3 interpretation (N,
 *   L, H, A, LL, HH, AA).</li>
 * </ul>
 */
final class DiagnosticsTranslator {

    static final String INTERPRETATION = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";
    static final String TEST_CODE = UkCore.HOMEWARD_ID + "test";

    private DiagnosticsTranslator() {
    }

    static ServiceRequest serviceRequest(TestOrderView order) {
        ServiceRequest request = new ServiceRequest();
        request.setId(order.id().toString());
        request.getMeta().addProfile(UkCore.profile("ServiceRequest"));
        request.addIdentifier(new Identifier().setSystem(UkCore.HOMEWARD_ID + "test-order")
                .setValue(order.id().toString()));
        request.setStatus(switch (order.status()) {
            case ORDERED, SAMPLE_TAKEN, SENT_TO_LAB -> ServiceRequestStatus.ACTIVE;
            case RESULTED -> ServiceRequestStatus.COMPLETED;
            case CANCELLED -> ServiceRequestStatus.REVOKED;
        });
        request.setIntent(ServiceRequestIntent.ORDER);
        request.setPriority(switch (order.urgency()) {
            case ROUTINE -> ServiceRequestPriority.ROUTINE;
            case URGENT, SAME_DAY -> ServiceRequestPriority.URGENT;
        });
        request.addOrderDetail(new CodeableConcept().setText(order.urgency().label()));
        request.setCode(tests(order));
        kinds(order).forEach(kind -> request.addCategory(new CodeableConcept().setText(kind)));
        request.setSubject(new Reference("Patient/" + order.patientId().value()));
        request.setAuthoredOn(Date.from(order.orderedAt()));
        request.setRequester(new Reference().setDisplay(order.orderedBy()));
        if (order.clinicalQuestion() != null && !order.clinicalQuestion().isBlank()) {
            request.addReasonCode(new CodeableConcept().setText(order.clinicalQuestion()));
        }
        if (order.pointOfCare()) {
            request.addNote().setText("Point-of-care test at home");
        }
        if (order.cancelledAt() != null) {
            request.addNote().setText("Cancelled by " + order.cancelledBy() + ": " + order.cancelledReason());
        }
        return request;
    }

    /** The order's results, or {@code null} while it has none. */
    static DiagnosticReport diagnosticReport(TestOrderView order) {
        List<TestResultView> current = order.currentResults();
        if (current.isEmpty()) {
            return null;
        }
        DiagnosticReport report = new DiagnosticReport();
        report.setId(order.id().toString());
        report.getMeta().addProfile(UkCore.profile("DiagnosticReport"));
        report.addIdentifier(new Identifier().setSystem(UkCore.HOMEWARD_ID + "test-order")
                .setValue(order.id().toString()));
        report.addBasedOn(new Reference("ServiceRequest/" + order.id()));
        boolean corrected = current.stream().anyMatch(r -> r.supersedes() != null);
        boolean complete = order.testsAwaitingResult().isEmpty();
        report.setStatus(corrected ? DiagnosticReportStatus.CORRECTED
                : complete ? DiagnosticReportStatus.FINAL : DiagnosticReportStatus.PARTIAL);
        kinds(order).forEach(kind -> report.addCategory(new CodeableConcept().setText(kind)));
        report.setCode(tests(order));
        report.setSubject(new Reference("Patient/" + order.patientId().value()));
        Instant collected = order.sample() != null && order.sample().takenAt() != null ? order.sample().takenAt()
                : current.stream().map(TestResultView::resultedAt).min(Comparator.naturalOrder()).orElseThrow();
        report.setEffective(new DateTimeType(Date.from(collected)));
        report.setIssued(Date.from(current.stream().map(TestResultView::enteredAt).max(Comparator.naturalOrder())
                .orElseThrow()));
        int n = 0;
        for (TestResultView result : current) {
            Observation observation = result(result, order);
            observation.setId("result-" + (++n));
            report.addContained(observation);
            report.addResult(new Reference("#" + observation.getId()));
        }
        return report;
    }

    static Observation result(TestResultView result, TestOrderView order) {
        Observation observation = new Observation();
        observation.setStatus(result.supersedes() != null ? Observation.ObservationStatus.CORRECTED
                : Observation.ObservationStatus.FINAL);
        observation.setCode(new CodeableConcept(new Coding(TEST_CODE, result.testCode(), result.testName()))
                .setText(result.testName()));
        observation.setSubject(new Reference("Patient/" + order.patientId().value()));
        observation.setEffective(new DateTimeType(Date.from(result.resultedAt())));
        if (result.value() != null) {
            observation.setValue(new Quantity().setValue(result.value().stripTrailingZeros()).setUnit(result.unit()));
        } else {
            observation.setValue(new StringType(result.report()));
        }
        if (result.referenceRange() != null && !result.referenceRange().empty()) {
            Observation.ObservationReferenceRangeComponent range = observation.addReferenceRange();
            if (result.referenceRange().low() != null) {
                range.setLow(new Quantity().setValue(result.referenceRange().low()).setUnit(result.unit()));
            }
            if (result.referenceRange().high() != null) {
                range.setHigh(new Quantity().setValue(result.referenceRange().high()).setUnit(result.unit()));
            }
        }
        if (result.flag() != null) {
            observation.addInterpretation(new CodeableConcept(new Coding(INTERPRETATION, interpretation(result.flag()),
                    null)).setText(result.flag().label()));
        }
        if (result.correctionReason() != null) {
            observation.addNote().setText("Corrected: " + result.correctionReason());
        }
        return observation;
    }

    /** HL7 v3 ObservationInterpretation for each flag. */
    static String interpretation(ResultFlag flag) {
        return switch (flag) {
            case NORMAL -> "N";
            case ABNORMAL_LOW -> "L";
            case ABNORMAL_HIGH -> "H";
            case ABNORMAL -> "A";
            case CRITICAL_LOW -> "LL";
            case CRITICAL_HIGH -> "HH";
            case CRITICAL -> "AA";
        };
    }

    /**
     * The tests in words. One order holds several tests (urea and electrolytes is four), and a code's codings must be
     * one concept, so each test's code is on its own result, not here.
     */
    private static CodeableConcept tests(TestOrderView order) {
        return new CodeableConcept().setText(order.testWords());
    }

    private static Set<String> kinds(TestOrderView order) {
        Set<String> kinds = new LinkedHashSet<>();
        order.tests().forEach(t -> kinds.add(t.kind().label()));
        return kinds;
    }
}
