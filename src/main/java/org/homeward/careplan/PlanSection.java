package org.homeward.careplan;

/** The two parts of a patient's care and support plan, each changed on its own and named in its history. */
public enum PlanSection {
    SUPPORT_PLAN("Care and support plan"),
    ADVANCE_CARE_PLAN("Advance care plan");

    private final String label;

    PlanSection(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
