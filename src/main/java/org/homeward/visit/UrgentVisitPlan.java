package org.homeward.visit;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.homeward.careplan.InterventionKind;
import org.homeward.shared.InvalidInputException;
import org.homeward.shared.Skill;

/** Checks a {@link RequestUrgentVisit} and turns it into an {@link UrgentVisit}, naming the field of any problem. */
final class UrgentVisitPlan {

    static final int DEFAULT_WITHIN_MINUTES = 120;

    private UrgentVisitPlan() {
    }

    static UrgentVisit checked(RequestUrgentVisit c, Instant now, ZoneId zone, String requestedBy) {
        if (c == null || c.patientId() == null) {
            throw new InvalidInputException("patientId", "patientId is required: whom the visit is for");
        }
        if (c.reason() == null || c.reason().isBlank()) {
            throw new InvalidInputException("reason", "reason is required: what the visiting staff member must know");
        }
        if (c.reason().strip().length() > 300) {
            throw new InvalidInputException("reason", "reason must be at most 300 characters");
        }
        if (c.description() != null && c.description().strip().length() > 300) {
            throw new InvalidInputException("description", "description must be at most 300 characters");
        }
        InterventionKind kind = c.kind() == null ? InterventionKind.REVIEW : c.kind();
        Duration duration = minutes("durationMinutes", c.durationMinutes(), kind.usualDuration(), 5,
                240);
        Duration within = minutes("withinMinutes", c.withinMinutes(),
                Duration.ofMinutes(DEFAULT_WITHIN_MINUTES), 15, 720);
        Skill skill = c.skill() == null ? kind.usualSkill() : c.skill();
        String description = c.description() == null || c.description().isBlank() ? null : c.description().strip();
        return new UrgentVisit(UUID.randomUUID(), c.patientId(), LocalDate.ofInstant(now, zone), kind, description,
                duration, skill, now, now.plus(within), c.reason().strip(), c.alertId(), requestedBy, now);
    }

    /** The same check as the care plan's for an intervention's minutes, naming the field. */
    private static Duration minutes(String field, Integer value, Duration otherwise, int min, int max) {
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
}
