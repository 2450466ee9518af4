package org.homeward.rota;

import java.time.Instant;
import java.util.UUID;
import org.homeward.shared.OrganisationId;
import org.homeward.shared.UserId;
import org.homeward.shared.WardId;

/** One person on call for a ward's tier, from {@code startsAt} until (not including) {@code endsAt}. */
public record OnCall(UUID id, OrganisationId organisationId, WardId wardId, String wardName, OnCallTier tier,
        UserId userId, String userName, String jobTitle, Instant startsAt, Instant endsAt) {
}
