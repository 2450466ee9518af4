package org.homeward.medication;

/** What happened to a dose due: given, or not given with a reason. */
public enum AdministrationOutcome {
    GIVEN("Given"),
    NOT_GIVEN("Not given");

    private final String label;

    AdministrationOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
