package org.homeward.careplan;

/**
 * The groups of the acuity tool's rows (spec 3.14 names clinical interventions, professional input requirements and
 * condition-specific factors), and the criteria to reside, which are answered met or not met and never scored.
 */
public enum AcuityGroup {
    INTERVENTIONS("Interventions"),
    PROFESSIONAL_INPUT("Professional input"),
    CONDITION("Condition"),
    CRITERIA_TO_RESIDE("Criteria to reside");

    private final String label;

    AcuityGroup(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether rows of this group add their weight to the acuity score (the criteria to reside do not). */
    public boolean scored() {
        return this != CRITERIA_TO_RESIDE;
    }
}
