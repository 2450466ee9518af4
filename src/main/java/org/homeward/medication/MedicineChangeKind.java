package org.homeward.medication;

/**
 * What happened to a medicine over a stay, as the discharge summary tells the GP and the community pharmacy. The
 * first five are the reconciliation's decisions on the medicines taken before admission; the last four are the
 * prescriptions written during the stay, by where they stand at discharge.
 */
public enum MedicineChangeKind {
    CONTINUED("Continued", "nhsuk-tag--green", false),
    STOPPED("Stopped", "nhsuk-tag--grey", false),
    CHANGED("Changed", "nhsuk-tag--blue", false),
    WITHHELD("Withheld: review whether to restart", "nhsuk-tag--orange", true),
    NOT_DECIDED("No decision recorded: check", "nhsuk-tag--red", true),
    STARTED("Started: to continue after discharge", "nhsuk-tag--blue", false),
    STILL_PRESCRIBED_CHECK("Still prescribed at discharge: check", "nhsuk-tag--red", true),
    STOPPED_DURING_STAY("Started and stopped during the stay", "nhsuk-tag--grey", false),
    COURSE_COMPLETED("Course completed during the stay", "nhsuk-tag--grey", false);

    private final String label;
    private final String tagClass;
    private final boolean needsCheck;

    MedicineChangeKind(String label, String tagClass, boolean needsCheck) {
        this.label = label;
        this.tagClass = tagClass;
        this.needsCheck = needsCheck;
    }

    public String label() {
        return label;
    }

    public String tagClass() {
        return tagClass;
    }

    /** Whether the reader must act on it: a medicine withheld, undecided, or given by the team and still prescribed. */
    public boolean needsCheck() {
        return needsCheck;
    }
}
