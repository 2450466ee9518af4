package org.homeward.medication;

/** How severe the reaction was (as UK Core AllergyIntolerance reaction severity, with life-threatening apart). */
public enum AllergySeverity {
    MILD("Mild"),
    MODERATE("Moderate"),
    SEVERE("Severe"),
    LIFE_THREATENING("Life-threatening");

    private final String label;

    AllergySeverity(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
