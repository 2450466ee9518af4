package org.homeward.referral;

/** Hospital-level interventions a patient needs at home (KLoE 7.2; children's H@H abstract). */
public enum Intervention {
    IV_THERAPY("IV therapy"),
    SUBCUTANEOUS_FLUIDS("Subcutaneous fluids"),
    OXYGEN("Oxygen"),
    NEBULISERS("Nebulisers"),
    NG_FEEDING("NG feeding"),
    PHOTOTHERAPY("Phototherapy"),
    MONITORING("Monitoring of trajectory"),
    CARER_SUPPORT("Support for the carer");

    private final String label;

    Intervention(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
