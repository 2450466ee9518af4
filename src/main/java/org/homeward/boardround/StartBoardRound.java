package org.homeward.boardround;

import java.util.List;
import java.util.UUID;

/**
 * Starts today's board round for one ward, or the whole service when {@code wardId} is null.
 *
 * @param leadUserId the senior decision-maker leading it; null for the user starting it
 * @param attendees the MDT present: users of the care organisations by {@code userId}, or people without an account by
 *        {@code name} and {@code role} ("Social worker (Dorset Council)")
 */
public record StartBoardRound(UUID wardId, UUID leadUserId, List<Attendee> attendees) {

    public record Attendee(UUID userId, String name, String role) {
    }
}
