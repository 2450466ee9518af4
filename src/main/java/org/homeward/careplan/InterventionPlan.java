package org.homeward.careplan;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.homeward.shared.InvalidInputException;
import org.homeward.shared.PatientId;
import org.homeward.shared.Skill;

/** Checks an {@link AddIntervention} and turns it into an {@link Intervention}, naming the field of any problem. */
final class InterventionPlan {

    static final int DEFAULT_TOLERANCE_MINUTES = 30;
    static final int MAX_TIMES_A_DAY = 12;

    private InterventionPlan() {
    }

    static Intervention checked(AddIntervention c, PatientId patient, LocalDate today, String addedBy, Instant now) {
        if (c == null || c.kind() == null) {
            throw new InvalidInputException("kind", "kind is required, one of " + List.of(InterventionKind.values()));
        }
        if (c.description() != null && c.description().strip().length() > 300) {
            throw new InvalidInputException("description", "description must be at most 300 characters");
        }
        Duration duration = minutes("durationMinutes", c.durationMinutes(), c.kind().usualDuration(), 5, 240);
        int staff = c.staffNeeded() == null ? 1 : c.staffNeeded();
        if (staff != 1 && staff != 2) {
            throw new InvalidInputException("staffNeeded", "staffNeeded must be 1 or 2");
        }
        List<LocalTime> times = times(c.times());
        boolean window = c.windowFrom() != null || c.windowTo() != null;
        if (times.isEmpty() == !window) {
            throw new InvalidInputException(times.isEmpty() ? "times" : "windowFrom",
                    "Give either times of day (e.g. 06:00, 14:00, 22:00) or a window (windowFrom and windowTo), not both");
        }
        Duration tolerance = null;
        LocalTime from = null;
        LocalTime to = null;
        if (window) {
            from = time("windowFrom", c.windowFrom());
            to = time("windowTo", c.windowTo());
            if (!to.isAfter(from.plus(duration))) {
                throw new InvalidInputException("windowTo", "windowTo must leave time for the visit: after "
                        + from.plus(duration));
            }
        } else {
            tolerance = minutes("toleranceMinutes", c.toleranceMinutes(), Duration.ofMinutes(DEFAULT_TOLERANCE_MINUTES),
                    0, 180);
        }
        LocalDate startsOn = c.startsOn() == null ? today : c.startsOn();
        if (startsOn.isBefore(today)) {
            throw new InvalidInputException("startsOn", "startsOn must be today or later");
        }
        if (c.endsOn() != null && c.endsOn().isBefore(startsOn)) {
            throw new InvalidInputException("endsOn", "endsOn must not be before startsOn");
        }
        AddIntervention.FollowUp f = c.followUp();
        InterventionKind followKind = null;
        Duration followDuration = null;
        Duration minGap = null;
        Duration maxGap = null;
        if (f != null) {
            if (f.kind() == null) {
                throw new InvalidInputException("followUp.kind", "followUp.kind is required for a follow-up visit");
            }
            followKind = f.kind();
            followDuration = minutes("followUp.durationMinutes", f.durationMinutes(), f.kind().usualDuration(), 5, 240);
            if (f.minGapMinutes() == null || f.maxGapMinutes() == null) {
                throw new InvalidInputException("followUp.minGapMinutes",
                        "A follow-up needs the minimum and maximum gap between the two visits' starts, in minutes");
            }
            minGap = minutes("followUp.minGapMinutes", f.minGapMinutes(), null, 0, 720);
            maxGap = minutes("followUp.maxGapMinutes", f.maxGapMinutes(), null, 0, 720);
            if (maxGap.compareTo(minGap) < 0) {
                throw new InvalidInputException("followUp.maxGapMinutes", "maxGapMinutes must not be less than minGapMinutes");
            }
            if (minGap.compareTo(duration) < 0) {
                throw new InvalidInputException("followUp.minGapMinutes", "minGapMinutes must be at least the visit's "
                        + duration.toMinutes() + " minutes: the follow-up starts after the visit");
            }
        }
        Skill skill = c.skill() == null ? c.kind().usualSkill() : c.skill();
        String description = c.description() == null || c.description().isBlank() ? null : c.description().strip();
        return new Intervention(UUID.randomUUID(), patient, c.kind(), description, duration, skill, staff, times,
                tolerance, from, to, followKind, followDuration, minGap, maxGap, startsOn, c.endsOn(), addedBy, now,
                null, null);
    }

    static Duration minutes(String field, Integer value, Duration otherwise, int min, int max) {
        if (value == null) {
            if (otherwise == null) {
                throw new InvalidInputException(field, field + " is required");
            }
            return otherwise;
        }
        if (value < min || value > max) {
            throw new InvalidInputException(field, field + " must be from " + min + " to " + max + " minutes, got " + value);
        }
        return Duration.ofMinutes(value);
    }

    private static List<LocalTime> times(List<String> texts) {
        if (texts == null) {
            return List.of();
        }
        if (texts.size() > MAX_TIMES_A_DAY) {
            throw new InvalidInputException("times", "At most " + MAX_TIMES_A_DAY + " times a day");
        }
        List<LocalTime> times = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            LocalTime time = time("times[" + i + "]", texts.get(i));
            if (times.contains(time)) {
                throw new InvalidInputException("times[" + i + "]", "time " + time + " is listed twice");
            }
            times.add(time);
        }
        return times;
    }

    private static LocalTime time(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(field, "is required, as a time of day such as 09:00");
        }
        try {
            return LocalTime.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "must be a time of day such as 09:00, got '" + text + "'");
        }
    }
}
