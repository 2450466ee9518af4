package org.homeward.shared;

/**
 * Free text from a form or the API, checked the same way wherever it is taken: stripped, blank read as not given, too
 * long refused naming the field. (Older services still carry their own copies with other wording; new code calls
 * these.)
 */
public final class InputText {

    private InputText() {
    }

    /** Required text: refused as "Give {@code what}" when blank, else as {@link #optional}. */
    public static String required(String field, String what, String text, int max) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(field, "Give " + what);
        }
        return optional(field, "It", text, max);
    }

    /** Optional text: {@code null} when blank; stripped; refused when longer than {@code max} characters. */
    public static String optional(String field, String label, String text, int max) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String stripped = text.strip();
        if (stripped.length() > max) {
            throw new InvalidInputException(field, label + " must be at most " + max + " characters (it has "
                    + stripped.length() + ")");
        }
        return stripped;
    }
}
