package org.homeward.visit.web;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.homeward.patient.HomeLocation;
import org.homeward.patient.PatientService;
import org.homeward.patient.PatientSummary;
import org.homeward.security.CurrentUser;
import org.homeward.shared.PatientId;
import org.homeward.visit.DayPlan;
import org.homeward.visit.DayPlanService;
import org.homeward.visit.PlannedVisit;
import org.homeward.visit.VisitService;
import org.springframework.stereotype.Component;

/**
 * Gathers what the day view's timeline and route map need beyond the plan (the day's shifts, the patients' homes and
 * names, the travel model) and makes both. The plan has already been cut to the patients the user may see.
 */
@Component
class DayPlanPictures {

    private final VisitService visits;
    private final DayPlanService dayPlans;
    private final PatientService patients;
    private final Clock clock;

    DayPlanPictures(VisitService visits, DayPlanService dayPlans, PatientService patients, Clock clock) {
        this.visits = visits;
        this.dayPlans = dayPlans;
        this.patients = patients;
        this.clock = clock;
    }

    record Pictures(DayTimeline timeline, RouteMap map) {
    }

    Pictures of(CurrentUser user, DayPlan plan) {
        List<StaffRoute> routes = StaffRoute.of(visits.shifts(user, plan.date()), plan.visits());
        List<PatientId> ids = plan.visits().stream().filter(PlannedVisit::planned).map(PlannedVisit::patientId)
                .distinct().toList();
        Map<PatientId, HomeLocation> homes = patients.homeLocations(ids).stream()
                .collect(Collectors.toMap(HomeLocation::patientId, Function.identity()));
        Map<PatientId, String> names = patients.visibleSummaries(user, ids).stream()
                .collect(Collectors.toMap(PatientSummary::id, PatientSummary::displayName));
        return new Pictures(DayTimeline.of(routes, homes, names, dayPlans::travelTime, clock.getZone(), plan.madeAt()),
                RouteMap.of(routes, homes, names, clock.getZone()));
    }
}
