package org.homeward.boardround;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Starts a board round for one ward, or the whole service when {@code wardId} is null: today's, or one held earlier
 * and written up afterwards.
 *
 * @param leadUserId the senior decision-maker leading it; null for the user starting it
 * @param attendees the MDT present: users of the care organisations by {@code userId}, or people without an account by
 *        {@code name} and {@code role} ("Social worker (Dorset Council)")
 * @param heldOn the day the round was held; null for today. A day up to 7 days
 *        before today records a round held on paper (an outage) and written up afterwards: its reviews are dated
 *        that day and never count as today's
 */
public record StartBoardRound(UUID wardId, UUID leadUserId, List<Attendee> attendees, LocalDate heldOn) {

    /** Today's round. */
    public StartBoardRound(UUID wardId, UUID leadUserId, List<Attendee> attendees) {
        this(wardId, leadUserId, attendees, null);
    }

    public record Attendee(UUID userId, String name, String role) {
    }
}
