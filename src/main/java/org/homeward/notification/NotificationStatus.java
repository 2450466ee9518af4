package org.homeward.notification;

/**
 * Where a message is: waiting to be sent (first try or a retry), handed to the mail server or GOV.UK Notify, shown in
 * the app, or given up on after its attempts (or because the channel is not configured).
 */
public enum NotificationStatus {
    PENDING("Waiting to send"), SENT("Sent"), DELIVERED("Delivered"), FAILED("Failed");

    private final String label;

    NotificationStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
