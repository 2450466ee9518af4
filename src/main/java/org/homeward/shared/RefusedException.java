package org.homeward.shared;

/**
 * A well-formed request that the record's current state does not allow (a full ward, discharge before admission);
 * answered with 409 and a message that says why.
 */
public class RefusedException extends RuntimeException {

    public RefusedException(String message) {
        super(message);
    }
}
