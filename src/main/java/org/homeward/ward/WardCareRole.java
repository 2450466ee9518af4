package org.homeward.ward;

/**
 * Why an organisation shares the care of a ward's patients. Admission puts every one of the ward's care
 * organisations in the patient's care team; the patient's own GP organisation joins by the GP practice rule.
 */
public enum WardCareRole {
    HOST("Hosts the ward"),
    VISITING("Visits and shares the care");

    private final String label;

    WardCareRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
