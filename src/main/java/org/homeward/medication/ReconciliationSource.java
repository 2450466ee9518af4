package org.homeward.medication;

/**
 * Where a list of the medicines a patient took before admission came from (NICE NG5 recommendations 1.3 on the
 * sources to use: the GP record, the patient and their own medicines, a hospital discharge letter, community pharmacy
 * and care home records).
 */
public enum ReconciliationSource {
    GP_RECORD("GP record"),
    OWN_SUPPLY("Patient's own supply"),
    DISCHARGE_LETTER("Hospital discharge letter"),
    PATIENT_OR_CARER("Patient or carer account"),
    COMMUNITY_PHARMACY("Community pharmacy"),
    CARE_HOME_MAR("Care home MAR chart");

    private final String label;

    ReconciliationSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
