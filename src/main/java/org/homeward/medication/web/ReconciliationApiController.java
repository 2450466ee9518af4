package org.homeward.medication.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.homeward.medication.MedicineBeforeAdmissionToAdd;
import org.homeward.medication.Reconciliation;
import org.homeward.medication.ReconciliationDecisionToRecord;
import org.homeward.medication.ReconciliationHistory;
import org.homeward.medication.ReconciliationRequest;
import org.homeward.medication.ReconciliationResolutionToRecord;
import org.homeward.medication.ReconciliationService;
import org.homeward.medication.ReconciliationSourceToRecord;
import org.homeward.security.CurrentUser;
import org.homeward.shared.PatientId;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Medicines reconciliation within 24 hours of admission (NICE NG5 1.3, QS120): the patient's current one and history. */
@RestController
@RequestMapping("/api/v1/patients/{id}/medicines-reconciliation")
@Tag(name = "Medicines reconciliation", description = "The medicines a patient took before admission from named "
        + "sources, a decision on each, the discrepancies between sources until resolved, verification by a "
        + "pharmacist within 24 hours of admission, and a new reconciliation when the medicines change. Read by the "
        + "patient's care team; other organisations get 404. Each change answers with the reconciliation as it now "
        + "stands.")
class ReconciliationApiController {

    private final ReconciliationService reconciliations;

    ReconciliationApiController(ReconciliationService reconciliations) {
        this.reconciliations = reconciliations;
    }

    @GetMapping
    @Operation(summary = "The current reconciliation (with its 24-hour clock in words, medicines, decisions, "
            + "discrepancies and what stops verification) and the earlier ones, newest first")
    ReconciliationHistory history(CurrentUser user, @PathVariable PatientId id) {
        return reconciliations.history(user, id);
    }

    @PostMapping("/medicines")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "List a medicine the patient took before admission as one source shows it (nurses, "
            + "prescribers, pharmacists)", description = "source, medicine (name, strength and form), dose, route "
            + "and frequency are required; note is optional. The source is recorded as consulted.")
    Reconciliation addMedicine(CurrentUser user, @PathVariable PatientId id,
            @RequestBody MedicineBeforeAdmissionToAdd body) {
        return reconciliations.addMedicine(user, id, body);
    }

    @PostMapping("/sources")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a source as consulted on its own, for one that lists no medicines")
    Reconciliation recordSource(CurrentUser user, @PathVariable PatientId id,
            @RequestBody ReconciliationSourceToRecord body) {
        return reconciliations.recordSource(user, id, body);
    }

    @PostMapping("/decisions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Decide on a listed medicine: continued, stopped, changed or withheld (prescribers and "
            + "pharmacists)", description = "A reason is required for stopped, changed and withheld; newDose and "
            + "newFrequency for changed only. A later decision on the same medicine replaces the earlier one, which is "
            + "kept.")
    Reconciliation decide(CurrentUser user, @PathVariable PatientId id,
            @RequestBody ReconciliationDecisionToRecord body) {
        return reconciliations.decide(user, id, body);
    }

    @PostMapping("/resolutions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Resolve a discrepancy between sources with a note saying which is right and why "
            + "(prescribers and pharmacists)", description = "discrepancyKey is the key of a discrepancy as listed. "
            + "A medicine with no decision is resolved by deciding, not by a note.")
    Reconciliation resolve(CurrentUser user, @PathVariable PatientId id,
            @RequestBody ReconciliationResolutionToRecord body) {
        return reconciliations.resolve(user, id, body);
    }

    @PostMapping("/verification")
    @Operation(summary = "Verify the reconciliation (pharmacists only): refused with 409 saying what is missing "
            + "while no source was consulted, a medicine has no decision or a discrepancy is unresolved")
    Reconciliation verify(CurrentUser user, @PathVariable PatientId id) {
        return reconciliations.verify(user, id);
    }

    @PostMapping("/versions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Ask for a new reconciliation because the medicines changed (prescribers and pharmacists)",
            description = "reason (NEW_DISCHARGE_LETTER, TRANSFER, NEW_SUPPLY or OTHER) and detail are required. A "
                    + "new version with a fresh 24-hour clock and pharmacist's task; refused with 409 while the "
                    + "current one is still being done.")
    Reconciliation askForNew(CurrentUser user, @PathVariable PatientId id, @RequestBody ReconciliationRequest body) {
        return reconciliations.askForNew(user, id, body);
    }
}
