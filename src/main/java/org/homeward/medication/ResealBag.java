package org.homeward.medication;

/** A grab bag sealed again after a check or a restock, with the number of the new seal. */
public record ResealBag(String sealNumber, String reason) {
}
