package org.homeward.escalation;

/** What was done in response to an alert. */
public enum ResponseAction {
    PHONE_CALL, VISIT, ADVICE, TRANSFER_TO_HOSPITAL
}
