package org.homeward.medication;

/**
 * What a check at prescribing found: the field it is about and a message a prescriber can act on.
 *
 * @param check the check, when a prescriber may confirm past it with a reason; {@code null} when it only refuses
 */
public record CheckFinding(PrescribingCheck check, String field, String message) {

    static CheckFinding confirmable(PrescribingCheck check, String field, String message) {
        return new CheckFinding(check, field, message);
    }

    static CheckFinding refusal(String field, String message) {
        return new CheckFinding(null, field, message);
    }

    /** The refusal as a 400 naming the field. */
    public org.homeward.shared.InvalidInputException asException() {
        return new org.homeward.shared.InvalidInputException(field, message);
    }

    public boolean confirmable() {
        return check != null;
    }
}
