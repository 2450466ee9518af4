package org.homeward.visit;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.homeward.patient.HomeLocation;
import org.homeward.rota.StaffShift;
import org.homeward.shared.PatientId;
import org.homeward.shared.Skill;
import org.homeward.visit.routing.Location;
import org.homeward.visit.routing.RouteEvaluation;
import org.homeward.visit.routing.RoutePlan;
import org.homeward.visit.routing.Staff;
import org.homeward.visit.routing.StaffBreak;
import org.homeward.visit.routing.TravelTimeModel;
import org.homeward.visit.routing.Visit;

/**
 * Maps a day's visit requirements and shifts onto the routing model, and the solved routes back onto planned visits.
 * Times in the routing model are milliseconds from midnight of the plan day in the service's zone.
 *
 * <p>A two-staff requirement becomes two linked visits: the lead needs the requirement's skill, the assistant any
 * member of staff. A follow-up becomes a visit that starts within its minimum and maximum gap after the visit it
 * follows. A shift's break may start from a third of the way into the shift to two thirds, so the solver can place it
 * around the visits. A patient with no home location cannot be routed; their visits are reported as not planned.
 */
final class DayPlanProblem {

    static final String ASSIST_SUFFIX = "/assist";
    static final String NO_LOCATION = "no home location recorded for this patient: set the location for home visits on their record and plan again";
    static final String NO_ONE_FREE = "no one with the skill and time free to make it in its window";
    static final String WINDOW_PASSED = "its window closed before anyone arrived";

    private final LocalDate day;
    private final Instant origin;
    private final Map<String, VisitRequirement> requirements = new LinkedHashMap<>();
    private final Map<String, UUID> shiftIds = new HashMap<>();
    private final Map<String, String> staffNames = new HashMap<>();
    private final List<PlannedVisit> unroutable = new ArrayList<>();
    private final Map<String, java.util.Set<Skill>> skillsOf = new HashMap<>();
    private final RoutePlan plan;

    /**
     * The problem of planning the day at {@code now}: a visit whose window closed before now and that nobody started
     * cannot be made any more; it is reported as not planned, with that reason, instead of being routed into the past.
     */
    DayPlanProblem(LocalDate day, ZoneId zone, List<VisitRequirement> due, List<StaffShift> shifts,
            List<HomeLocation> homes, TravelTimeModel travel, Instant now, java.util.Set<String> started,
            java.util.function.Function<VisitRequirement, java.util.Set<Skill>> skillsNeeded) {
        this.day = day;
        this.origin = day.atStartOfDay(zone).toInstant();
        Map<PatientId, HomeLocation> homeOf = new HashMap<>();
        homes.forEach(h -> homeOf.put(h.patientId(), h));
        Locations locations = new Locations();
        List<Staff> staff = new ArrayList<>();
        for (StaffShift shift : shifts) {
            String id = staffId(shift.id());
            shiftIds.put(id, shift.id());
            staffNames.put(id, shift.staffName());
            staff.add(staff(shift, locations));
        }
        Map<String, Visit> visits = new LinkedHashMap<>();
        for (VisitRequirement requirement : due) {
            HomeLocation home = homeOf.get(requirement.patientId());
            if (home == null) {
                unroutable.add(notPlanned(requirement, requirement.id(), false, NO_LOCATION));
                continue;
            }
            if (requirement.latestStart().isBefore(now) && !started.contains(requirement.id())
                    && !started.contains(requirement.id() + ASSIST_SUFFIX)) {
                unroutable.add(notPlanned(requirement, requirement.id(), false, WINDOW_PASSED));
                if (requirement.staffNeeded() == 2) {
                    unroutable.add(notPlanned(requirement, requirement.id() + ASSIST_SUFFIX, true, WINDOW_PASSED));
                }
                continue;
            }
            java.util.Set<Skill> needed = skillsNeeded.apply(requirement);
            if (shifts.stream().noneMatch(shift -> shift.skills().containsAll(needed))) {
                // skills are never broken: a visit nobody on shift may make is left unplaced, saying why
                String why = VisitSkills.nobodyOnShift(needed);
                unroutable.add(notPlanned(requirement, requirement.id(), false, why));
                if (requirement.staffNeeded() == 2) {
                    unroutable.add(notPlanned(requirement, requirement.id() + ASSIST_SUFFIX, true, why));
                }
                continue;
            }
            requirements.put(requirement.id(), requirement);
            skillsOf.put(requirement.id(), needed);
            Location at = locations.at(home.latitude(), home.longitude());
            Visit lead = visit(requirement, requirement.id(), at, needed);
            visits.put(lead.id(), lead);
            if (requirement.staffNeeded() == 2) {
                Visit assistant = visit(requirement, requirement.id() + ASSIST_SUFFIX, at, java.util.Set.of());
                Visit.together(lead, assistant);
                visits.put(assistant.id(), assistant);
            }
        }
        for (VisitRequirement requirement : requirements.values()) {
            if (requirement.follows() != null && visits.containsKey(requirement.follows())) {
                Visit.startsAfter(visits.get(requirement.id()), visits.get(requirement.follows()),
                        requirement.minGap().toMillis(), requirement.maxGap().toMillis());
            }
        }
        this.plan = new RoutePlan("visits " + day, travel, staff, new ArrayList<>(visits.values()));
    }

    RoutePlan plan() {
        return plan;
    }

    /**
     * Puts each staff member's visits of an earlier version of the day's plan back on their route in the same order,
     * timed from when that version was made, as it was then: the starting point of a re-plan. Visits that are no longer due, and shifts no longer on, drop out.
     */
    void assignRoutesOf(DayPlan earlier) {
        java.util.Set<String> inPlan = new java.util.HashSet<>();
        plan.visits().forEach(v -> inPlan.add(v.id()));
        Map<UUID, List<PlannedVisit>> byShift = new HashMap<>();
        earlier.visits().stream().filter(PlannedVisit::planned).filter(v -> inPlan.contains(v.visitId()))
                .forEach(v -> byShift.computeIfAbsent(v.shiftId(), k -> new ArrayList<>()).add(v));
        for (Staff member : plan.staff()) {
            List<PlannedVisit> route = byShift.getOrDefault(shiftIds.get(member.id()), List.of());
            plan.assignRoute(member.id(), route.stream()
                    .sorted(java.util.Comparator.comparing(PlannedVisit::routePosition))
                    .map(PlannedVisit::visitId).toList(), millis(earlier.madeAt()));
        }
    }

    /** The routing model's id of a shift's staff member. */
    static String staffId(UUID shiftId) {
        return shiftId.toString();
    }

    private final java.util.Set<String> takenOut = new java.util.HashSet<>();

    /**
     * Takes off the solved routes every visit given to someone without its skills, to be reported unplaced with the
     * reason: the solver weighs a missing skill heavily but may still break it on a day it cannot meet.
     */
    void keepSkills(RoutePlan solved) {
        takenOut.addAll(solved.takeOutVisitsMissingSkills());
    }

    /** The planned visits of a solved plan, timed by the independent evaluator. */
    List<PlannedVisit> plannedVisits(RoutePlan solved, RouteEvaluation evaluation) {
        List<PlannedVisit> result = new ArrayList<>(unroutable);
        Map<String, Integer> positions = new HashMap<>();
        Map<String, String> staffOf = new HashMap<>();
        for (RouteEvaluation.Route route : evaluation.routes()) {
            for (int i = 0; i < route.visitIds().size(); i++) {
                positions.put(route.visitIds().get(i), i + 1);
                staffOf.put(route.visitIds().get(i), route.staffId());
            }
        }
        for (Visit visit : solved.visits()) {
            boolean assisting = visit.id().endsWith(ASSIST_SUFFIX);
            VisitRequirement requirement = requirements.get(assisting
                    ? visit.id().substring(0, visit.id().length() - ASSIST_SUFFIX.length()) : visit.id());
            String staffId = staffOf.get(visit.id());
            if (staffId == null) {
                result.add(notPlanned(requirement, visit.id(), assisting, takenOut.contains(visit.id())
                        ? VisitSkills.nobodyFree(skillsOf.get(requirement.id())) : NO_ONE_FREE));
                continue;
            }
            RouteEvaluation.VisitTimes times = evaluation.times(visit.id());
            result.add(new PlannedVisit(visit.id(), requirement.id(), requirement.patientId(), requirement.kind(),
                    requirement.description(), assisting, shiftIds.get(staffId), staffNames.get(staffId),
                    positions.get(visit.id()), instant(times.arrivalMillis()), instant(times.startMillis()),
                    instant(times.endMillis()), requirement.earliestStart(), requirement.latestStart(), null));
        }
        return result;
    }

    private PlannedVisit notPlanned(VisitRequirement r, String visitId, boolean assisting, String why) {
        return new PlannedVisit(visitId, r.id(), r.patientId(), r.kind(), r.description(), assisting, null, null,
                null, null, null, null, r.earliestStart(), r.latestStart(), why);
    }

    private Staff staff(StaffShift shift, Locations locations) {
        long start = millis(shift.startsAt());
        long end = millis(shift.endsAt());
        Staff.Builder builder = Staff.builder(staffId(shift.id())).name(shift.staffName())
                .skills(shift.skills().stream().map(Enum::name).collect(java.util.stream.Collectors.toSet()))
                .startsAt(locations.at(shift.startLatitude(), shift.startLongitude()))
                .endsAt(locations.at(shift.endLatitude(), shift.endLongitude()))
                .shift(start, end).maxVisits(shift.maxVisits());
        if (!shift.breakLength().isZero()) {
            long third = (end - start) / 3;
            builder.staffBreak(new StaffBreak(start + third, start + 2 * third, shift.breakLength().toMillis()));
        }
        return builder.build();
    }

    private Visit visit(VisitRequirement r, String id, Location at, java.util.Set<Skill> skills) {
        Visit.Builder builder = Visit.builder(id).patient(r.patientId().toString())
                .description(r.kind().label() + (r.description() == null ? "" : ": " + r.description()))
                .at(at).lasting(r.duration().toMillis())
                .window(millis(r.earliestStart()), millis(r.latestStart()));
        skills.forEach(skill -> builder.requires(skill.name()));
        if (r.urgent()) {
            builder.urgent();
        }
        return builder.build();
    }

    long millis(Instant instant) {
        return Duration.between(origin, instant).toMillis();
    }

    Instant instant(long millis) {
        return origin.plusMillis(millis);
    }

    LocalDate day() {
        return day;
    }

    /** One location index per distinct place: a nurse's base and a patient's home at the same spot share it. */
    private static final class Locations {
        private final Map<String, Location> byPlace = new HashMap<>();

        Location at(double latitude, double longitude) {
            return byPlace.computeIfAbsent(latitude + "," + longitude,
                    key -> Location.geographic(byPlace.size(), latitude, longitude));
        }
    }
}
