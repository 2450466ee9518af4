package org.homeward.scoring;

/**
 * Why a child's blood pressure was not measured (national PEWS chart derogation codes): NCO and U0 score 0, U4
 * (unsuccessful attempt, with concern) scores 4, and "other" scores what the nurse chooses, 0 or 4.
 */
public enum BloodPressureDerogation {
    NOT_ATTEMPTED_NO_CONCERN("NCO"), UNSUCCESSFUL_NO_CONCERN("U0"), UNSUCCESSFUL_WITH_CONCERN("U4"), OTHER("Other");

    private final String code;

    BloodPressureDerogation(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
