package org.homeward.careplan.web;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.homeward.careplan.AgreedWith;
import org.homeward.careplan.CareAndSupportPlan;
import org.homeward.careplan.ChangeAdvanceCarePlan;
import org.homeward.careplan.ChangeSupportPlan;
import org.homeward.careplan.CprRecommendation;
import org.homeward.careplan.GoalStatus;
import org.homeward.careplan.RespectPriority;
import org.homeward.careplan.SupportPlan;
import org.homeward.careplan.SupportPlanService;
import org.homeward.security.CurrentUser;
import org.homeward.security.Permission;
import org.homeward.shared.FormErrors;
import org.homeward.shared.InvalidInputException;
import org.homeward.shared.NotFoundException;
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
 * The patient's care and support plan page: NHS.UK summary lists, one per section, each with 'Change' links for those
 * who may change it, and the history of changes; one form per section, carrying the plan's version so a change made
 * meanwhile by someone else is not overwritten.
 */
@Controller
class SupportPlanPageController {

    private static final Pattern GOAL_FIELD = Pattern.compile("goals\\[(\\d+)](.*)");

    private final SupportPlanService plans;

    SupportPlanPageController(SupportPlanService plans) {
        this.plans = plans;
    }

    @GetMapping("/patients/{id}/care-plan")
    String plan(CurrentUser user, @PathVariable PatientId id, Model model) {
        model.addAttribute("plan", plans.plan(user, id));
        model.addAttribute("history", plans.history(user, id));
        model.addAttribute("sections", CarePlanPageSection.values());
        return "careplan/care-plan";
    }

    @GetMapping("/patients/{id}/care-plan/{section}")
    String form(CurrentUser user, @PathVariable PatientId id, @PathVariable String section, Model model) {
        CarePlanPageSection s = section(section);
        requireMayChange(user, s);
        CareAndSupportPlan plan = plans.plan(user, id);
        model.addAttribute("form", CarePlanForm.of(plan));
        return formPage(user, plan, s, model);
    }

    @PostMapping("/patients/{id}/care-plan/{section}")
    String change(CurrentUser user, @PathVariable PatientId id, @PathVariable String section,
            @ModelAttribute("form") CarePlanForm form, BindingResult errors, Model model, RedirectAttributes redirect) {
        CarePlanPageSection s = section(section);
        requireMayChange(user, s);
        CareAndSupportPlan plan = plans.plan(user, id);
        if (!errors.hasErrors()) {
            List<Integer> kept = CarePlanPageSection.keptGoalRows(form);
            try {
                int before = plan.version();
                CareAndSupportPlan saved;
                if (s.supportPlan()) {
                    List<SupportPlan.Goal> goals = kept.stream().map(i -> form.goalRows().get(i))
                            .map(r -> new SupportPlan.Goal(r.text(), r.targetDate(), r.status())).toList();
                    saved = plans.changeSupportPlan(user, id, new ChangeSupportPlan(form.version(),
                            s.apply(plan.supportPlan(), form, goals)));
                } else {
                    saved = plans.changeAdvanceCarePlan(user, id, new ChangeAdvanceCarePlan(form.version(),
                            s.apply(plan.advanceCarePlan(), form,
                                    user.can(Permission.RECORD_RESUSCITATION_DECISION))));
                }
                redirect.addFlashAttribute("message", saved.version() == before ? "Nothing was changed"
                        : s.title() + " saved");
                return "redirect:/patients/" + id + "/care-plan#" + s.path();
            } catch (InvalidInputException e) {
                FormErrors.add(errors, new InvalidInputException(formField(e.field(), kept), e.getMessage()));
            } catch (RefusedException e) {
                FormErrors.add(errors, e);
            }
        }
        return formPage(user, plan, s, model);
    }

    private String formPage(CurrentUser user, CareAndSupportPlan plan, CarePlanPageSection section, Model model) {
        model.addAttribute("plan", plan);
        model.addAttribute("section", section);
        model.addAttribute("mayRecordResuscitation", user.can(Permission.RECORD_RESUSCITATION_DECISION));
        model.addAttribute("agreedWithOptions", AgreedWith.values());
        model.addAttribute("goalStatuses", GoalStatus.values());
        model.addAttribute("priorities", RespectPriority.values());
        model.addAttribute("cprOptions", CprRecommendation.values());
        return "careplan/care-plan-form";
    }

    private static CarePlanPageSection section(String path) {
        CarePlanPageSection section = CarePlanPageSection.of(path);
        if (section == null) {
            throw new NotFoundException("The care and support plan has no section '" + path + "'");
        }
        return section;
    }

    /** The DNACPR decision's form is a senior decision-maker's; every other section's, anyone who may change the plan. */
    private static void requireMayChange(CurrentUser user, CarePlanPageSection section) {
        user.require(Permission.CHANGE_CARE_PLAN);
        if (section == CarePlanPageSection.DNACPR) {
            user.require(Permission.RECORD_RESUSCITATION_DECISION);
        }
    }

    /**
     * The service names the API's fields ('advanceCarePlan.dnacpr.madeBy', 'supportPlan.goals[0].text', counting only
     * the goals kept); the form's fields are flat, and its goal rows include empty ones.
     */
    static String formField(String field, List<Integer> keptGoalRows) {
        int goals = field.indexOf("goals");
        if (goals >= 0) {
            Matcher m = GOAL_FIELD.matcher(field.substring(goals));
            if (m.matches()) {
                int index = Integer.parseInt(m.group(1));
                int row = index < keptGoalRows.size() ? keptGoalRows.get(index) : index;
                return "goals[" + row + "]" + m.group(2);
            }
            return "goals";
        }
        return field.contains(".") ? field.substring(field.lastIndexOf('.') + 1) : field;
    }
}
