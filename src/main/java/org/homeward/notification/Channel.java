package org.homeward.notification;

/** How a message reaches a person. */
public enum Channel {
    EMAIL("Email"), SMS("Text message"), IN_APP("In Homeward");

    private final String label;

    Channel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
