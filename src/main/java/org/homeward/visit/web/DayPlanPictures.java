package org.homeward.visit.web;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.homeward.patient.HomeLocation;
import org.homeward.patient.PatientService;
import org.homeward.patient.PatientSummary;
import org.homeward.patient.VisitAddress;
import org.homeward.rota.RotaService;
import org.homeward.security.CurrentUser;
import org.homeward.shared.PatientId;
import org.homeward.visit.DayPlan;
import org.homeward.visit.DayPlanService;
import org.homeward.visit.PlannedVisit;
import org.springframework.stereotype.Component;

/**
 * Gathers what the day view's timeline and route map need beyond the plan (the day's shifts, the patients' homes and
 * names, the travel model) and makes both. The plan has already been cut to the patients the user may see.
 */
@Component
class DayPlanPictures {

    private final RotaService rota;
    private final DayPlanService dayPlans;
    private final PatientService patients;
    private final Clock clock;

    DayPlanPictures(RotaService rota, DayPlanService dayPlans, PatientService patients, Clock clock) {
        this.rota = rota;
        this.dayPlans = dayPlans;
        this.patients = patients;
        this.clock = clock;
    }

    /**
     * The timeline, the route map (of one shift's route, or every route when {@code onlyShift} is null or not one of
     * the day's), and each route as a table with names, addresses and travel.
     */
    record Pictures(DayTimeline timeline, RouteMap map, List<RouteTable> tables, StaffRoute shown) {
    }

    Pictures of(CurrentUser user, DayPlan plan, java.util.UUID onlyShift) {
        List<StaffRoute> routes = StaffRoute.of(rota.shifts(user, plan.date()), plan.visits());
        List<PatientId> ids = plan.visits().stream().filter(PlannedVisit::planned).map(PlannedVisit::patientId)
                .distinct().toList();
        Map<PatientId, HomeLocation> homes = patients.homeLocations(ids).stream()
                .collect(Collectors.toMap(HomeLocation::patientId, Function.identity()));
        Map<PatientId, String> names = patients.visibleSummaries(user, ids).stream()
                .collect(Collectors.toMap(PatientSummary::id, PatientSummary::displayName));
        Map<PatientId, VisitAddress> addresses = patients.visibleAddresses(user, ids).stream()
                .collect(Collectors.toMap(VisitAddress::patientId, Function.identity()));
        java.time.format.DateTimeFormatter hours = java.time.format.DateTimeFormatter.ofPattern("HH:mm");
        List<RouteTable> tables = routes.stream().filter(r -> !r.visits().isEmpty())
                .map(r -> RouteTable.of(r, r.shift() == null ? "shift no longer on the rota"
                        : hours.format(r.shift().startsAt().atZone(clock.getZone())) + "-"
                                + hours.format(r.shift().endsAt().atZone(clock.getZone())),
                        null, homes, names, addresses, dayPlans::travelTime))
                .toList();
        StaffRoute shown = routes.stream().filter(r -> r.shiftId().equals(onlyShift)).findFirst().orElse(null);
        return new Pictures(DayTimeline.of(routes, homes, names, dayPlans::travelTime, clock.getZone(), plan.madeAt()),
                RouteMap.of(shown == null ? routes : List.of(shown), homes, names, clock.getZone()), tables, shown);
    }
}
