package org.homeward.medication;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.homeward.shared.AdmissionId;
import org.homeward.shared.PatientId;

/**
 * The medicine changes of a stay: the draft while the patient is admitted, and the discharge medicines record fixed at
 * discharge (never edited), addressed to the GP practice and the nominated community pharmacy as they were then.
 *
 * @param id the fixed record's id; {@code null} for a draft
 * @param dischargedAt when the patient left; {@code null} for a draft
 * @param recordedAt when the record was fixed, or when the draft was read
 * @param pharmacy the nominated community pharmacy, {@code null} when none
 * @param reconciliationWords the medicines reconciliation's standing, in words
 */
public record DischargeMedicines(UUID id, PatientId patientId, AdmissionId admissionId, Instant admittedAt,
        Instant dischargedAt, String dischargedBy, Instant recordedAt, String gpPracticeCode, String gpPracticeName,
        CommunityPharmacy pharmacy, String reconciliationWords, List<MedicineChange> changes) {

    public DischargeMedicines {
        changes = List.copyOf(changes);
    }

    public boolean draft() {
        return id == null;
    }

    public List<MedicineChange> beforeAdmission() {
        return changes.stream().filter(c -> c.section() == MedicineChange.Section.BEFORE_ADMISSION).toList();
    }

    public List<MedicineChange> duringStay() {
        return changes.stream().filter(c -> c.section() == MedicineChange.Section.DURING_STAY).toList();
    }

    /** The medicines the reader must act on ({@link MedicineChangeKind#needsCheck}). */
    public List<MedicineChange> toCheck() {
        return changes.stream().filter(MedicineChange::needsCheck).toList();
    }

    /** 'Riverside Surgery (J12345)', or that none is recorded. */
    public String gpPracticeWords() {
        if (gpPracticeName == null && gpPracticeCode == null) {
            return "No GP practice recorded";
        }
        return gpPracticeName == null ? gpPracticeCode : gpPracticeCode == null ? gpPracticeName
                : gpPracticeName + " (" + gpPracticeCode + ")";
    }
}
