package org.homeward.medication;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.homeward.shared.PatientId;

/**
 * A prescription for home as it stands.
 *
 * @param substanceClass the medicine's substance class when prescribed, for the duplicate check
 * @param weightKg the weight a child's dose was checked against, {@code null} for an adult
 * @param dosePerKgMg the child's dose in mg per kg, {@code null} for an adult
 * @param overrides the checks confirmed with a reason at prescribing
 * @param screeningNote the pharmacist's latest query or note, {@code null} when none
 * @param replaces the prescription this one changed, {@code null} when new
 * @param replacedBy the prescription that changed this one, {@code null} when none
 */
public record Prescription(UUID id, PatientId patientId, UUID formularyEntryId, int formularyVersion, String medicine,
        BigDecimal dose, DoseUnit doseUnit, Route route, Frequency frequency, List<LocalTime> times, Instant startsAt,
        Instant endsAt, String indication, LocalDate reviewOn, boolean antimicrobial, SubstanceClass substanceClass, BigDecimal weightKg,
        BigDecimal dosePerKgMg, RecordedBy prescribedBy, Instant prescribedAt, List<Prescribe.Override> overrides,
        ScreeningStatus screening, String screeningNote, String screenedBy, Instant screenedAt, UUID screeningTaskId,
        Instant stoppedAt, String stoppedBy, String stopReason, UUID replaces, UUID replacedBy) {

    Prescription withOverrides(List<Prescribe.Override> confirmed) {
        return new Prescription(id, patientId, formularyEntryId, formularyVersion, medicine, dose, doseUnit, route,
                frequency, times, startsAt, endsAt, indication, reviewOn, antimicrobial, substanceClass, weightKg,
                dosePerKgMg, prescribedBy, prescribedAt, List.copyOf(confirmed), screening, screeningNote, screenedBy,
                screenedAt, screeningTaskId, stoppedAt, stoppedBy, stopReason, replaces, replacedBy);
    }

    public boolean stopped() {
        return stoppedAt != null;
    }

    /** Active at {@code now}: not stopped and not past its end. */
    public boolean activeAt(Instant now) {
        return stoppedAt == null && (endsAt == null || endsAt.isAfter(now));
    }

    /** '2 g', with the dose's trailing zeros dropped. */
    public String doseWords() {
        return dose.stripTrailingZeros().toPlainString() + " " + doseUnit.label();
    }
}
