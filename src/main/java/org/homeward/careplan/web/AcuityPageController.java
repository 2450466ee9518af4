package org.homeward.careplan.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.homeward.careplan.AcuityAssessment;
import org.homeward.careplan.AcuityGroup;
import org.homeward.careplan.AcuityService;
import org.homeward.careplan.AcuityTool;
import org.homeward.careplan.AcuityToolRow;
import org.homeward.careplan.RecordAcuityAssessment;
import org.homeward.patient.PatientService;
import org.homeward.referral.ReferralService;
import org.homeward.security.CurrentUser;
import org.homeward.security.Permission;
import org.homeward.shared.InvalidInputException;
import org.homeward.shared.PatientId;
import org.homeward.shared.RefusedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A patient's acuity page (the daily assessment form, the latest result and the last 7 days), the wards' acuity-weighted
 * capacity and the acuity tool as it stands.
 */
@Controller
class AcuityPageController {

    /** Days of assessments the patient's page lists, today included. */
    static final int DAYS_SHOWN = 7;

    private final AcuityService acuity;
    private final PatientService patients;
    private final ReferralService referrals;

    AcuityPageController(AcuityService acuity, PatientService patients, ReferralService referrals) {
        this.acuity = acuity;
        this.patients = patients;
        this.referrals = referrals;
    }

    /** What the form was given, shown back after an error. */
    record AcuityForm(Set<String> rows, Map<String, String> criteria, String raisedToLevel, String raisedReason,
            String note) {

        static AcuityForm empty() {
            return new AcuityForm(Set.of(), Map.of(), "", "", "");
        }
    }

    /** A line of the error summary: the words and the field it links to. */
    record Problem(String text, String href) {
    }

    @GetMapping("/patients/{id}/acuity")
    String page(CurrentUser user, @PathVariable PatientId id, Model model) {
        return show(user, id, AcuityForm.empty(), List.of(), model);
    }

    @PostMapping("/patients/{id}/acuity")
    String record(CurrentUser user, @PathVariable PatientId id, @RequestParam MultiValueMap<String, String> params,
            Model model, RedirectAttributes redirect) {
        AcuityTool tool = acuity.tool();
        Set<String> ticked = new LinkedHashSet<>(params.getOrDefault("row", List.of()));
        Map<String, String> criteria = new LinkedHashMap<>();
        Map<String, Boolean> answers = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        for (AcuityToolRow row : tool.activeRows()) {
            if (row.group().scored()) {
                answers.put(row.code(), ticked.contains(row.code()));
                continue;
            }
            String given = params.getFirst("ctr-" + row.code());
            if ("yes".equals(given) || "no".equals(given)) {
                criteria.put(row.code(), given);
                answers.put(row.code(), "yes".equals(given));
            } else {
                problems.add(new Problem("Say whether this criterion to reside is met: " + row.question(),
                        "#ctr-" + row.code()));
            }
        }
        String raisedText = params.getFirst("raisedToLevel");
        String raisedReason = params.getFirst("raisedReason");
        String note = params.getFirst("note");
        AcuityForm form = new AcuityForm(ticked, criteria, raisedText == null ? "" : raisedText,
                raisedReason == null ? "" : raisedReason, note == null ? "" : note);
        Integer raisedTo = null;
        if (raisedText != null && !raisedText.isBlank()) {
            try {
                raisedTo = Integer.valueOf(raisedText.strip());
            } catch (NumberFormatException e) {
                problems.add(new Problem("Choose a level to raise to, or none", "#raisedToLevel"));
            }
        }
        if (problems.isEmpty()) {
            try {
                AcuityAssessment recorded = acuity.assess(user, id,
                        new RecordAcuityAssessment(answers, raisedTo, raisedReason, note));
                redirect.addFlashAttribute("message", "Acuity recorded: " + recorded.levelWords() + ", "
                        + recorded.visitsPerDay() + " visits a day suggested; "
                        + (recorded.meetsCriteriaToReside() ? "meets" : "does not meet") + " the criteria to reside");
                return "redirect:/patients/" + id + "/acuity";
            } catch (InvalidInputException e) {
                problems.add(problem(e));
            } catch (RefusedException e) {
                problems.add(new Problem(e.getMessage(), "#record-acuity"));
            }
        }
        return show(user, id, form, problems, model);
    }

    private static Problem problem(InvalidInputException e) {
        String field = e.field();
        return switch (field) {
            case "raisedToLevel" -> new Problem("Level to raise to " + e.getMessage(), "#raisedToLevel");
            case "raisedReason" -> new Problem("Give the reason for raising the level", "#raisedReason");
            case "note" -> new Problem("Note " + e.getMessage(), "#note");
            default -> new Problem(e.getMessage(), field.startsWith("answers.")
                    ? "#row-" + field.substring("answers.".length()) : "#record-acuity");
        };
    }

    private String show(CurrentUser user, PatientId id, AcuityForm form, List<Problem> problems, Model model) {
        model.addAttribute("patient", patients.record(user, id));
        AcuityTool tool = acuity.tool();
        List<AcuityAssessment> recent = acuity.recentAssessments(user, id, DAYS_SHOWN);
        AcuityAssessment latest = recent.isEmpty() ? acuity.latest(List.of(id)).get(id) : recent.get(0);
        model.addAttribute("latest", latest);
        model.addAttribute("recent", recent);
        model.addAttribute("daysShown", DAYS_SHOWN);
        model.addAttribute("today", acuity.today());
        model.addAttribute("admitted", referrals.currentWard(id).isPresent());
        model.addAttribute("mayAssess", user.can(Permission.ASSESS_ACUITY));
        Map<AcuityGroup, List<AcuityToolRow>> groups = new LinkedHashMap<>();
        for (AcuityGroup group : AcuityGroup.values()) {
            if (group.scored()) {
                groups.put(group, tool.activeRows(group));
            }
        }
        model.addAttribute("groups", groups);
        model.addAttribute("criteria", tool.activeRows(AcuityGroup.CRITERIA_TO_RESIDE));
        model.addAttribute("bands", tool.bands());
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        model.addAttribute("unanswered", problems.stream().map(Problem::href).filter(h -> h.startsWith("#ctr-"))
                .map(h -> h.substring("#ctr-".length())).collect(java.util.stream.Collectors.toSet()));
        return "careplan/acuity";
    }

    @GetMapping("/acuity/capacity")
    String capacity(CurrentUser user, Model model) {
        model.addAttribute("wards", acuity.capacity(user));
        model.addAttribute("tool", acuity.tool());
        model.addAttribute("today", acuity.today());
        return "careplan/acuity-capacity";
    }

    @GetMapping("/acuity/tool")
    String tool(Model model) {
        AcuityTool tool = acuity.tool();
        model.addAttribute("tool", tool);
        Map<AcuityGroup, List<AcuityToolRow>> groups = new LinkedHashMap<>();
        for (AcuityGroup group : AcuityGroup.values()) {
            groups.put(group, tool.rows().stream().filter(r -> r.group() == group).toList());
        }
        model.addAttribute("groups", groups);
        return "careplan/acuity-tool";
    }
}
