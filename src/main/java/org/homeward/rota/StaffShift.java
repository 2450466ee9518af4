package org.homeward.rota;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.homeward.shared.OrganisationId;
import org.homeward.shared.Skill;
import org.homeward.shared.UserId;

/** A staff member's shift as planning sees it. */
public record StaffShift(UUID id, UserId userId, OrganisationId organisationId, String staffName, Instant startsAt, Instant endsAt, Set<Skill> skills,
        double startLatitude, double startLongitude, double endLatitude, double endLongitude, Duration breakLength,
        int maxVisits, String addedBy, Instant addedAt, String cancelledBy, Instant cancelledAt) {

    public StaffShift {
        skills = Set.copyOf(skills);
    }

    public boolean cancelled() {
        return cancelledAt != null;
    }
}
