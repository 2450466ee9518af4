package org.homeward.medication;

/**
 * Records the patient's nominated community pharmacy; an empty name removes the nomination.
 *
 * @param name the pharmacy's name and address line, as the patient gives it
 * @param odsCode optional: its ODS code, F and four letters or digits (FA123)
 */
public record NominatePharmacy(String name, String odsCode) {
}
