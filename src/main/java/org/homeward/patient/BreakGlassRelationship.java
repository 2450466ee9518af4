package org.homeward.patient;

/** The legitimate relationship a clinician states to open a record outside their organisation's care team. */
public enum BreakGlassRelationship {
    EMERGENCY_CARE("Giving or about to give care in an emergency"),
    CROSS_COVER("Covering the patient's team (out of hours or cross-cover)"),
    TAKING_OVER_CARE("Taking over the patient's care (a referral or transfer in progress)"),
    SAFEGUARDING("Acting on a safeguarding concern");

    private final String label;

    BreakGlassRelationship(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
