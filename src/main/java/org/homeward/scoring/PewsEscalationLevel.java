package org.homeward.scoring;

/**
 * Escalation levels of the national PEWS escalation card (NHS England, Sept 2023), with the medical review, minimum
 * observations and communication each requires.
 */
public enum PewsEscalationLevel {
    NONE("No escalation", "As planned", "As planned", "Continue care as planned"),
    LOW("Low", "As agreed with medical team", "Must reassess within 60 minutes, then document the ongoing plan",
            "Inform nurse in charge. Consider medical review by ST3+ or equivalent"),
    MEDIUM("Medium", "Within 30 minutes", "Reassess within 30 minutes; continuous SpO2 monitoring",
            "Review by nurse in charge (and/or outreach). Request medical review by ST3+ or equivalent. Consider a "
                    + "stabilisation plan"),
    HIGH("High", "Within 15 minutes", "Every 30 minutes, with continuous RR, SpO2 and ECG monitoring; GCS if AVPU changes",
            "Immediate review by nurse in charge. Call for Rapid Review (medical, airway skills, ST3+, and outreach). "
                    + "Discuss the stabilisation plan with the consultant"),
    EMERGENCY("Emergency", "Immediate: 2222 Paediatric Medical Emergency",
            "Every 15 minutes, with continuous RR, SpO2 and ECG monitoring; GCS if AVPU changes or pupils abnormal",
            "Call 2222 (in the community: 999). Inform the consultant urgently");

    private final String label;
    private final String medicalReview;
    private final String observations;
    private final String communication;

    PewsEscalationLevel(String label, String medicalReview, String observations, String communication) {
        this.label = label;
        this.medicalReview = medicalReview;
        this.observations = observations;
        this.communication = communication;
    }

    public String label() {
        return label;
    }

    public String medicalReview() {
        return medicalReview;
    }

    public String observations() {
        return observations;
    }

    public String communication() {
        return communication;
    }

    /** By PEWS total: 0 none, 1-4 low, 5-8 medium, 9-12 high, 13 or more emergency. */
    static PewsEscalationLevel forTotal(int total) {
        if (total >= 13) {
            return EMERGENCY;
        }
        if (total >= 9) {
            return HIGH;
        }
        if (total >= 5) {
            return MEDIUM;
        }
        return total >= 1 ? LOW : NONE;
    }

    PewsEscalationLevel atLeast(PewsEscalationLevel other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
