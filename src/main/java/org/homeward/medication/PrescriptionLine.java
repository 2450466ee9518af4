package org.homeward.medication;

/**
 * A prescription as the medicines chart shows it, with the antimicrobial review prompt when the review is due.
 *
 * @param reviewPrompt the antimicrobial review and IV-to-oral switch prompt, {@code null} when none is due
 */
public record PrescriptionLine(Prescription prescription, String reviewPrompt) {
}
