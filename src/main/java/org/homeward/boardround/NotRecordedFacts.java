package org.homeward.boardround;

import java.util.Collection;
import java.util.Map;
import org.homeward.shared.PatientId;
import org.springframework.stereotype.Component;

/** The board's facts until the acuity, care plan and task modules supply them: none, so every column is "Not recorded". */
@Component
class NotRecordedFacts implements BoardRoundFacts {

    @Override
    public Map<PatientId, PatientFacts> factsFor(Collection<PatientId> patients) {
        return Map.of();
    }
}
