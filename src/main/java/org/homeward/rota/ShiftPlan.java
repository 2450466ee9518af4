package org.homeward.rota;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;
import org.homeward.security.Permission;
import org.homeward.security.SecurityService;
import org.homeward.security.UserAccount;
import org.homeward.shared.InvalidInputException;
import org.homeward.shared.Skill;

/** Checks an {@link AddShift} and turns it into a {@link StaffShift}, naming the field of any problem. */
final class ShiftPlan {

    static final Duration LONGEST_SHIFT = Duration.ofHours(14);
    static final int DEFAULT_MAX_VISITS = 12;

    private ShiftPlan() {
    }

    static StaffShift checked(AddShift c, SecurityService security, ZoneId zone, String addedBy, Instant now) {
        if (c == null || c.username() == null || c.username().isBlank()) {
            throw new InvalidInputException("username", "username of the staff member is required");
        }
        UserAccount staff = security.findUserByUsername(c.username().strip()).orElseThrow(() ->
                new InvalidInputException("username", "No staff member with username " + c.username()));
        if (!staff.can(Permission.VISIT_PATIENTS)) {
            throw new InvalidInputException("username", staff.displayName() + " is a " + staff.role().label()
                    + " and does not make home visits");
        }
        if (c.startsAt() == null) {
            throw new InvalidInputException("startsAt", "startsAt is required");
        }
        if (c.endsAt() == null) {
            throw new InvalidInputException("endsAt", "endsAt is required");
        }
        Instant start = c.startsAt().atZone(zone).toInstant();
        Instant end = c.endsAt().atZone(zone).toInstant();
        if (!end.isAfter(start)) {
            throw new InvalidInputException("endsAt", "endsAt must be after startsAt");
        }
        if (Duration.between(start, end).compareTo(LONGEST_SHIFT) > 0) {
            throw new InvalidInputException("endsAt", "A shift lasts at most " + LONGEST_SHIFT.toHours() + " hours");
        }
        if (c.skills() == null || c.skills().isEmpty()) {
            throw new InvalidInputException("skills", "skills must name at least one of " + Set.of(Skill.values()));
        }
        double startLatitude = coordinate("startLatitude", c.startLatitude(), 90);
        double startLongitude = coordinate("startLongitude", c.startLongitude(), 180);
        double endLatitude = c.endLatitude() == null ? startLatitude : coordinate("endLatitude", c.endLatitude(), 90);
        double endLongitude = c.endLongitude() == null ? startLongitude
                : coordinate("endLongitude", c.endLongitude(), 180);
        int breakMinutes = c.breakMinutes() != null ? c.breakMinutes()
                : Duration.between(start, end).compareTo(Duration.ofHours(6)) > 0 ? 30 : 0;
        if (breakMinutes < 0 || breakMinutes > 120) {
            throw new InvalidInputException("breakMinutes", "breakMinutes must be from 0 to 120");
        }
        int maxVisits = c.maxVisits() == null ? DEFAULT_MAX_VISITS : c.maxVisits();
        if (maxVisits < 1 || maxVisits > 40) {
            throw new InvalidInputException("maxVisits", "maxVisits must be from 1 to 40");
        }
        return new StaffShift(UUID.randomUUID(), staff.id(), staff.organisationId(), staff.displayName(), start, end, c.skills(),
                startLatitude, startLongitude, endLatitude, endLongitude, Duration.ofMinutes(breakMinutes), maxVisits,
                addedBy, now, null, null);
    }

    private static double coordinate(String field, Double value, double limit) {
        if (value == null) {
            throw new InvalidInputException(field, field + " is required: where the shift starts, for route planning");
        }
        if (value < -limit || value > limit) {
            throw new InvalidInputException(field, field + " must be from -" + (int) limit + " to " + (int) limit);
        }
        return value;
    }
}
