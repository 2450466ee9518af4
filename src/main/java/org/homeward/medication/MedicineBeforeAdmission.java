package org.homeward.medication;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * A medicine the patient took before admission, as one source lists it. The same medicine listed by two sources is two
 * of these, compared by {@link ReconciliationRules#discrepancies}.
 *
 * @param medicine free text for now (name, strength and form); the formulary may be linked later
 * @param recordedBy who listed it, as a record names people
 */
public record MedicineBeforeAdmission(UUID id, ReconciliationSource source, String medicine, String dose, String route,
        String frequency, String note, String recordedBy, Instant recordedAt) {

    /** The medicine as compared between sources: case, spacing and surrounding blanks ignored. */
    public String medicineKey() {
        return key(medicine);
    }

    /** Text as compared: lower case, runs of spaces as one, no surrounding blanks. */
    public static String key(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.UK);
    }
}
