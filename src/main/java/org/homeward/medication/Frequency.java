package org.homeward.medication;

/** How often a medicine is given, with how many set times of day it takes (none for continuous or as required). */
public enum Frequency {
    ONCE_DAILY("Once daily", 1),
    TWICE_DAILY("Twice daily", 2),
    THREE_TIMES_DAILY("Three times a day", 3),
    FOUR_TIMES_DAILY("Four times a day", 4),
    EVERY_8_HOURS("Every 8 hours", 3),
    EVERY_6_HOURS("Every 6 hours", 4),
    EVERY_4_HOURS("Every 4 hours", 6),
    CONTINUOUS("Continuous", 0),
    AS_REQUIRED("When required", 0);

    private final String label;
    private final int timesPerDay;

    Frequency(String label, int timesPerDay) {
        this.label = label;
        this.timesPerDay = timesPerDay;
    }

    public String label() {
        return label;
    }

    /** How many set times of day a prescription at this frequency names. */
    public int timesPerDay() {
        return timesPerDay;
    }
}
