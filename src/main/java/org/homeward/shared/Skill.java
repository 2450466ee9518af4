package org.homeward.shared;

/**
 * What a visit needs its staff member to be able to do (seeds: KLoE 7.1, 7.2; spec 3.11): what an intervention on a care
 * plan needs and what a staff member on a shift of the rota brings, so both modules speak it.
 */
public enum Skill {
    REGISTERED_NURSE("Registered nurse"),
    IV_COMPETENT_NURSE("IV-competent nurse"),
    PAEDIATRIC_NURSE("Paediatric nurse"),
    PHYSIOTHERAPIST("Physiotherapist"),
    PHARMACIST("Pharmacist"),
    HEALTHCARE_SUPPORT_WORKER("Healthcare support worker"),
    SENIOR_CLINICIAN("Senior clinician (medical or advanced practitioner review)");

    private final String label;

    Skill(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
