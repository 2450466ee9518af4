package org.homeward.boardround;

import org.homeward.shared.PatientsMerged;
import org.homeward.shared.RefusedException;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A merge of duplicate patient records ({@link PatientsMerged}) moves the retired record's board round reviews and
 * actions to the survivor, in the merge's transaction. Reviews are versions per patient and day: both records
 * reviewed on the same day (two live stays at once) is refused. The board's latest score keeps the later of the two
 * records' (its trend compares with that record's previous score).
 */
@Component
class MergedPatientBoardRounds {

    private final JdbcClient jdbc;

    MergedPatientBoardRounds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(PatientsMerged merged) {
        int sameDay = jdbc.sql("""
                select count(*) from board_round_review r join board_round_review s
                    on s.review_date = r.review_date and s.patient_id = ?
                where r.patient_id = ?""")
                .params(merged.survivor().value(), merged.retired().value()).query(Integer.class).single();
        if (sameDay > 0) {
            throw new RefusedException("Both records were reviewed at a board round on the same day: which review"
                    + " stands is a clinical decision. Nothing was merged");
        }
        merged.repoint(jdbc, "board_round_review", "board_round_action");
        jdbc.sql("""
                delete from board_round_score where patient_id in (?, ?) and patient_id <> (
                    select patient_id from board_round_score where patient_id in (?, ?)
                    order by latest_at desc, patient_id = ? desc limit 1)""")
                .params(merged.survivor().value(), merged.retired().value(), merged.survivor().value(),
                        merged.retired().value(), merged.survivor().value()).update();
        merged.repoint(jdbc, "board_round_score");
    }
}
