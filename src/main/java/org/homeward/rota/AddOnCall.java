package org.homeward.rota;

import java.time.Instant;
import org.homeward.shared.WardId;

/** Puts a person of the coordinator's own organisation on call for a ward's tier. */
public record AddOnCall(WardId wardId, OnCallTier tier, String username, Instant startsAt, Instant endsAt) {
}
