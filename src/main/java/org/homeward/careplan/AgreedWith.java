package org.homeward.careplan;

/** Who the care and support plan was agreed with (KLoE 3.6: a plan agreed with the patient and those close to them). */
public enum AgreedWith {
    PATIENT("The patient"),
    CARER("Their carer or family"),
    PATIENT_AND_CARER("The patient and their carer or family");

    private final String label;

    AgreedWith(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
