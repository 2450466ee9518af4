package org.homeward.diagnostics;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.homeward.shared.PatientId;

/** An order with its tests, sample, transport and every result (corrected ones included, marked not current). */
public record TestOrderView(UUID id, PatientId patientId, List<OrderedTest> tests, String clinicalQuestion,
        Urgency urgency, boolean pointOfCare, String orderedBy, String orderedByUsername, Instant orderedAt,
        OrderStatus status, PatientTransport patientTransport, String patientTransportNote, SampleView sample,
        String cancelledBy, Instant cancelledAt, String cancelledReason, List<TestResultView> results) {

    /** The tests in words: Sodium, Potassium, Urea, Creatinine. */
    public String testWords() {
        return String.join(", ", tests.stream().map(OrderedTest::name).toList());
    }

    public List<TestResultView> currentResults() {
        return results.stream().filter(TestResultView::current).toList();
    }

    /** Still waiting for a sample or a result. */
    public boolean outstanding() {
        return status == OrderStatus.ORDERED || status == OrderStatus.SAMPLE_TAKEN
                || status == OrderStatus.SENT_TO_LAB;
    }

    /** The tests with no current result yet, for the result form. */
    public List<OrderedTest> testsAwaitingResult() {
        return tests.stream().filter(t -> currentResults().stream().noneMatch(r -> r.testCode().equals(t.code())))
                .toList();
    }
}
