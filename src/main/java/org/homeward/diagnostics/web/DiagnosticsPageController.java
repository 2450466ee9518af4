package org.homeward.diagnostics.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.homeward.diagnostics.AcknowledgeResult;
import org.homeward.diagnostics.CancelOrder;
import org.homeward.diagnostics.CatalogueTest;
import org.homeward.diagnostics.DiagnosticsService;
import org.homeward.diagnostics.OrderTests;
import org.homeward.diagnostics.PatientTransport;
import org.homeward.diagnostics.PointOfCareTest;
import org.homeward.diagnostics.RecordSample;
import org.homeward.diagnostics.RecordTransport;
import org.homeward.diagnostics.ResultFlag;
import org.homeward.diagnostics.ResultLine;
import org.homeward.diagnostics.SampleTransport;
import org.homeward.diagnostics.TestKind;
import org.homeward.diagnostics.TestOrderView;
import org.homeward.diagnostics.Urgency;
import org.homeward.diagnostics.VisitReference;
import org.homeward.patient.PatientService;
import org.homeward.security.CurrentUser;
import org.homeward.shared.FormErrors;
import org.homeward.shared.InvalidInputException;
import org.homeward.shared.NotFoundException;
import org.homeward.shared.PatientId;
import org.homeward.shared.RefusedException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The patient's Tests and results page: orders with their status, sample, transport and results in words and tags;
 * forms to order tests, record a point-of-care test, record the sample and its transport, enter a result and
 * acknowledge one. Each action offered only to roles that may do it; every refusal shown on the page, linked to its
 * field.
 */
@Controller
class DiagnosticsPageController {

    private final DiagnosticsService diagnostics;
    private final PatientService patients;

    DiagnosticsPageController(DiagnosticsService diagnostics, PatientService patients) {
        this.diagnostics = diagnostics;
        this.patients = patients;
    }

    /** The order form. */
    record OrderForm(List<String> tests, String clinicalQuestion, Urgency urgency, PatientTransport patientTransport,
            String patientTransportNote) {
    }

    /** The point-of-care form: the unit is the catalogue's, shown by the test's name. */
    record PocForm(String testCode, String value) {
    }

    /** A refusal of one of the small per-order forms: where it belongs (an element id) and what to do. */
    record Problem(String anchor, String message) {
    }

    /** A choice on the order form: a panel or a test ordered on its own. */
    record Orderable(String code, String label, boolean imaging) {
    }

    /**
     * The home visit the page is used from, when opened from a visit under way ({@code visitDate} and {@code visitId}):
     * samples and point-of-care tests recorded then are recorded against it, and the forms carry it.
     */
    @ModelAttribute("visit")
    VisitReference visit(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate visitDate, @RequestParam(required = false) String visitId) {
        return visitDate == null || visitId == null || visitId.isBlank() ? null : new VisitReference(visitDate, visitId);
    }

    @GetMapping("/patients/{id}/tests")
    String page(CurrentUser user, @PathVariable PatientId id, Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new OrderForm(null, null, null, null, null));
        }
        if (!model.containsAttribute("poc")) {
            model.addAttribute("poc", new PocForm(null, null));
        }
        model.addAttribute("patient", patients.record(user, id));
        List<TestOrderView> orders = diagnostics.ordersOf(user, id);
        model.addAttribute("orders", orders);
        List<CatalogueTest> catalogue = diagnostics.catalogue();
        model.addAttribute("orderable", orderable(catalogue));
        model.addAttribute("pointOfCare", catalogue.stream().filter(t -> t.kind() == TestKind.POINT_OF_CARE).toList());
        model.addAttribute("urgencies", Urgency.values());
        model.addAttribute("transports", PatientTransport.values());
        model.addAttribute("sampleTransports", SampleTransport.values());
        model.addAttribute("wordFlags", List.of(ResultFlag.NORMAL, ResultFlag.ABNORMAL, ResultFlag.CRITICAL));
        return "diagnostics/tests";
    }

    @PostMapping("/patients/{id}/tests")
    String order(CurrentUser user, @PathVariable PatientId id, @ModelAttribute("form") OrderForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                TestOrderView order = diagnostics.order(user, id, new OrderTests(form.tests(), form.clinicalQuestion(),
                        form.urgency(), form.patientTransport(), form.patientTransportNote()));
                redirect.addFlashAttribute("message", "Ordered: " + order.testWords());
                return "redirect:" + testsPage(id, model);
            } catch (InvalidInputException | RefusedException e) {
                FormErrors.add(errors, e);
            }
        }
        return page(user, id, model);
    }

    @PostMapping("/patients/{id}/tests/point-of-care")
    String pointOfCare(CurrentUser user, @PathVariable PatientId id, @ModelAttribute("poc") PocForm poc,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        CatalogueTest test = diagnostics.catalogue().stream()
                .filter(t -> t.kind() == TestKind.POINT_OF_CARE && t.code().equals(poc.testCode())).findFirst()
                .orElse(null);
        if (test == null) {
            errors.rejectValue("testCode", "required", "Choose the point-of-care test");
        }
        BigDecimal value = number(poc.value(), "value", errors);
        if (!errors.hasErrors()) {
            try {
                TestOrderView order = diagnostics.pointOfCare(user, id, new PointOfCareTest(test.code(), value,
                        test.unit(), null, null, visitOf(model)));
                var result = order.results().get(0);
                redirect.addFlashAttribute("message", "Recorded: " + result.words() + ", "
                        + result.flag().label().toLowerCase());
                return "redirect:" + testsPage(id, model);
            } catch (InvalidInputException | RefusedException e) {
                FormErrors.add(errors, e);
            }
        }
        return page(user, id, model);
    }

    @PostMapping("/patients/{id}/tests/{orderId}/sample")
    String sample(CurrentUser user, @PathVariable PatientId id, @PathVariable UUID orderId,
            @RequestParam(required = false) Boolean labelled, @RequestParam(required = false) Boolean atHomeVisit,
            Model model, RedirectAttributes redirect) {
        orderOf(user, id, orderId);
        return act(user, id, model, redirect, "sample-" + orderId, () -> {
            diagnostics.recordSample(user, orderId, new RecordSample(null, labelled != null && labelled,
                    atHomeVisit != null && atHomeVisit, visitOf(model)));
            return "Sample recorded as taken";
        });
    }

    @PostMapping("/patients/{id}/tests/{orderId}/transport")
    String transport(CurrentUser user, @PathVariable PatientId id, @PathVariable UUID orderId,
            @RequestParam(required = false) SampleTransport transport, Model model, RedirectAttributes redirect) {
        orderOf(user, id, orderId);
        return act(user, id, model, redirect, "transport-" + orderId, () -> {
            diagnostics.recordTransport(user, orderId, new RecordTransport(transport, null, null));
            return "Sample recorded as sent to the lab " + transport.label().toLowerCase();
        });
    }

    @PostMapping("/patients/{id}/tests/{orderId}/results/{testCode}")
    String result(CurrentUser user, @PathVariable PatientId id, @PathVariable UUID orderId,
            @PathVariable String testCode, @RequestParam(required = false) String value,
            @RequestParam(required = false) String report, @RequestParam(required = false) ResultFlag flag,
            Model model, RedirectAttributes redirect) {
        TestOrderView order = orderOf(user, id, orderId);
        var test = order.tests().stream().filter(t -> t.code().equals(testCode)).findFirst()
                .orElseThrow(() -> new NotFoundException("No test " + testCode + " on this order"));
        String anchor = "result-" + orderId + "-" + testCode;
        return act(user, id, model, redirect, anchor, () -> {
            BigDecimal number = null;
            if (test.unit() != null) {
                if (value == null || value.isBlank()) {
                    throw new InvalidInputException("value", "Give the " + test.name() + " result as a number");
                }
                try {
                    number = new BigDecimal(value.strip());
                } catch (NumberFormatException e) {
                    throw new InvalidInputException("value", "The " + test.name() + " result must be a number, for"
                            + " example 4.2");
                }
            }
            TestOrderView resulted = diagnostics.enterResults(user, orderId, List.of(new ResultLine(testCode, number,
                    test.unit(), null, null, report, test.unit() == null ? flag : null, null, null)));
            var stored = resulted.currentResults().stream().filter(r -> r.testCode().equals(testCode)).findFirst()
                    .orElseThrow();
            return "Result filed: " + stored.words() + ", " + stored.flag().label().toLowerCase();
        });
    }

    @PostMapping("/patients/{id}/tests/results/{resultId}/acknowledgement")
    String acknowledge(CurrentUser user, @PathVariable PatientId id, @PathVariable UUID resultId,
            @RequestParam(required = false) String note, Model model, RedirectAttributes redirect) {
        boolean onThisRecord = diagnostics.ordersOf(user, id).stream().flatMap(o -> o.results().stream())
                .anyMatch(r -> r.id().equals(resultId));
        if (!onThisRecord) {
            throw new NotFoundException("No test result with id " + resultId + " on this patient's record");
        }
        return act(user, id, model, redirect, "acknowledge-" + resultId, () -> "Acknowledged: "
                + diagnostics.acknowledge(user, resultId, new AcknowledgeResult(note)).words());
    }

    @PostMapping("/patients/{id}/tests/{orderId}/cancellation")
    String cancel(CurrentUser user, @PathVariable PatientId id, @PathVariable UUID orderId,
            @RequestParam(required = false) String reason, Model model, RedirectAttributes redirect) {
        orderOf(user, id, orderId);
        return act(user, id, model, redirect, "cancel-" + orderId, () -> {
            diagnostics.cancel(user, orderId, new CancelOrder(reason));
            return "Order cancelled";
        });
    }

    private interface Action {
        String run();
    }

    /** Runs a small form's action: done, back to the page with its message; refused, the page with the problem. */
    private String act(CurrentUser user, PatientId id, Model model, RedirectAttributes redirect, String anchor,
            Action action) {
        try {
            redirect.addFlashAttribute("message", action.run());
            return "redirect:" + testsPage(id, model);
        } catch (InvalidInputException | RefusedException e) {
            model.addAttribute("problem", new Problem(anchor, e.getMessage()));
            return page(user, id, model);
        }
    }

    private static VisitReference visitOf(Model model) {
        return (VisitReference) model.getAttribute("visit");
    }

    /** This page, keeping the visit it is used from. */
    private static String testsPage(PatientId id, Model model) {
        VisitReference visit = visitOf(model);
        UriComponentsBuilder page = UriComponentsBuilder.fromPath("/patients/{id}/tests");
        if (visit != null) {
            page.queryParam("visitDate", visit.planDate()).queryParam("visitId", visit.visitId());
        }
        return page.buildAndExpand(id.value()).encode().toUriString();
    }

    private TestOrderView orderOf(CurrentUser user, PatientId id, UUID orderId) {
        TestOrderView order = diagnostics.order(user, orderId);
        if (!order.patientId().equals(id)) {
            throw new NotFoundException("No test order with id " + orderId + " on this patient's record");
        }
        return order;
    }

    private static BigDecimal number(String text, String field, BindingResult errors) {
        if (text == null || text.isBlank()) {
            errors.rejectValue(field, "required", "Give the result as a number");
            return null;
        }
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            errors.rejectValue(field, "invalid", "The result must be a number, for example 4.2");
            return null;
        }
    }

    /** Panels first (U&E, FBC), then each test ordered on its own; point-of-care tests are recorded, not ordered. */
    private static List<Orderable> orderable(List<CatalogueTest> catalogue) {
        Map<String, Orderable> choices = new LinkedHashMap<>();
        for (CatalogueTest t : catalogue) {
            if (t.kind() == TestKind.POINT_OF_CARE) {
                continue;
            }
            if (t.panelCode() != null) {
                choices.putIfAbsent(t.panelCode(), new Orderable(t.panelCode(), t.panelName(), false));
            } else {
                choices.put(t.code(), new Orderable(t.code(), t.name(), t.kind() == TestKind.IMAGING));
            }
        }
        return new ArrayList<>(choices.values());
    }

}
