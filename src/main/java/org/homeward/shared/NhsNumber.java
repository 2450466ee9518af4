package org.homeward.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A valid NHS number: ten digits whose last is the Modulus 11 check digit of the first nine.
 *
 * <p>Rule (NHS Data Dictionary, "NHS Number"): multiply the first nine digits by weights 10 down to 2, sum, take
 * the remainder on division by 11 and subtract it from 11. A result of 11 means check digit 0; a result of 10
 * means the number is invalid (never issued). The check digit must equal the tenth digit.
 *
 * <p>Spaces and hyphens as people write them ("943 476 5919") are accepted and dropped.
 */
public record NhsNumber(@JsonValue String value) {

    public NhsNumber {
        String problem = problemWith(value);
        if (problem != null) {
            throw new InvalidInputException("nhsNumber", problem);
        }
        value = normalise(value);
    }

    @JsonCreator
    public static NhsNumber of(String raw) {
        return new NhsNumber(normalise(raw));
    }

    /** Why {@code raw} is not a valid NHS number, or {@code null} when it is one. */
    public static String problemWith(String raw) {
        if (raw == null || raw.isBlank()) {
            return "NHS number is required";
        }
        String digits = normalise(raw);
        if (!digits.chars().allMatch(NhsNumber::isAsciiDigit)) {
            return "NHS number must contain only digits";
        }
        if (digits.length() != 10) {
            return "NHS number must be 10 digits, got " + digits.length();
        }
        int expected = checkDigitOf(digits.substring(0, 9));
        if (expected == 10) {
            return "NHS number " + digits + " is not valid: its first nine digits give check digit 10, which is never issued";
        }
        if (expected != digits.charAt(9) - '0') {
            return "NHS number " + digits + " has a wrong check digit: expected " + expected;
        }
        return null;
    }

    /** The Modulus 11 check digit of nine digits: 0-9, or 10 when no valid NHS number starts with them. */
    public static int checkDigitOf(String firstNineDigits) {
        if (firstNineDigits.length() != 9 || !firstNineDigits.chars().allMatch(NhsNumber::isAsciiDigit)) {
            throw new IllegalArgumentException("need nine digits");
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (firstNineDigits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - (sum % 11);
        return check == 11 ? 0 : check;
    }

    /** Only 0-9: {@link Character#isDigit} also accepts other scripts' digits, which the arithmetic would misread. */
    private static boolean isAsciiDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static String normalise(String raw) {
        return raw == null ? "" : raw.replace(" ", "").replace("-", "").trim();
    }

    /** As printed on NHS letters: 3-3-4 digits. */
    public String formatted() {
        return value.substring(0, 3) + " " + value.substring(3, 6) + " " + value.substring(6);
    }

    @Override
    public String toString() {
        return value;
    }
}
