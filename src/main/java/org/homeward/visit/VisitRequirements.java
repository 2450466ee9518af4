package org.homeward.visit;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.homeward.careplan.Intervention;
import org.homeward.shared.PatientId;

/**
 * Turns a patient's interventions into the visit requirements of one day, in the service's time zone. Pure: no
 * database, no clock.
 *
 * <p>Times are wall-clock times on the day. On the day clocks go forward, a time in the missing hour (01:30) is
 * moved forward by the gap (to 02:30), as {@link ZonedDateTime#of} does; on the day they go back, the earlier of the
 * two 01:30s is used. A window of fixed times is the time +- the tolerance; a follow-up may start from the main
 * visit's earliest start plus the minimum gap to its latest start plus the maximum gap, and the routing model keeps
 * the actual gap between the two starts within the minimum and maximum.
 */
public final class VisitRequirements {

    private VisitRequirements() {
    }

    public static List<VisitRequirement> forDay(List<Intervention> interventions, LocalDate day, ZoneId zone) {
        return forDay(interventions, day, zone, Map.of());
    }

    /**
     * The day's visits, leaving out any whose latest start came before the patient was admitted: care starts at
     * admission, not at midnight, so a patient admitted at 15:42 was never due that morning's 06:00 and 14:00 doses
     * and they are never "missed". A dose still in its window at admission is kept.
     *
     * @param admittedAt when each patient's current admission began; a patient not in it is not limited
     */
    public static List<VisitRequirement> forDay(List<Intervention> interventions, LocalDate day, ZoneId zone,
            Map<PatientId, Instant> admittedAt) {
        List<VisitRequirement> due = new ArrayList<>();
        for (Intervention intervention : interventions) {
            if (!intervention.dueOn(day)) {
                continue;
            }
            Instant from = admittedAt.get(intervention.patientId());
            if (from != null) {
                List<VisitRequirement> ofIntervention = forDay(List.of(intervention), day, zone, Map.of());
                java.util.Set<String> before = new java.util.HashSet<>();
                for (VisitRequirement r : ofIntervention) {
                    if (r.follows() == null && r.latestStart().isBefore(from)) {
                        before.add(r.id());
                    }
                }
                ofIntervention.stream().filter(r -> !before.contains(r.id())
                        && (r.follows() == null || !before.contains(r.follows()))).forEach(due::add);
                continue;
            }
            if (intervention.atFixedTimes()) {
                List<LocalTime> times = intervention.times().stream().sorted().toList();
                for (int i = 0; i < times.size(); i++) {
                    Instant at = ZonedDateTime.of(day, times.get(i), zone).toInstant();
                    add(due, intervention, day, "t" + i, at.minus(intervention.tolerance()),
                            at.plus(intervention.tolerance()));
                }
            } else {
                add(due, intervention, day, "w", ZonedDateTime.of(day, intervention.windowFrom(), zone).toInstant(),
                        ZonedDateTime.of(day, intervention.windowTo(), zone).toInstant());
            }
        }
        due.sort(Comparator.comparing(VisitRequirement::earliestStart).thenComparing(VisitRequirement::id));
        return due;
    }

    private static void add(List<VisitRequirement> due, Intervention intervention, LocalDate day, String slot,
            Instant earliest, Instant latest) {
        String id = intervention.id() + "/" + day + "/" + slot;
        due.add(new VisitRequirement(id, intervention.id(), intervention.patientId(), intervention.kind(),
                intervention.description(), intervention.duration(), intervention.skill(), intervention.staffNeeded(),
                earliest, latest, false, null, null, null));
        if (intervention.hasFollowUp()) {
            Duration minGap = intervention.followUpMinGap();
            Duration maxGap = intervention.followUpMaxGap();
            due.add(new VisitRequirement(id + "/follow-up", intervention.id(), intervention.patientId(),
                    intervention.followUpKind(), intervention.followUpKind().label() + " after "
                            + intervention.kind().label().toLowerCase(),
                    intervention.followUpDuration(), intervention.followUpKind().usualSkill(), 1,
                    earliest.plus(minGap), latest.plus(maxGap), false, id, minGap, maxGap));
        }
    }
}
