package org.homeward.medication;

/** How the second checker checked a dose given at home: there at the visit, or by video call from elsewhere. */
public enum SecondCheckHow {
    IN_PERSON("In person at the visit"),
    VIDEO_CALL("By video call");

    private final String label;

    SecondCheckHow(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
