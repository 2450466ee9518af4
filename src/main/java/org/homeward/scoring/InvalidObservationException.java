package org.homeward.scoring;

import org.homeward.shared.InvalidInputException;

/** An input that cannot be scored: the field and why (answered with 400 naming the field). */
public class InvalidObservationException extends InvalidInputException {

    public InvalidObservationException(String field, String message) {
        super(field, message);
    }
}
