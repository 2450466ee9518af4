package org.homeward.diagnostics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.homeward.shared.PatientId;

/**
 * The home visits a sample or a point-of-care test can be recorded against: provided by the visit module (which keeps
 * the visit records), so that diagnostics needs no dependency on it.
 */
public interface HomeVisits {

    /** The record of a visit of a day plan (arrival, departure, who), if that visit was started. */
    Optional<HomeVisit> visit(LocalDate planDate, String visitId);

    /**
     * A started home visit.
     *
     * @param departedAt {@code null} while the visit is under way
     */
    record HomeVisit(LocalDate planDate, String visitId, PatientId patientId, String staffName, Instant arrivedAt,
            Instant departedAt) {
    }
}
