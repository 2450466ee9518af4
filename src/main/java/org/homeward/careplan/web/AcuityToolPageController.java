package org.homeward.careplan.web;

import java.util.List;
import org.homeward.careplan.AcuityGroup;
import org.homeward.careplan.AcuityService;
import org.homeward.careplan.AcuityToolRow;
import org.homeward.careplan.AddAcuityToolRow;
import org.homeward.careplan.ChangeAcuityToolRow;
import org.homeward.security.CurrentUser;
import org.homeward.security.Permission;
import org.homeward.shared.FormErrors;
import org.homeward.shared.InvalidInputException;
import org.homeward.shared.NotFoundException;
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
 * The service administrator's pages for the acuity tool's rows: change a row (words, weight, floor, order, retire or
 * bring back) or add one, each with a reason. Assessments from then on ask the rows as they are; past ones keep theirs.
 */
@Controller
class AcuityToolPageController {

    private final AcuityService acuity;

    AcuityToolPageController(AcuityService acuity) {
        this.acuity = acuity;
    }

    /**
     * The row form as typed: numbers as text, so a typing slip is refused in words rather than by the binder.
     *
     * @param floorLevel empty for no floor
     * @param active "true" while the row is asked, "false" once retired
     */
    record RowForm(String code, AcuityGroup group, String question, String weight, String floorLevel, String active,
            String order, String reason) {

        static RowForm of(AcuityToolRow row) {
            return new RowForm(row.code(), row.group(), row.question(), String.valueOf(row.weight()),
                    row.floorLevel() == null ? "" : String.valueOf(row.floorLevel()), String.valueOf(row.active()),
                    String.valueOf(row.order()), "");
        }
    }

    @GetMapping("/acuity/tool/rows/{code}")
    String changeForm(CurrentUser user, @PathVariable String code, Model model) {
        user.require(Permission.MANAGE_ACUITY_TOOL);
        AcuityToolRow row = row(code);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", RowForm.of(row));
        }
        model.addAttribute("row", row);
        model.addAttribute("groups", AcuityGroup.values());
        return "careplan/acuity-tool-row";
    }

    @PostMapping("/acuity/tool/rows/{code}")
    String change(CurrentUser user, @PathVariable String code, @ModelAttribute("form") RowForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        AcuityToolRow row = row(code);
        try {
            Integer floor = number("floorLevel", "Level at least", form.floorLevel());
            AcuityToolRow changed = acuity.changeRow(user, code, new ChangeAcuityToolRow(form.question(),
                    row.group().scored() ? number("weight", "Weight", form.weight()) : null, floor,
                    row.group().scored() && floor == null, form.active() == null ? null : Boolean.valueOf(form.active()),
                    number("order", "Order", form.order()), form.reason()));
            redirect.addFlashAttribute("message", "Row changed (version " + changed.version() + "): "
                    + changed.question());
            return "redirect:/acuity/tool";
        } catch (InvalidInputException | RefusedException e) {
            FormErrors.add(errors, e);
        }
        return changeForm(user, code, model);
    }

    @GetMapping("/acuity/tool/rows/new")
    String addForm(CurrentUser user, Model model) {
        user.require(Permission.MANAGE_ACUITY_TOOL);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new RowForm("", null, "", "", "", "true", "", ""));
        }
        model.addAttribute("groups", AcuityGroup.values());
        return "careplan/acuity-tool-row";
    }

    @PostMapping("/acuity/tool/rows")
    String add(CurrentUser user, @ModelAttribute("form") RowForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        try {
            AcuityToolRow added = acuity.addRow(user, new AddAcuityToolRow(form.code(), form.group(),
                    form.question(), number("weight", "Weight", form.weight()),
                    number("floorLevel", "Level at least", form.floorLevel()), number("order", "Order", form.order()),
                    form.reason()));
            redirect.addFlashAttribute("message", "Row added: " + added.question());
            return "redirect:/acuity/tool";
        } catch (InvalidInputException | RefusedException e) {
            FormErrors.add(errors, e);
        }
        return addForm(user, model);
    }

    private AcuityToolRow row(String code) {
        List<AcuityToolRow> rows = acuity.tool().rows();
        return rows.stream().filter(r -> r.code().equals(code)).findFirst()
                .orElseThrow(() -> new NotFoundException("The acuity tool has no row " + code));
    }

    /** A whole number as typed, or null when left empty. */
    private static Integer number(String field, String label, String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(typed.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, label + " must be a whole number, such as 2");
        }
    }
}
