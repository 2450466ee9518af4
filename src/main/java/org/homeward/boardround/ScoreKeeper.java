package org.homeward.boardround;

import java.util.LinkedHashMap;
import java.util.Map;
import org.homeward.observation.EarlyWarningScore;
import org.homeward.observation.ObservationScored;
import org.homeward.observation.ObservationsScored;
import org.homeward.shared.PatientId;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps each patient's latest NEWS2 or PEWS total and the one before it as sets are scored, so the board reads every
 * patient's score and trend in one query instead of re-scoring each patient's readings. Listens to the observation
 * module's batch event inside the transaction that stored the readings. Late sets (entered after a newer one) are
 * not the patient's current score and are left out.
 */
@Component
class ScoreKeeper {

    private final BoardRoundRepository repository;

    ScoreKeeper(BoardRoundRepository repository) {
        this.repository = repository;
    }

    @EventListener
    void on(ObservationsScored batch) {
        Map<PatientId, BoardRoundRepository.ScoreToKeep> latest = new LinkedHashMap<>();
        for (ObservationScored set : batch.sets()) {
            EarlyWarningScore score = set.score();
            if (set.late() || score == null || !score.scored()) {
                continue;
            }
            String name = score.news2() != null ? "NEWS2" : "PEWS";
            int total = score.news2() != null ? score.news2().total() : score.pews().total();
            latest.merge(set.patientId(), new BoardRoundRepository.ScoreToKeep(set.patientId(), name, total,
                    set.takenAt()), (a, b) -> b.at().isAfter(a.at()) ? b : a);
        }
        repository.keepScores(latest.values());
    }
}
