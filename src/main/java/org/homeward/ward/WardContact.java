package org.homeward.ward;

/**
 * Who a patient or carer calls at a given moment, and on which number.
 *
 * @param label whom the number reaches and when, e.g. "the Children's Hospital at Home team (08:00 to 22:00)"
 * @param inHours whether it is the ward's own team in its operating hours
 */
public record WardContact(String phone, String label, boolean inHours) {
}
