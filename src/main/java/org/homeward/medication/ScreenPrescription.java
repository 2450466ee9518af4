package org.homeward.medication;

/** The pharmacist's answer: screened (optionally with a note) or queried (with the note the prescriber reads). */
public record ScreenPrescription(ScreeningStatus outcome, String note) {
}
