package org.homeward.rota;

import java.time.LocalDateTime;
import java.util.Set;
import org.homeward.shared.Skill;

/**
 * A shift to plan visits into. Times are wall-clock in the service's zone; an out-of-hours shift may end the next
 * morning. The end location defaults to the start (a nurse who starts and finishes at home or at the hub).
 *
 * @param breakMinutes a break to fit in somewhere in the shift (default 30 for shifts over 6 hours, else 0)
 * @param maxVisits default 12
 */
public record AddShift(String username, LocalDateTime startsAt, LocalDateTime endsAt, Set<Skill> skills,
        Double startLatitude, Double startLongitude, Double endLatitude, Double endLongitude, Integer breakMinutes,
        Integer maxVisits) {
}
