package org.homeward.escalation;

/**
 * A clinician's quiet hours for a patient, times as HH:mm.
 *
 * @param startsAt when readings stop being expected, e.g. 23:00
 * @param endsAt when the next set is due, e.g. 07:00
 * @param reason why (kept with them and in the audit trail)
 */
public record SetQuietHours(String startsAt, String endsAt, String reason) {
}
