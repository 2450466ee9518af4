package org.homeward.visit;

import java.time.Instant;
import org.homeward.careplan.InterventionKind;
import org.homeward.shared.PatientId;

/**
 * Another visit an urgent visit moved, as the answer to whoever asked names it: whose, what, from whom and when to
 * whom and when, against its window.
 *
 * @param patientName the patient's name when the asker may see them; otherwise "a patient in another team's care"
 * @param startAfter {@code null} when the visit is no longer planned at all
 * @param pushedOutOfWindow it started inside its window before, and now starts after it or is no longer planned
 */
public record MovedVisit(String visitId, PatientId patientId, String patientName, InterventionKind kind,
        String staffBefore, String staffAfter, Instant startBefore, Instant startAfter, Instant windowStart,
        Instant windowEnd, boolean pushedOutOfWindow) {

    public String kindLabel() {
        return kind.label();
    }
}
