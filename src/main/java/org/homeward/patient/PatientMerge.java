package org.homeward.patient;

import java.time.Instant;

/**
 * A merge of a retired (duplicate) patient record into the surviving one, as done or as found already done.
 *
 * @param alreadyMerged the retired record had been merged into this survivor before (a repeated merge): nothing was
 *                      changed this time
 */
public record PatientMerge(PatientSummary survivor, PatientSummary retired, Instant mergedAt, String mergedBy,
        boolean alreadyMerged) {
}
