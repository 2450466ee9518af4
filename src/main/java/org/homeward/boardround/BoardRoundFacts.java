package org.homeward.boardround;

import java.util.Collection;
import java.util.Map;
import org.homeward.shared.PatientId;

/**
 * The board's columns that other modules own: acuity and criteria to reside (the acuity tool), ReSPECT / DNACPR (the
 * care and support plan), outstanding tasks (tasks) and results. The board asks once for every patient it shows, so
 * an implementation must answer from a constant number of queries, never one per patient (the board serves 10,000
 * patients within 100 ms). A patient left out of the answer shows {@link PatientFacts#NOT_RECORDED}.
 *
 * <p>{@code ModuleFacts} answers from the acuity tool, the care and support plan and the task module.
 */
public interface BoardRoundFacts {

    /** The facts of these patients, who the caller has already checked the user may see; nothing is audited here. */
    Map<PatientId, PatientFacts> factsFor(Collection<PatientId> patients);

    /**
     * Only the acuity rank of each of these patients (as {@link PatientFacts#acuityRank()}), which orders the board:
     * asked for every patient on the board to choose the page shown, whose full facts are then asked for. A patient
     * not assessed is left out.
     */
    Map<PatientId, Integer> acuityRanks(Collection<PatientId> patients);
}
