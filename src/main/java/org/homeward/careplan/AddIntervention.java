package org.homeward.careplan;

import java.time.LocalDate;
import java.util.List;
import org.homeward.shared.Skill;

/**
 * An intervention to add to a patient's plan. Either {@code times}, times of day such as 06:00, 14:00 and 22:00,
 * with {@code toleranceMinutes} (default 30), or {@code windowFrom} and {@code windowTo}, such as 08:00 to 11:00.
 * Duration and skill default to the kind's usual ones; {@code startsOn} defaults to today.
 */
public record AddIntervention(InterventionKind kind, String description, Integer durationMinutes, Skill skill,
        Integer staffNeeded, List<String> times, Integer toleranceMinutes, String windowFrom, String windowTo,
        LocalDate startsOn, LocalDate endsOn, FollowUp followUp) {

    /** A second visit after each one, e.g. observations 1 to 2 hours after a first IV dose. */
    public record FollowUp(InterventionKind kind, Integer durationMinutes, Integer minGapMinutes, Integer maxGapMinutes) {
    }
}
