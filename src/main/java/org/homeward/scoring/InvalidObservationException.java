package org.homeward.scoring;

/** An input that cannot be scored: the field and why. */
public class InvalidObservationException extends RuntimeException {

    private final String field;

    public InvalidObservationException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
