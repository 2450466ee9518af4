package org.homeward.visit;

import org.homeward.patient.PatientRecord;

/** One visit on a staff member's own list: the planned visit, the patient's record, and what has been recorded. */
public record MyVisit(PlannedVisit visit, PatientRecord patient, VisitRecord record) {

    public boolean done() {
        return record != null && !record.underWay();
    }

    public boolean underWay() {
        return record != null && record.underWay();
    }
}
