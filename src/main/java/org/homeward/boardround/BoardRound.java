package org.homeward.boardround;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.homeward.shared.UserId;
import org.homeward.shared.WardId;

/** A board round: when, where (a ward, or the whole service when {@code wardId} is null), who led it, who attended. */
public record BoardRound(UUID id, WardId wardId, String wardName, LocalDate roundDate, UserId leadUserId,
        String leadName, String startedBy, Instant startedAt, List<RoundAttendee> attendees) {

    /** Someone at the round: a user (with {@code userId}) or a person named in free text. */
    public record RoundAttendee(UserId userId, String name, String role) {
    }
}
