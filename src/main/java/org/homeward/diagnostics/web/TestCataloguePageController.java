package org.homeward.diagnostics.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.homeward.diagnostics.CatalogueTest;
import org.homeward.diagnostics.SaveCatalogueTest;
import org.homeward.diagnostics.TestCatalogueService;
import org.homeward.diagnostics.TestKind;
import org.homeward.security.CurrentUser;
import org.homeward.security.Permission;
import org.homeward.shared.FormErrors;
import org.homeward.shared.InvalidInputException;
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
 * The test catalogue's pages: every test with its unit, ranges, critical limits and their source, read by anyone signed
 * in; one test with its history; and, for those who may change the catalogue ({@link
 * Permission#MANAGE_TEST_CATALOGUE}), the form to add a test and the form to change one with a reason.
 */
@Controller
class TestCataloguePageController {

    private final TestCatalogueService catalogue;

    TestCataloguePageController(TestCatalogueService catalogue) {
        this.catalogue = catalogue;
    }

    /** The test form as typed: numbers as text, so a typing slip is refused in words on its field. */
    record CatalogueForm(String code, String name, TestKind kind, String unit, String adultLow, String adultHigh,
            String criticalLow, String criticalHigh, String childLow, String childHigh, String childCriticalLow,
            String childCriticalHigh, String source, String reason) {

        static CatalogueForm empty() {
            return new CatalogueForm(null, null, null, null, null, null, null, null, null, null, null, null, null,
                    null);
        }

        static CatalogueForm of(CatalogueTest t) {
            return new CatalogueForm(t.code(), t.name(), t.kind(), t.unit(), typed(t.adultRange().low()),
                    typed(t.adultRange().high()), typed(t.criticalLow()), typed(t.criticalHigh()),
                    typed(t.childRange().low()), typed(t.childRange().high()), typed(t.childCriticalLow()),
                    typed(t.childCriticalHigh()), t.source(), null);
        }

        private static String typed(BigDecimal value) {
            return value == null ? null : value.stripTrailingZeros().toPlainString();
        }
    }

    @GetMapping("/test-catalogue")
    String list(Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", CatalogueForm.empty());
        }
        model.addAttribute("tests", catalogue.catalogue());
        model.addAttribute("kinds", TestKind.values());
        return "diagnostics/test-catalogue";
    }

    @PostMapping("/test-catalogue")
    String add(CurrentUser user, @ModelAttribute("form") CatalogueForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        user.require(Permission.MANAGE_TEST_CATALOGUE);
        SaveCatalogueTest command = command(form, errors);
        if (!errors.hasErrors()) {
            try {
                CatalogueTest added = catalogue.add(user, command);
                redirect.addFlashAttribute("message", "Added " + added.name() + " to the test catalogue");
                return "redirect:/test-catalogue/" + added.code();
            } catch (InvalidInputException | RefusedException e) {
                FormErrors.add(errors, e);
            }
        }
        return list(model);
    }

    @GetMapping("/test-catalogue/{code}")
    String test(@PathVariable String code, Model model) {
        CatalogueTest test = catalogue.test(code);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", CatalogueForm.of(test));
        }
        List<CatalogueTest> versions = catalogue.history(test.code());
        model.addAttribute("test", test);
        List<CatalogueTest> earlier = new ArrayList<>(versions.subList(0, versions.size() - 1));
        Collections.reverse(earlier);
        model.addAttribute("earlier", earlier);
        model.addAttribute("kinds", List.of(TestKind.values()).stream()
                .filter(k -> k.reportedInWords() == test.kind().reportedInWords()).toList());
        return "diagnostics/catalogue-test";
    }

    @PostMapping("/test-catalogue/{code}")
    String change(CurrentUser user, @PathVariable String code, @ModelAttribute("form") CatalogueForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        user.require(Permission.MANAGE_TEST_CATALOGUE);
        CatalogueTest test = catalogue.test(code);
        SaveCatalogueTest command = command(form, errors);
        if (!errors.hasErrors()) {
            try {
                CatalogueTest changed = catalogue.change(user, test.code(), command);
                redirect.addFlashAttribute("message", "Changed " + changed.name() + " (version "
                        + changed.version() + ")");
                return "redirect:/test-catalogue/" + changed.code();
            } catch (InvalidInputException | RefusedException e) {
                FormErrors.add(errors, e);
            }
        }
        return test(code, model);
    }

    private static SaveCatalogueTest command(CatalogueForm f, BindingResult errors) {
        return new SaveCatalogueTest(f.code(), f.name(), f.kind(), f.unit(),
                number(f.adultLow(), "adultLow", errors), number(f.adultHigh(), "adultHigh", errors),
                number(f.childLow(), "childLow", errors), number(f.childHigh(), "childHigh", errors),
                number(f.criticalLow(), "criticalLow", errors), number(f.criticalHigh(), "criticalHigh", errors),
                number(f.childCriticalLow(), "childCriticalLow", errors),
                number(f.childCriticalHigh(), "childCriticalHigh", errors), f.source(), f.reason());
    }

    /** A number as typed, or null when left empty; a slip is put on its field. */
    private static BigDecimal number(String typed, String field, BindingResult errors) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(typed.strip());
        } catch (NumberFormatException e) {
            errors.rejectValue(field, "invalid", "must be a number, such as 3.5");
            return null;
        }
    }
}
