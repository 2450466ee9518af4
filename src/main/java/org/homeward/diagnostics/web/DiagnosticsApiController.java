package org.homeward.diagnostics.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.homeward.diagnostics.AcknowledgeResult;
import org.homeward.diagnostics.CancelOrder;
import org.homeward.diagnostics.CatalogueTest;
import org.homeward.diagnostics.DiagnosticsService;
import org.homeward.diagnostics.OrderTests;
import org.homeward.diagnostics.PointOfCareTest;
import org.homeward.diagnostics.RecordSample;
import org.homeward.diagnostics.RecordTransport;
import org.homeward.diagnostics.EnterResults;
import org.homeward.diagnostics.ResultsIn;
import org.homeward.diagnostics.SaveCatalogueTest;
import org.homeward.diagnostics.TestCatalogueService;
import org.homeward.diagnostics.TestOrderView;
import org.homeward.diagnostics.TestResultView;
import org.homeward.security.CurrentUser;
import org.homeward.shared.PatientId;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Tests and results: orders, samples and their transport, results in, acknowledgement. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Tests and results", description = "Blood tests, microbiology, ECG, imaging and point-of-care tests for "
        + "admitted patients: ordered by the care team, sampled at home, results entered, received from the lab or "
        + "taken at the bedside, flagged against the reference range and critical limits, and acknowledged by a "
        + "clinician. A critical result raises an alert. Results are never changed or deleted: a correction keeps "
        + "the earlier result")
class DiagnosticsApiController {

    private final DiagnosticsService diagnostics;
    private final TestCatalogueService catalogue;

    DiagnosticsApiController(DiagnosticsService diagnostics, TestCatalogueService catalogue) {
        this.diagnostics = diagnostics;
        this.catalogue = catalogue;
    }

    @GetMapping("/test-catalogue")
    @Operation(summary = "The test catalogue: codes, names, kinds, units, reference ranges by age band and critical "
            + "limits, each with its source")
    List<CatalogueTest> catalogue(CurrentUser user) {
        return diagnostics.catalogue();
    }

    @PostMapping("/test-catalogue")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a test to the catalogue (senior decision-makers, pharmacists)", description = "code (2 to "
            + "30 capital letters, digits or underscores), name, kind and source are required; a blood or point-of-care "
            + "test needs its unit; a test reported in words (MICROBIOLOGY, ECG, IMAGING) has no unit, range or limits. "
            + "Each reference range's high must be above its low; each critical low limit below its range and each "
            + "critical high limit above it (adult and child apart). A refusal is a 400 naming the field; a code "
            + "already in the catalogue is a 409. The new test is ordered on its own, in no panel.")
    CatalogueTest addTest(CurrentUser user, @RequestBody SaveCatalogueTest body) {
        return catalogue.add(user, body);
    }

    @PutMapping("/test-catalogue/{code}")
    @Operation(summary = "Change a test in the catalogue: the whole test as it should read, with a reason; a new "
            + "version, the earlier kept", description = "Checked as when adding; the code never changes and a test "
            + "cannot change between a number and a report in words (400 naming kind). Results already filed keep "
            + "the reference range and flag they were filed with and name the catalogue version that judged them.")
    CatalogueTest changeTest(CurrentUser user, @PathVariable String code, @RequestBody SaveCatalogueTest body) {
        return catalogue.change(user, code, body);
    }

    @GetMapping("/test-catalogue/{code}/history")
    @Operation(summary = "Every version of a test in the catalogue, first first, with who saved it, when and why")
    List<CatalogueTest> testHistory(CurrentUser user, @PathVariable String code) {
        return catalogue.history(code);
    }

    @PostMapping("/patients/{id}/test-orders")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Order tests for an admitted patient (senior decision-makers and clinicians in the care team)",
            description = "tests (catalogue codes, or the panels UE and FBC), clinicalQuestion and urgency (ROUTINE, "
                    + "URGENT, SAME_DAY) are required; an imaging order needs patientTransport (BOOKED, FAMILY, or "
                    + "NOT_NEEDED with patientTransportNote saying why)")
    TestOrderView order(CurrentUser user, @PathVariable PatientId id, @RequestBody OrderTests body) {
        return diagnostics.order(user, id, body);
    }

    @GetMapping("/patients/{id}/test-orders")
    @Operation(summary = "The patient's orders, newest first, with status, sample, transport and every result "
            + "(corrected ones marked not current)")
    List<TestOrderView> orders(CurrentUser user, @PathVariable PatientId id) {
        return diagnostics.ordersOf(user, id);
    }

    @GetMapping("/test-orders/{id}")
    @Operation(summary = "One order with its results")
    TestOrderView order(CurrentUser user, @PathVariable UUID id) {
        return diagnostics.order(user, id);
    }

    @PostMapping("/test-orders/{id}/sample")
    @Operation(summary = "Record the sample taken (by you): when, labelled at the bedside (must be true), at a home "
            + "visit")
    TestOrderView sample(CurrentUser user, @PathVariable UUID id, @RequestBody RecordSample body) {
        return diagnostics.recordSample(user, id, body);
    }

    @PostMapping("/test-orders/{id}/transport")
    @Operation(summary = "Record the sample sent to the lab: transport (COURIER, HANDED_IN), dispatchedAt and, when "
            + "known, receivedAt")
    TestOrderView transport(CurrentUser user, @PathVariable UUID id, @RequestBody RecordTransport body) {
        return diagnostics.recordTransport(user, id, body);
    }

    @PostMapping("/test-orders/{id}/cancellation")
    @Operation(summary = "Cancel an order with no result, with a reason")
    TestOrderView cancel(CurrentUser user, @PathVariable UUID id, @RequestBody CancelOrder body) {
        return diagnostics.cancel(user, id, body);
    }

    @PostMapping("/test-orders/{id}/results")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Enter results from the lab's report for this order (as /results, without the NHS number)")
    TestOrderView enter(CurrentUser user, @PathVariable UUID id, @RequestBody EnterResults body) {
        return diagnostics.enterResults(user, id, body == null ? null : body.results());
    }

    @PostMapping("/results")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Structured results in from the lab (JSON; HL7 v2 ORU and FHIR later map onto it)",
            description = "orderId and the patient's nhsNumber (must be the order's patient's) are required, and "
                    + "results: per test its testCode; a numeric test its value and unit (the catalogue's unit, else "
                    + "400) and optionally the lab's referenceLow and referenceHigh (default: the catalogue's for the "
                    + "patient's age band); a test reported in words its report and flag (NORMAL, ABNORMAL, "
                    + "CRITICAL). A test that already has a result needs correctionReason: the earlier result is "
                    + "kept. A bad line refuses the whole message (400 naming the field) and nothing is filed. A "
                    + "critical result raises an alert in the same transaction")
    TestOrderView results(CurrentUser user, @RequestBody ResultsIn body) {
        return diagnostics.receiveResults(user, body);
    }

    @PostMapping("/patients/{id}/point-of-care-results")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A point-of-care test done at the visit now (POC_CRP, POC_INR, POC_LACTATE): ordered, taken "
            + "and resulted at once, flagged as any result")
    TestOrderView pointOfCare(CurrentUser user, @PathVariable PatientId id, @RequestBody PointOfCareTest body) {
        return diagnostics.pointOfCare(user, id, body);
    }

    @PostMapping("/results/{id}/acknowledgement")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Acknowledge a result (senior decision-makers and clinicians): who and when are recorded, "
            + "with an optional note; the ordering clinician's task is done when the order's last result is")
    TestResultView acknowledge(CurrentUser user, @PathVariable UUID id, @RequestBody(required = false)
            AcknowledgeResult body) {
        return diagnostics.acknowledge(user, id, body);
    }
}
