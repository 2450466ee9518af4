package org.homeward.visit.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.homeward.security.CurrentUser;
import org.homeward.security.Role;
import org.homeward.visit.DayPlan;
import org.homeward.visit.DayPlanService;
import org.homeward.visit.PlannedVisit;
import org.homeward.visit.VisitRecordService;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The coordinator's day view: a timeline of each staff member's day, a map of the routes, each staff member's visits
 * in order with times, and what could not be planned.
 */
@Controller
class DayPlanPageController {

    private final DayPlanService dayPlans;
    private final VisitRecordService records;
    private final DayPlanPictures pictures;
    private final Clock clock;
    private final org.homeward.patient.PatientService patients;

    DayPlanPageController(DayPlanService dayPlans, VisitRecordService records, DayPlanPictures pictures, Clock clock,
            org.homeward.patient.PatientService patients) {
        this.patients = patients;
        this.dayPlans = dayPlans;
        this.records = records;
        this.pictures = pictures;
        this.clock = clock;
    }

    @GetMapping("/visits")
    String day(CurrentUser user, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate date, Model model) {
        LocalDate day = date == null ? LocalDate.now(clock) : date;
        DayPlan plan = dayPlans.currentPlan(user, day).orElse(null);
        model.addAttribute("date", day);
        model.addAttribute("plan", plan);
        model.addAttribute("canPlan", user.hasRole(Role.COORDINATOR, Role.SENIOR_DECISION_MAKER));
        if (plan != null) {
            Map<String, List<PlannedVisit>> routes = plan.visits().stream().filter(PlannedVisit::planned)
                    .collect(Collectors.groupingBy(PlannedVisit::staffName, LinkedHashMap::new, Collectors.toList()));
            model.addAttribute("routes", routes);
            model.addAttribute("unplanned", plan.unplanned());
            // the currentPlan shows only patients the user may see, so every unplanned visit here is theirs to name
            model.addAttribute("names", patients.visibleSummaries(user, plan.unplanned().stream()
                    .map(PlannedVisit::patientId).collect(Collectors.toSet())).stream()
                    .collect(Collectors.toMap(org.homeward.patient.PatientSummary::id,
                            org.homeward.patient.PatientSummary::displayName)));
            model.addAttribute("changes", dayPlans.changes(user, day));
            model.addAttribute("exceptions", records.exceptions(user, day));
            DayPlanPictures.Pictures drawn = pictures.of(user, plan);
            model.addAttribute("timeline", drawn.timeline());
            model.addAttribute("routeMap", drawn.map());
        }
        return "visit/day";
    }

    @PostMapping("/visits/plan")
    String plan(CurrentUser user, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            RedirectAttributes redirect) {
        DayPlan plan = dayPlans.plan(user, date);
        redirect.addFlashAttribute("message", "Planned " + (plan.visits().size() - plan.unplanned().size()) + " of "
                + plan.visits().size() + " visits (version " + plan.version() + ")");
        return "redirect:/visits?date=" + date;
    }
}
