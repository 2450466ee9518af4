package org.homeward.medication;

/** Why a prescription is stopped. */
public record StopPrescription(String reason) {
}
