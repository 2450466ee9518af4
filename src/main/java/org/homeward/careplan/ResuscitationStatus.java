package org.homeward.careplan;

import java.time.LocalDate;

/**
 * What the patient banner and every alert for the patient show of their advance care plan, in words: 'DNACPR (Dr X,
 * 3 December 2026); ReSPECT: prioritise comfort, CPR not recommended (Dr X, 3 December 2026)', each with who recorded it
 * and when, so nobody takes an old decision for a new one.
 *
 * @param words the DNACPR decision and the ReSPECT recommendations, or 'No ReSPECT or DNACPR recorded'
 * @param dnacpr a decision not to attempt CPR is in place
 * @param lastWeeksOfLife the patient is recognised as being in the last weeks of life
 * @param lastWeeksOfLifeWords 'Recognised as in the last weeks of life (Dr X, 3 December 2026)', {@code null} if not
 * @param recordedOn the day of the newest decision shown
 */
public record ResuscitationStatus(String words, boolean dnacpr, boolean lastWeeksOfLife, String lastWeeksOfLifeWords,
        LocalDate recordedOn) {
}
