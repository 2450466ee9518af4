package org.homeward.visit;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.homeward.referral.PatientDischarged;
import org.homeward.shared.OrganisationId;
import org.homeward.shared.PatientId;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Discharge closes the patient's home visits, in the discharge's own transaction: each day plan from the day of
 * discharge on that sends someone to the patient after they left gets a new version with those visits taken off (kept
 * as not planned, with the discharge as the reason), recorded as a change, so the staff who had them are shown "no
 * longer planned". Visits already started or done stay. The care plan module, in the same transaction, ends every
 * intervention still going on, so no visits are due for them after the day of discharge.
 */
@Component
class DischargedPatientVisits {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm");

    private final DayPlanRepository plans;
    private final VisitRecordRepository records;
    private final Clock clock;

    DischargedPatientVisits(DayPlanRepository plans, VisitRecordRepository records, Clock clock) {
        this.plans = plans;
        this.records = records;
        this.clock = clock;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(PatientDischarged discharged) {
        ZoneId zone = clock.getZone();
        Instant now = clock.instant();
        Instant leftAt = discharged.dischargedAt();
        LocalDate lastDay = leftAt.atZone(zone).toLocalDate();
        PatientId patient = discharged.patientId();
        String why = "the patient was discharged on " + WHEN.format(leftAt.atZone(zone));
        for (Map.Entry<OrganisationId, LocalDate> planned : plans.plansWithPatientFrom(patient, lastDay)) {
            takeOffPlan(planned.getKey(), planned.getValue(), patient, leftAt, why, discharged.dischargedBy(), now);
        }
    }

    private void takeOffPlan(OrganisationId team, LocalDate day, PatientId patient, Instant leftAt, String why,
            String by, Instant now) {
        plans.lockDay(team, day);
        DayPlan current = plans.current(team, day).orElse(null);
        if (current == null) {
            return;
        }
        Set<String> started = records.onDay(day).stream().map(VisitRecord::visitId).collect(Collectors.toSet());
        boolean changed = false;
        List<PlannedVisit> after = new java.util.ArrayList<>();
        for (PlannedVisit v : current.visits()) {
            boolean afterDischarge = !(v.planned() ? v.startsAt() : v.windowStart()).isBefore(leftAt);
            if (v.patientId().equals(patient) && afterDischarge && !started.contains(v.visitId())
                    && !why.equals(v.notPlannedWhy())) {
                after.add(new PlannedVisit(v.visitId(), v.requirementId(), v.patientId(), v.kind(), v.description(),
                        v.assisting(), null, null, null, null, null, null, v.windowStart(), v.windowEnd(), why));
                changed = true;
            } else {
                after.add(v);
            }
        }
        if (!changed) {
            return;
        }
        DayPlan next = new DayPlan(UUID.randomUUID(), team, day, plans.nextVersion(team, day), by, now,
                "patient discharged: their visits after discharge taken off the plan", current.travelModel(),
                current.score(), current.feasible(), current.solveMillis(), after);
        plans.insert(next);
        plans.insertChanges(next.id(), DayPlanChanges.between(current, after, DayPlanService.NOTICEABLE_SHIFT));
    }
}
