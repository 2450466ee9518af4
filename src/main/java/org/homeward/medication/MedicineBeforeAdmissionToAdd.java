package org.homeward.medication;

/**
 * A medicine to list as one source shows it: every field but the note is required.
 *
 * @param medicine name, strength and form (at most 200 characters), such as Furosemide 40 mg tablets
 * @param dose such as 40 mg (at most 100 characters)
 * @param route such as By mouth (at most 100 characters)
 * @param frequency such as Once a day, in the morning (at most 100 characters)
 * @param note anything more, or {@code null} (at most 500 characters)
 */
public record MedicineBeforeAdmissionToAdd(ReconciliationSource source, String medicine, String dose, String route,
        String frequency, String note) {
}
