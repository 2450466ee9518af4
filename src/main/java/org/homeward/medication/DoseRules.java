package org.homeward.medication;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The rules of charted doses, in one place: which doses a prescription with set times calls for on a day, the window
 * each is to be given in, which are given at a home visit, and whether a dose not recorded is late or missed. Pure: no
 * database, no clock.
 *
 * <p>Sources: a time-critical medicine is one where a dose delayed or omitted by more than 30 minutes can cause harm
 * (NPSA Rapid Response Report NPSA/2010/RRR009, Reducing harm from omitted and delayed medicines in hospital; the
 * Specialist Pharmacy Service's time-critical medicines list), so its window is the set time +- 30 minutes. Other
 * medicines are given within an hour either side of the set time (the service's choice, as most trusts' medicines
 * policies set it). A time-critical dose not recorded two hours after its time is missed and raises an alert (the
 * service's choice of limit); any dose not recorded when its window closes is late, a task for the visiting team.
 *
 * <p>Times are wall-clock times of the day in the service's time zone; on the day clocks go forward a time in the
 * missing hour moves forward by the gap, on the day they go back the earlier of the two is used (as
 * {@link ZonedDateTime#of} does, and as the visit requirements do).
 */
public final class DoseRules {

    /** Either side of the set time for a time-critical medicine. */
    public static final Duration TIME_CRITICAL_WINDOW = Duration.ofMinutes(30);
    /** Either side of the set time for any other medicine. */
    public static final Duration USUAL_WINDOW = Duration.ofMinutes(60);
    /** After its set time, a time-critical dose still not recorded is missed. */
    public static final Duration MISSED_AFTER = Duration.ofHours(2);

    /** Routes a nurse gives at a home visit; the others are taken by the patient or given by a carer. */
    private static final Set<Route> GIVEN_AT_VISIT = EnumSet.of(Route.INTRAVENOUS, Route.SUBCUTANEOUS,
            Route.INTRAMUSCULAR);

    private DoseRules() {
    }

    /** Whether a dose by this route is given by a nurse at a home visit (intravenous, subcutaneous, intramuscular). */
    public static boolean givenAtVisit(Route route) {
        return GIVEN_AT_VISIT.contains(route);
    }

    /** How far either side of its set time a dose may be given. */
    public static Duration window(boolean timeCritical) {
        return timeCritical ? TIME_CRITICAL_WINDOW : USUAL_WINDOW;
    }

    /**
     * The doses the prescription calls for on {@code day}: one for each set time from its start, before it was
     * stopped or ended (a dose at the very moment it stops is not due). None for a medicine given continuously or when
     * required.
     */
    public static List<ScheduledDose> dosesOn(Prescription p, FormularyEntry entry, boolean child, LocalDate day,
            ZoneId zone) {
        List<ScheduledDose> doses = new ArrayList<>();
        Duration window = window(entry.timeCritical());
        for (LocalTime time : p.times().stream().sorted().toList()) {
            Instant due = ZonedDateTime.of(day, time, zone).toInstant();
            if (due.isBefore(p.startsAt()) || (p.stoppedAt() != null && !due.isBefore(p.stoppedAt()))
                    || (p.endsAt() != null && !due.isBefore(p.endsAt()))) {
                continue;
            }
            doses.add(new ScheduledDose(key(p, day, time), p.id(), p.patientId(),
                    p.medicine() + " " + p.doseWords() + " " + p.route().label().toLowerCase(), p.route(),
                    p.antimicrobial(), due, due.minus(window), due.plus(window), entry.timeCritical(),
                    entry.secondChecker(), entry.controlledDrug(), givenAtVisit(p.route()), child));
        }
        return doses;
    }

    /** The dose's name: prescription, day and time. */
    static String key(Prescription p, LocalDate day, LocalTime time) {
        return p.id() + "/" + day + "/" + time;
    }

    /**
     * Where a dose stands at {@code now}: given or not given once recorded; else due until its window closes, then
     * late; a time-critical dose still not recorded {@link #MISSED_AFTER} after its time is missed.
     *
     * @param recorded the outcome recorded for it, {@code null} when none
     */
    public static DoseState state(ScheduledDose dose, DoseState recorded, Instant now) {
        if (recorded == DoseState.GIVEN || recorded == DoseState.NOT_GIVEN) {
            return recorded;
        }
        if (now.isBefore(dose.latest())) {
            return DoseState.DUE;
        }
        if (dose.timeCritical() && !now.isBefore(dose.dueAt().plus(MISSED_AFTER))) {
            return DoseState.MISSED;
        }
        return DoseState.LATE;
    }
}
