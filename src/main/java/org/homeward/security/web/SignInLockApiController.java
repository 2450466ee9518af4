package org.homeward.security.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.homeward.security.CurrentUser;
import org.homeward.security.LoginThrottle;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/users/{username}/sign-in-lock")
@Tag(name = "Sign-in locks", description = "Accounts locked after repeated failed sign-ins")
class SignInLockApiController {

    private final LoginThrottle throttle;

    SignInLockApiController(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @GetMapping
    @Operation(summary = "Whether a user of your organisation is locked out, until when, and their recent failed"
            + " sign-ins (administrators)")
    LoginThrottle.LockStatus status(CurrentUser user, @PathVariable String username) {
        return throttle.status(user, username);
    }

    @DeleteMapping
    @Operation(summary = "Unlock a user of your organisation at once and forget their failed sign-ins"
            + " (administrators; audited)")
    LoginThrottle.LockStatus unlock(CurrentUser user, @PathVariable String username) {
        return throttle.unlock(user, username);
    }
}
