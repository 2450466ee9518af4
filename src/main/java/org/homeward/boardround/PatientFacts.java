package org.homeward.boardround;

/**
 * What other modules know about a patient that the board shows in its own columns, each already in words. Until those
 * modules supply them (see {@link BoardRoundFacts}), every column reads {@link #NOT_RECORDED_TEXT}.
 *
 * @param acuityLevel the patient's acuity today, in words ("Level 3: high"); from the acuity tool
 * @param acuityRank orders the board: higher is more acute; null when not assessed (the board then orders by the
 *        open alert's severity and the score, see {@link BoardOrder})
 * @param criteriaToReside whether the patient still meets the criteria to reside ("Met", "Not met: ...")
 * @param respectDnacpr the ReSPECT recommendation and DNACPR decision in words
 * @param outstandingTasks the tasks still open for the patient, in words ("2 open, 1 overdue")
 * @param outstandingResults results awaited, in words
 * @param medicinesReconciliation the medicines reconciliation's 24-hour clock in a few words ("Due in 5 h",
 *        "Overdue by 2 h", "Verified"); from the medication module
 */
public record PatientFacts(String acuityLevel, Integer acuityRank, String criteriaToReside, String respectDnacpr,
        String outstandingTasks, String outstandingResults, String medicinesReconciliation) {

    public static final String NOT_RECORDED_TEXT = "Not recorded";

    /** Nothing known yet: every column "Not recorded". */
    public static final PatientFacts NOT_RECORDED = new PatientFacts(NOT_RECORDED_TEXT, null, NOT_RECORDED_TEXT,
            NOT_RECORDED_TEXT, NOT_RECORDED_TEXT, NOT_RECORDED_TEXT, NOT_RECORDED_TEXT);
}
