package org.homeward.medication;

/** A change: the reason, and the prescription as it should now read (checked as a new one). */
public record ChangePrescription(String reason, Prescribe prescription) {
}
