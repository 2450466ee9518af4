package org.homeward.careplan;

import java.time.Duration;
import org.homeward.shared.Skill;

/**
 * What a visit is for, with the time it usually takes and the skill it usually needs; a plan may set others (a
 * child's IV dose needs a paediatric nurse, say).
 */
public enum InterventionKind {
    IV_ANTIBIOTIC_DOSE("IV antibiotic dose", 45, Skill.IV_COMPETENT_NURSE),
    IV_MEDICINE_DOSE("IV medicine dose", 45, Skill.IV_COMPETENT_NURSE),
    INJECTION("Injection", 20, Skill.REGISTERED_NURSE),
    SUBCUTANEOUS_FLUIDS("Subcutaneous fluids", 30, Skill.REGISTERED_NURSE),
    BLOODS("Blood test", 20, Skill.REGISTERED_NURSE),
    REVIEW("Clinical review", 45, Skill.SENIOR_CLINICIAN),
    NEBULISER("Nebuliser", 30, Skill.REGISTERED_NURSE),
    OXYGEN_CHECK("Oxygen check", 20, Skill.REGISTERED_NURSE),
    NG_FEED_CHECK("NG feed check", 30, Skill.PAEDIATRIC_NURSE),
    PHOTOTHERAPY_CHECK("Phototherapy check", 30, Skill.PAEDIATRIC_NURSE),
    OBSERVATIONS("Observations", 20, Skill.REGISTERED_NURSE),
    PHYSIOTHERAPY("Physiotherapy", 45, Skill.PHYSIOTHERAPIST),
    MEDICINES_REVIEW("Medicines review", 40, Skill.PHARMACIST),
    CARER_SUPPORT("Carer support", 30, Skill.HEALTHCARE_SUPPORT_WORKER);

    private final String label;
    private final int usualMinutes;
    private final Skill usualSkill;

    InterventionKind(String label, int usualMinutes, Skill usualSkill) {
        this.label = label;
        this.usualMinutes = usualMinutes;
        this.usualSkill = usualSkill;
    }

    public String label() {
        return label;
    }

    public Duration usualDuration() {
        return Duration.ofMinutes(usualMinutes);
    }

    public Skill usualSkill() {
        return usualSkill;
    }
}
