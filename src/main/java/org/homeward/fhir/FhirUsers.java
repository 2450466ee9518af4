package org.homeward.fhir;

import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import org.homeward.security.CurrentUser;
import org.homeward.security.SecurityService;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The signed-in user a FHIR request acts for. The FHIR servlet sits behind Spring Security's filter chain for
 * {@code /fhir/**}, so the request's authentication is on the thread, as for the JSON API's controllers.
 */
@Component
class FhirUsers {

    private final SecurityService security;

    FhirUsers(SecurityService security) {
        this.security = security;
    }

    CurrentUser current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            throw new AuthenticationException("Sign in to use the FHIR API");
        }
        // the FHIR API is stateless: this request's own sign-in, not a session's
        return security.statelessApiUser(authentication)
                .orElseThrow(() -> new AuthenticationException("Your account is no longer active"));
    }
}
