package org.homeward;

import java.time.LocalDate;
import org.homeward.shared.NhsNumber;
import org.homeward.shared.PatientId;

/**
 * What the patient banner on every patient page shows: who the patient is (name, NHS number, date of birth and age),
 * where they are in their stay (ward, day of stay), their open alert, and their ReSPECT / DNACPR status from the care
 * and support plan, with who recorded it and when. Allergies have room in the banner and read 'Not recorded in
 * Homeward' until Homeward records them.
 *
 * @param wardName {@code null} when the patient is not admitted now
 * @param dayOfStay {@code null} when the patient is not admitted now; the admission day is day 1
 * @param alertSeverity the open alert's severity in words, {@code null} when none is open
 * @param alertRaisedBy 'NEWS2 7', or what kind of alert it is in words
 * @param alertTagColour the NHS.UK tag colour for that severity
 * @param resuscitation the DNACPR decision and ReSPECT recommendations in words, {@code null} when none is recorded
 * @param dnacpr a decision not to attempt CPR is in place
 * @param allergies 'Not recorded', 'No known allergies', or 'Penicillins (severe), Latex (mild)'
 * @param hasAllergies allergies are recorded (shown as a warning)
 * @param lastWeeksOfLife 'Recognised as in the last weeks of life (Dr X, 3 December 2026)', {@code null} if not
 */
public record PatientBanner(PatientId id, String name, NhsNumber nhsNumber, LocalDate dateOfBirth, int age,
        String wardName, Integer dayOfStay, String alertSeverity, String alertRaisedBy, String alertTagColour, String resuscitation, boolean dnacpr,
        String lastWeeksOfLife, String allergies, boolean hasAllergies) {
}
