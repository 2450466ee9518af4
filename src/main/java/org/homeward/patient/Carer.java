package org.homeward.patient;

import org.homeward.shared.CarerId;

/** A carer or parent of a patient. */
public record Carer(CarerId id, String name, String relationship, String phone, boolean hasParentalResponsibility) {
}
