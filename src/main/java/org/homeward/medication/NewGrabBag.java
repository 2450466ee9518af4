package org.homeward.medication;

/**
 * A grab bag to create for the user's organisation.
 *
 * @param label what the team calls it (IV bag 3 Dorchester), unique in the organisation
 * @param keptAt where it is kept
 * @param sealNumber the number of the seal on it, or {@code null} when it is not sealed yet
 */
public record NewGrabBag(String label, String keptAt, String sealNumber) {
}
