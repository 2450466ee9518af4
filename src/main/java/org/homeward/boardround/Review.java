package org.homeward.boardround;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.homeward.shared.AdmissionId;
import org.homeward.shared.PatientId;

/**
 * A patient's review at a round. A second review of the same patient on the same day is a new {@code version}; the
 * newest is the day's.
 */
public record Review(UUID id, UUID roundId, PatientId patientId, AdmissionId admissionId, LocalDate reviewDate,
        int version, DayColour dayColour, String waitingFor, Decision decision, LocalDate revisedEstimatedDischargeDate,
        String note, String reviewedBy, String reviewedByName, Instant reviewedAt, List<AgreedAction> actions) {

    Review withActions(List<AgreedAction> agreed) {
        return new Review(id, roundId, patientId, admissionId, reviewDate, version, dayColour, waitingFor, decision,
                revisedEstimatedDischargeDate, note, reviewedBy, reviewedByName, reviewedAt, List.copyOf(agreed));
    }
}
