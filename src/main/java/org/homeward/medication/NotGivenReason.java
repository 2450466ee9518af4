package org.homeward.medication;

/**
 * Why a dose due was not given, in the words of the reasons a drug chart records for an omitted dose (NPSA Rapid
 * Response Report NPSA/2010/RRR009, Reducing harm from omitted and delayed medicines in hospital). "Other" needs a note.
 */
public enum NotGivenReason {
    PATIENT_REFUSED("Patient refused"),
    PATIENT_NOT_AT_HOME("Patient not at home"),
    NO_VENOUS_ACCESS("No venous access (cannula or line not working)"),
    MEDICINE_NOT_AVAILABLE("Medicine not available"),
    CLINICALLY_WITHHELD("Withheld on clinical grounds"),
    PATIENT_IN_HOSPITAL("Patient in hospital"),
    OTHER("Other (see note)");

    private final String label;

    NotGivenReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether a note must say more. */
    public boolean needsNote() {
        return this == OTHER || this == CLINICALLY_WITHHELD;
    }
}
