package org.homeward.escalation;

import org.homeward.ward.WardContact;

/**
 * What a patient or carer is told after their readings or their worry raised an alert: what happens now, what to do,
 * and the number to call at this moment. {@link #forAlert} is the one rule every page that advises them uses.
 *
 * @param severity the open alert's severity, or {@code null} when nothing raised an alert
 * @param callNow whether they must phone the team now rather than wait to be called
 * @param phone the number for this time of day (the ward's in-hours or out-of-hours number; 111 with no ward)
 * @param phoneLabel who the number reaches and when
 * @param emergency when to call 999 instead, or {@code null} when nothing raised an alert
 */
public record CarerAdvice(AlertSeverity severity, boolean callNow, String heading, String whatHappens,
        String whatToDo, String phone, String phoneLabel, String emergency) {

    static final String CALL_999 = "If you or the person you care for cannot breathe, is blue, floppy, unresponsive"
            + " or fitting, call 999.";

    /**
     * By severity (the alert's response windows are the escalation policy's): EMERGENCY and HIGH, call the team now;
     * MEDIUM, the team calls back within its window, and they call the team within the hour if nobody has; LOW, the
     * team will be in touch within its window. Every alert also says when to call 999 instead.
     *
     * @param alert the patient's open alert, or {@code null}; a missed-reading alert is advised as none
     * @param contact the ward's contact at this moment, or {@code null} when the patient is on no ward
     */
    public static CarerAdvice forAlert(AlertView alert, WardContact contact) {
        String phone = contact == null ? "111" : contact.phone();
        String label = contact == null ? "NHS 111, as you are not on a virtual ward" : contact.label();
        String number = phone + " (" + label + ")";
        // a missed-reading alert is about readings not coming, which the ones just sent answer
        // a critical result is the team's to act on and to tell the patient about in person, not the reading page's
        // and so is a missed dose
        if (alert == null || alert.kind() == AlertKind.MISSED_READING || alert.kind() == AlertKind.CRITICAL_RESULT
                || alert.kind() == AlertKind.MISSED_DOSE) {
            return new CarerAdvice(null, false, "The team will look at your readings",
                    "Nothing you sent needs the team to act straight away. They look at every reading.",
                    "If you are worried, call the team on " + number + ".", phone, label, null);
        }
        int minutes = alert.respondWithinMinutes();
        boolean concern = alert.kind() == AlertKind.CONCERN_RAISED;
        return switch (alert.severity()) {
            case EMERGENCY, HIGH -> new CarerAdvice(alert.severity(), true, "Call the team now",
                    "The team has been alerted and must respond within " + minutes + " minutes. Do not wait for them"
                            + " to call you.",
                    "Call the team now on " + number + ".", phone, label, CALL_999);
            case MEDIUM -> new CarerAdvice(alert.severity(), false,
                    concern ? "You asked for a review" : "The team will call you within " + minutes + " minutes",
                    (concern ? "The team has been told you are worried" : "The team has been alerted")
                            + " and will call you back within " + minutes + " minutes.",
                    "Call the team on " + number + " within the hour if nobody has called you, or at once if things"
                            + " get worse.", phone, label, CALL_999);
            case LOW -> new CarerAdvice(alert.severity(), false, "The team will be in touch",
                    "The team has been told and will contact you within " + minutes + " minutes.",
                    "If things get worse, or you are worried, call the team on " + number + ".", phone, label,
                    CALL_999);
        };
    }
}
