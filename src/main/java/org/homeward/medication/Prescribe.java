package org.homeward.medication;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/**
 * A prescription to write.
 *
 * @param times the set times of day, as many as the frequency takes (08:00; 08:00 and 14:00)
 * @param startsAt when the first dose may be given; now when absent
 * @param endsAt optional: when it stops by itself
 * @param reviewOn the review date; for an antimicrobial 48 to 72 hours after the start (2 days after when absent)
 * @param overrides the checks the prescriber confirms past, each with the reason recorded
 */
public record Prescribe(UUID formularyEntryId, BigDecimal dose, DoseUnit doseUnit, Route route, Frequency frequency,
        List<LocalTime> times, Instant startsAt, Instant endsAt, String indication, LocalDate reviewOn,
        List<Override> overrides) {

    /**
     * A check confirmed with a reason.
     *
     * @param finding what the check found, as the prescriber was told it (kept with the prescription; not given in a
     *     command)
     */
    public record Override(PrescribingCheck check, String reason, String finding) {

        public Override(PrescribingCheck check, String reason) {
            this(check, reason, null);
        }
    }
}
