package org.homeward.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses sign-in attempts (the sign-in form's POST, or an API request carrying credentials) from a source address
 * that has failed to sign in too many times lately, before any password is checked. Placed before Spring Security's
 * own authentication filters; requests already signed in by their session are not attempts and pass.
 */
final class AddressThrottleFilter extends OncePerRequestFilter {

    /** Answers a refused attempt: the API with a problem detail, the sign-in form with a redirect. */
    interface Refusal {
        void refuse(HttpServletRequest request, HttpServletResponse response, Instant until) throws IOException;
    }

    private final LoginThrottle throttle;
    private final RequestMatcher attempts;
    private final Refusal refusal;

    AddressThrottleFilter(LoginThrottle throttle, RequestMatcher attempts, Refusal refusal) {
        this.throttle = throttle;
        this.attempts = attempts;
        this.refusal = refusal;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (attempts.matches(request)) {
            Optional<Instant> blockedUntil = throttle.addressBlockedUntil(request.getRemoteAddr());
            if (blockedUntil.isPresent()) {
                refusal.refuse(request, response, blockedUntil.get());
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
