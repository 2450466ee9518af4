package org.homeward.visit;

import java.time.LocalDate;
import java.util.Optional;
import org.homeward.diagnostics.HomeVisits;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The visit records, for diagnostics to record a sample or a point-of-care test against the visit it was taken at. */
@Component
class RecordedHomeVisits implements HomeVisits {

    private final VisitRecordRepository records;

    RecordedHomeVisits(VisitRecordRepository records) {
        this.records = records;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<HomeVisit> visit(LocalDate planDate, String visitId) {
        return records.find(planDate, visitId).map(r -> new HomeVisit(r.date(), r.visitId(), r.patientId(),
                r.staffName(), r.arrivedAt(), r.departedAt()));
    }
}
