package org.homeward.shared;

/** The caller's role or organisation may not do this; answered with 403. */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
