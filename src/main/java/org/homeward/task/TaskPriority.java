package org.homeward.task;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * How soon a task must be done, and the due time it gets when its creator names none: urgent within 1 hour, high
 * within 4 hours, routine by the end of the day it was set (23:59 in the service's time zone). Urgent and high tasks
 * still open after their due time are escalated; routine ones are flagged overdue only.
 */
public enum TaskPriority {
    URGENT("Urgent", "nhsuk-tag--red"),
    HIGH("High", "nhsuk-tag--orange"),
    ROUTINE("Routine", "nhsuk-tag--grey");

    static final Duration URGENT_WITHIN = Duration.ofHours(1);
    static final Duration HIGH_WITHIN = Duration.ofHours(4);
    static final LocalTime END_OF_DAY = LocalTime.of(23, 59);

    private final String label;
    private final String tagClass;

    TaskPriority(String label, String tagClass) {
        this.label = label;
        this.tagClass = tagClass;
    }

    public String label() {
        return label;
    }

    /** The NHS.UK tag colour that marks it on a list. */
    public String tagClass() {
        return tagClass;
    }

    /** Whether a task of this priority still open after its due time is escalated to the coordinators. */
    public boolean escalatesWhenOverdue() {
        return this != ROUTINE;
    }

    /** When a task of this priority set at {@code now} is due, if its creator named no time. */
    public Instant defaultDueAt(Instant now, ZoneId zone) {
        return switch (this) {
            case URGENT -> now.plus(URGENT_WITHIN);
            case HIGH -> now.plus(HIGH_WITHIN);
            case ROUTINE -> {
                LocalDate today = LocalDate.ofInstant(now, zone);
                Instant endOfDay = today.atTime(END_OF_DAY).atZone(zone).toInstant();
                yield endOfDay.isAfter(now) ? endOfDay : now.plus(Duration.ofMinutes(1));
            }
        };
    }
}
