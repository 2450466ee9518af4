package org.homeward.shared;

/** A record that does not exist (or that the caller may not know exists); answered with 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
