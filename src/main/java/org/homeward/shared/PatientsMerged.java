package org.homeward.shared;

import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Published by the patient module when a retired (duplicate) patient record is merged into the surviving one, inside
 * the merge's transaction. Every module holding rows by patient id listens in that transaction
 * ({@code @EventListener} with {@code Propagation.MANDATORY}) and re-points its own rows from {@code retired} to
 * {@code survivor}, one UPDATE per table ({@link #repoint}), settling any one-current-row-per-patient conflict itself (keeping the
 * survivor's, or refusing with a {@link RefusedException} saying why, which rolls the whole merge back).
 *
 * @param by who merged the records (for rows a listener has to end, such as a second SpO2 Scale 2 decision)
 * @param source what asked for the merge, e.g. 'HL7 ADT^A40 MSG1 from TRUST_TIE'
 */
public record PatientsMerged(PatientId survivor, PatientId retired, RecordAccessed.Actor by, Instant mergedAt,
        String source) {

    public PatientsMerged {
        if (survivor.equals(retired)) {
            throw new IllegalArgumentException("a patient record cannot be merged into itself");
        }
    }

    /**
     * Re-points every row of each named table from the retired record to the survivor, one UPDATE per table, in the
     * caller's transaction (the merge's). The table names are the listener's own constants, never input.
     *
     * @return rows moved, all tables together
     */
    public int repoint(JdbcClient jdbc, String... tables) {
        int moved = 0;
        for (String table : tables) {
            moved += jdbc.sql("update " + table + " set patient_id = ? where patient_id = ?")
                    .params(survivor.value(), retired.value()).update();
        }
        return moved;
    }
}
