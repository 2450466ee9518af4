package org.homeward.visit.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.homeward.security.CurrentUser;
import org.homeward.shared.WardId;
import org.homeward.visit.DayPlan;
import org.homeward.visit.DayPlanChange;
import org.homeward.visit.DayPlanService;
import org.homeward.visit.MyVisit;
import org.homeward.visit.RecordVisit;
import org.homeward.visit.ReplanOutcome;
import org.homeward.visit.RequestUrgentVisit;
import org.homeward.visit.VisitException;
import org.homeward.visit.VisitOutcome;
import org.homeward.visit.VisitRecord;
import org.homeward.visit.VisitRecordService;
import org.homeward.visit.VisitRequirement;
import org.homeward.visit.VisitService;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Visits", description = "Interventions on a patient's plan and the home visits they call for")
class VisitApiController {

    private final VisitService visits;
    private final DayPlanService dayPlans;
    private final VisitRecordService records;

    VisitApiController(VisitService visits, DayPlanService dayPlans, VisitRecordService records) {
        this.visits = visits;
        this.dayPlans = dayPlans;
        this.records = records;
    }

    /** An arrival: the plan day and visit, and optionally when (default now). */
    record Arrival(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, String visitId,
            java.time.Instant arrivedAt) {
    }

    /** A departure: the plan day and visit, the outcome, what was given, notes, and optionally when (default now). */
    record Departure(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, String visitId,
            VisitOutcome outcome, String given, String notes, java.time.Instant departedAt) {
    }

    @PostMapping("/api/v1/urgent-visits")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Ask for an urgent home visit today (after an alert, say); when today has a plan it is "
            + "re-planned at once around the visit, keeping visits already started, and the answer says who goes, "
            + "when, and what else changed")
    ReplanOutcome urgent(CurrentUser user, @RequestBody RequestUrgentVisit command) {
        return dayPlans.requestUrgentVisit(user, command);
    }

    @GetMapping("/api/v1/day-plans/{date}/changes")
    @Operation(summary = "What the re-plan that made the day's current plan changed, visit by visit")
    List<DayPlanChange> changes(CurrentUser user,
            @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return dayPlans.changes(user, date);
    }

    @GetMapping("/api/v1/my-visits")
    @Operation(summary = "The signed-in staff member's visits on a day, in route order, with what is recorded")
    List<MyVisit> myVisits(CurrentUser user,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return records.myVisits(user, date);
    }

    @PostMapping("/api/v1/visit-records/arrival")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record arriving at a planned visit")
    VisitRecord arrive(CurrentUser user, @RequestBody Arrival arrival) {
        return records.arrive(user, required(arrival == null ? null : arrival.date()), arrival.visitId(),
                arrival.arrivedAt());
    }

    @PostMapping("/api/v1/visit-records/departure")
    @Operation(summary = "Record leaving a visit: outcome, what was given, notes; contact minutes follow from "
            + "arrival and departure")
    VisitRecord depart(CurrentUser user, @RequestBody Departure departure) {
        return records.depart(user, required(departure == null ? null : departure.date()), departure.visitId(),
                new RecordVisit(departure.outcome(), departure.given(), departure.notes(), departure.departedAt()));
    }

    @GetMapping("/api/v1/visit-exceptions")
    @Operation(summary = "The day's missed, overdue, late and not-done visits, for the coordinator")
    List<VisitException> exceptions(CurrentUser user,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return records.exceptions(user, date);
    }

    private static LocalDate required(LocalDate date) {
        if (date == null) {
            throw new org.homeward.shared.InvalidInputException("date", "date is required (yyyy-MM-dd)");
        }
        return date;
    }

    @PostMapping("/api/v1/day-plans/{date}")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Plan a day's visits: every visit due, routed over the day's shifts by the solver and checked "
            + "by the independent route evaluator; stored as the day's newest plan")
    DayPlan plan(CurrentUser user, @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return dayPlans.plan(user, date);
    }

    @GetMapping("/api/v1/day-plans/{date}")
    @Operation(summary = "The day's newest visit plan")
    org.springframework.http.ResponseEntity<DayPlan> current(CurrentUser user,
            @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return dayPlans.currentPlan(user, date).map(org.springframework.http.ResponseEntity::ok)
                .orElseThrow(() -> new org.homeward.shared.NotFoundException("No visit plan for " + date + " yet"));
    }

    @GetMapping("/api/v1/visit-requirements")
    @Operation(summary = "The visits due on a day for admitted patients, with windows, skills and links")
    List<VisitRequirement> requirements(CurrentUser user,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) WardId wardId) {
        return visits.requirements(user, date, wardId);
    }
}
