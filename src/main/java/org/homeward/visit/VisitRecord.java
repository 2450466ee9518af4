package org.homeward.visit;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.homeward.shared.PatientId;

/**
 * What happened at one visit of a day plan, as the staff member who made it recorded it.
 *
 * @param departedAt {@code null} while the visit is under way
 * @param outcome {@code null} while the visit is under way
 */
public record VisitRecord(LocalDate date, String visitId, PatientId patientId, UUID shiftId, String staffName,
        Instant arrivedAt, Instant departedAt, VisitOutcome outcome, String given, String notes, String recordedBy,
        Instant updatedAt) {

    public boolean underWay() {
        return departedAt == null;
    }

    /** Minutes with the patient, arrival to departure; {@code null} while under way. */
    @com.fasterxml.jackson.annotation.JsonProperty
    public Long contactMinutes() {
        return departedAt == null ? null : Duration.between(arrivedAt, departedAt).toMinutes();
    }
}
