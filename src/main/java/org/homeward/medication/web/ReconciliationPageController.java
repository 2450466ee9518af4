package org.homeward.medication.web;

import java.util.Map;
import java.util.function.Supplier;
import org.homeward.medication.MedicineBeforeAdmissionToAdd;
import org.homeward.medication.Reconciliation;
import org.homeward.medication.ReconciliationChangeReason;
import org.homeward.medication.ReconciliationDecision;
import org.homeward.medication.ReconciliationDecisionToRecord;
import org.homeward.medication.ReconciliationHistory;
import org.homeward.medication.ReconciliationRequest;
import org.homeward.medication.ReconciliationResolutionToRecord;
import org.homeward.medication.ReconciliationService;
import org.homeward.medication.ReconciliationSource;
import org.homeward.medication.ReconciliationSourceToRecord;
import org.homeward.patient.PatientService;
import org.homeward.security.CurrentUser;
import org.homeward.shared.FormErrors;
import org.homeward.shared.InvalidInputException;
import org.homeward.shared.PatientId;
import org.homeward.shared.RefusedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The patient's medicines reconciliation page: the 24-hour clock, the sources consulted, the medicines each lists
 * with the decision on each, the discrepancies until resolved, verification, a new reconciliation when the medicines
 * change, and the earlier ones. Each form posts to its own address and comes back to the page.
 */
@Controller
class ReconciliationPageController {

    private final ReconciliationService reconciliations;
    private final PatientService patients;

    ReconciliationPageController(ReconciliationService reconciliations, PatientService patients) {
        this.reconciliations = reconciliations;
        this.patients = patients;
    }

    record AddForm(ReconciliationSource source, String medicine, String dose, String route, String frequency,
            String note) {
    }

    record SourceForm(ReconciliationSource consultedSource, String consultedDetail) {
    }

    record DecideForm(String decisionMedicine, ReconciliationDecision decision, String reason, String newDose,
            String newFrequency) {
    }

    record ResolveForm(String discrepancyKey, String resolutionNote) {
    }

    record VersionForm(ReconciliationChangeReason changeReason, String changeDetail) {
    }

    @GetMapping("/patients/{id}/medicines-reconciliation")
    String page(CurrentUser user, @PathVariable PatientId id, Model model) {
        model.addAttribute("patient", patients.record(user, id));
        ReconciliationHistory history = reconciliations.history(user, id);
        model.addAttribute("history", history);
        model.addAttribute("r", history.current());
        model.addAttribute("mayVerify", ReconciliationService.mayVerify(user, history.current()));
        model.addAttribute("sources", ReconciliationSource.values());
        model.addAttribute("decisions", ReconciliationDecision.values());
        model.addAttribute("changeReasons", ReconciliationChangeReason.values());
        if (!model.containsAttribute("addForm")) {
            model.addAttribute("addForm", new AddForm(null, null, null, null, null, null));
        }
        if (!model.containsAttribute("sourceForm")) {
            model.addAttribute("sourceForm", new SourceForm(null, null));
        }
        if (!model.containsAttribute("decideForm")) {
            model.addAttribute("decideForm", new DecideForm(null, null, null, null, null));
        }
        if (!model.containsAttribute("resolveForm")) {
            model.addAttribute("resolveForm", new ResolveForm(null, null));
        }
        if (!model.containsAttribute("versionForm")) {
            model.addAttribute("versionForm", new VersionForm(null, null));
        }
        if (!model.containsAttribute("verifyForm")) {
            model.addAttribute("verifyForm", new ResolveForm(null, null));
        }
        return "medication/reconciliation";
    }

    @PostMapping("/patients/{id}/medicines-reconciliation/medicines")
    String add(CurrentUser user, @PathVariable PatientId id, @ModelAttribute("addForm") AddForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        return act(user, id, errors, model, redirect, Map.of(), () -> reconciliations.addMedicine(user, id,
                new MedicineBeforeAdmissionToAdd(form.source(), form.medicine(), form.dose(), form.route(),
                        form.frequency(), form.note())), "Medicine listed from " + (form.source() == null ? ""
                                : form.source().label()), "add-medicine");
    }

    @PostMapping("/patients/{id}/medicines-reconciliation/sources")
    String source(CurrentUser user, @PathVariable PatientId id, @ModelAttribute("sourceForm") SourceForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        return act(user, id, errors, model, redirect, Map.of("source", "consultedSource", "detail",
                "consultedDetail"), () -> reconciliations.recordSource(user, id, new ReconciliationSourceToRecord(
                        form.consultedSource(), form.consultedDetail())), "Source recorded as consulted",
                "record-source");
    }

    @PostMapping("/patients/{id}/medicines-reconciliation/decisions")
    String decide(CurrentUser user, @PathVariable PatientId id, @ModelAttribute("decideForm") DecideForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        return act(user, id, errors, model, redirect, Map.of("medicine", "decisionMedicine"),
                () -> reconciliations.decide(user, id, new ReconciliationDecisionToRecord(form.decisionMedicine(),
                        form.decision(), form.reason(), form.newDose(), form.newFrequency())), "Decision recorded",
                "decide");
    }

    @PostMapping("/patients/{id}/medicines-reconciliation/resolutions")
    String resolve(CurrentUser user, @PathVariable PatientId id, @ModelAttribute("resolveForm") ResolveForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        return act(user, id, errors, model, redirect, Map.of("note", "resolutionNote"),
                () -> reconciliations.resolve(user, id, new ReconciliationResolutionToRecord(form.discrepancyKey(),
                        form.resolutionNote())), "Discrepancy resolved", "discrepancies");
    }

    @PostMapping("/patients/{id}/medicines-reconciliation/verification")
    String verify(CurrentUser user, @PathVariable PatientId id, @ModelAttribute("verifyForm") ResolveForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        return act(user, id, errors, model, redirect, Map.of(), () -> reconciliations.verify(user, id),
                "Medicines reconciliation verified", "verify");
    }

    @PostMapping("/patients/{id}/medicines-reconciliation/versions")
    String askForNew(CurrentUser user, @PathVariable PatientId id, @ModelAttribute("versionForm") VersionForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        return act(user, id, errors, model, redirect, Map.of("reason", "changeReason", "detail", "changeDetail"),
                () -> reconciliations.askForNew(user, id, new ReconciliationRequest(form.changeReason(),
                        form.changeDetail())), "New medicines reconciliation started", "new-version");
    }

    /**
     * Does the change and comes back to the page at the form's place; a refusal is shown on the form that caused it,
     * on the field the service named (its name on this form).
     */
    private String act(CurrentUser user, PatientId id, BindingResult errors, Model model, RedirectAttributes redirect,
            Map<String, String> fieldNames, Supplier<Reconciliation> change, String done, String anchor) {
        if (!errors.hasErrors()) {
            try {
                change.get();
                redirect.addFlashAttribute("message", done);
                return "redirect:/patients/" + id + "/medicines-reconciliation#" + anchor;
            } catch (InvalidInputException e) {
                FormErrors.add(errors, new InvalidInputException(fieldNames.getOrDefault(e.field(), e.field()),
                        e.getMessage()));
            } catch (RefusedException e) {
                FormErrors.add(errors, e);
            }
        }
        return page(user, id, model);
    }
}
