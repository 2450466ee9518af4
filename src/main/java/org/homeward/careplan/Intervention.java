package org.homeward.careplan;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.homeward.shared.PatientId;
import org.homeward.shared.Skill;

/**
 * One intervention on a patient's plan and when it is due. It is due either at fixed times of day, each within a
 * tolerance (an 8-hourly dose at 06:00, 14:00 and 22:00 +- 30 minutes), or once a day within a window (bloods between
 * 08:00 and 11:00, before the lab cut-off). A follow-up, when set, is a second visit that must start at least
 * {@code followUpMinGap} and at most {@code followUpMaxGap} after each visit (a check after a first dose).
 *
 * @param staffNeeded 1, or 2 for a visit two staff must make together (a moving-and-handling visit, say)
 * @param endsOn the last day it is due, or {@code null} while it goes on
 */
public record Intervention(UUID id, PatientId patientId, InterventionKind kind, String description,
        Duration duration, Skill skill, int staffNeeded, List<LocalTime> times, Duration tolerance,
        LocalTime windowFrom, LocalTime windowTo, InterventionKind followUpKind, Duration followUpDuration,
        Duration followUpMinGap, Duration followUpMaxGap, LocalDate startsOn, LocalDate endsOn, String addedBy,
        Instant addedAt, String endedBy, Instant endedAt) {

    public Intervention {
        times = times == null ? List.of() : List.copyOf(times);
    }

    /** Whether it is due on {@code day}: started, not past its last day, and not ended before that day began. */
    public boolean dueOn(LocalDate day) {
        return !day.isBefore(startsOn) && (endsOn == null || !day.isAfter(endsOn));
    }

    public boolean atFixedTimes() {
        return !times.isEmpty();
    }

    public boolean hasFollowUp() {
        return followUpKind != null;
    }
}
