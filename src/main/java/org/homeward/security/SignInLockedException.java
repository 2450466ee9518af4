package org.homeward.security;

import java.time.Instant;
import org.springframework.security.authentication.LockedException;

/** Sign-in refused because the username has been locked after repeated failures; says until when. */
final class SignInLockedException extends LockedException {

    private final transient Instant until;

    SignInLockedException(Instant until) {
        super("Too many failed sign-ins");
        this.until = until;
    }

    Instant until() {
        return until;
    }
}
