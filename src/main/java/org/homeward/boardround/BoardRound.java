package org.homeward.boardround;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.homeward.shared.UserId;
import org.homeward.shared.WardId;

/**
 * A board round: when, where (a ward, or the whole service when {@code wardId} is null), who led it, who attended.
 *
 * @param roundDate the day the round was held; its reviews are dated this day
 * @param startedAt when it was started on Homeward; for a round written up afterwards, when it was written up
 * @param writtenUpLater held on an earlier day (on paper, during an outage) and recorded afterwards
 */
public record BoardRound(UUID id, WardId wardId, String wardName, LocalDate roundDate, UserId leadUserId,
        String leadName, String startedBy, Instant startedAt, List<RoundAttendee> attendees, boolean writtenUpLater) {

    /** Someone at the round: a user (with {@code userId}) or a person named in free text. */
    public record RoundAttendee(UserId userId, String name, String role) {
    }
}
