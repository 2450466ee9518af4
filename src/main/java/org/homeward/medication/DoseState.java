package org.homeward.medication;

/** Where a charted dose stands (see {@link DoseRules#state}). */
public enum DoseState {
    /** Its window has not closed and nothing is recorded. */
    DUE("Due"),
    /** Its window closed and nothing is recorded: a task for the visiting team. */
    LATE("Late"),
    /** A time-critical dose still not recorded past the limit: an alert. */
    MISSED("Missed"),
    GIVEN("Given"),
    NOT_GIVEN("Not given");

    private final String label;

    DoseState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
