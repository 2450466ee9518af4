package org.homeward.patient;

/** Why an organisation is in a patient's care team: a rule (registration, the ward, the GP practice) or a senior. */
public enum CareTeamBasis {
    REGISTERED("Registered the patient"),
    SHARED("Hosts the ward the patient was referred to"),
    WARD_HOST("Hosts the patient's virtual ward"),
    WARD_VISITING("Visits the ward's patients and shares their care"),
    GP_PRACTICE("The patient's GP practice: reads summaries and results"),
    ADDED("Added by a senior decision-maker");

    private final String label;

    CareTeamBasis(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
