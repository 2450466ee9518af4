package org.homeward.visit.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.homeward.patient.PatientService;
import org.homeward.patient.PatientSummary;
import org.homeward.rota.RotaService;
import org.homeward.security.CurrentUser;
import org.homeward.security.Permission;
import org.homeward.visit.DayPlan;
import org.homeward.visit.DayPlanService;
import org.homeward.visit.PlannedVisit;
import org.homeward.visit.VisitException;
import org.homeward.visit.VisitRecordService;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The coordinator's day view: any day (today, tomorrow, the day before or after, or a date), the day's figures, a
 * timeline of each staff member's day, a map of every route or one, each staff member's visits in order with the
 * patient's name, address and the travel to them, and what could not be planned.
 */
@Controller
class DayPlanPageController {

    private final DayPlanService dayPlans;
    private final VisitRecordService records;
    private final RotaService rota;
    private final DayPlanPictures pictures;
    private final Clock clock;
    private final PatientService patients;

    DayPlanPageController(DayPlanService dayPlans, VisitRecordService records, RotaService rota,
            DayPlanPictures pictures, Clock clock, PatientService patients) {
        this.patients = patients;
        this.dayPlans = dayPlans;
        this.records = records;
        this.rota = rota;
        this.pictures = pictures;
        this.clock = clock;
    }

    @GetMapping("/visits")
    String day(CurrentUser user, @RequestParam(required = false) String date,
            @RequestParam(required = false) String staff, Model model,
            jakarta.servlet.http.HttpServletResponse response) {
        LocalDate today = LocalDate.now(clock);
        LocalDate day = today;
        if (date != null && !date.isBlank()) {
            try {
                day = LocalDate.parse(date.strip());
                String problem = org.homeward.shared.PlausibleDates.problemWith(day);
                if (problem != null) {
                    throw new java.time.format.DateTimeParseException(problem, date, 0);
                }
            } catch (java.time.format.DateTimeParseException e) {
                // a typed address or an old browser's text field: say which field, and show today meanwhile
                response.setStatus(400);
                model.addAttribute("dateError", "Enter a real date between 1 January 1900 and 31 December 2100,"
                        + " for example 2027-03-27");
                day = today;
            }
        }
        DayPlan plan = dayPlans.currentPlan(user, day).orElse(null);
        model.addAttribute("date", day);
        model.addAttribute("today", today);
        model.addAttribute("relativeDay", day.equals(today) ? "Today" : day.equals(today.plusDays(1)) ? "Tomorrow"
                : day.equals(today.minusDays(1)) ? "Yesterday" : null);
        model.addAttribute("plan", plan);
        model.addAttribute("canPlan", user.can(Permission.PLAN_VISITS));
        if (plan != null) {
            List<VisitException> exceptions = records.exceptions(user, day);
            model.addAttribute("unplanned", plan.unplanned());
            // the currentPlan shows only patients the user may see, so every unplanned visit here is theirs to name
            model.addAttribute("names", patients.visibleSummaries(user, plan.unplanned().stream()
                    .map(PlannedVisit::patientId).collect(Collectors.toSet())).stream()
                    .collect(Collectors.toMap(PatientSummary::id, PatientSummary::displayName)));
            model.addAttribute("changes", dayPlans.changes(user, day));
            model.addAttribute("exceptions", exceptions);
            model.addAttribute("summary", DaySummary.of(plan, records.recordedOn(user, day), exceptions,
                    rota.shifts(user, day)));
            DayPlanPictures.Pictures drawn = pictures.of(user, plan, uuidOrNull(staff));
            model.addAttribute("timeline", drawn.timeline());
            model.addAttribute("routeMap", drawn.map());
            model.addAttribute("routes", drawn.tables());
            model.addAttribute("shown", drawn.shown());
        }
        return "visit/day";
    }

    /** The person picked for the map; anything else (an old link, a typed address) shows everyone's routes. */
    private static UUID uuidOrNull(String staff) {
        try {
            return staff == null || staff.isBlank() ? null : UUID.fromString(staff.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @PostMapping("/visits/plan")
    String plan(CurrentUser user, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            RedirectAttributes redirect) {
        DayPlan plan = dayPlans.plan(user, date);
        int unplanned = plan.unplanned().size();
        int late = plan.plannedLate().size();
        redirect.addFlashAttribute("message", "Planned " + (plan.visits().size() - unplanned) + " of "
                + plan.visits().size() + " visits (version " + plan.version() + ")"
                + (unplanned > 0 ? "; " + unplanned + " could not be planned" : "")
                + (late > 0 ? "; " + late + " planned after their window" : ""));
        return "redirect:/visits?date=" + date;
    }
}
