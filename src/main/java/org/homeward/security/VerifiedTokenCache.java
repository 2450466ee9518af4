package org.homeward.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers, until it expires, each access token whose signature and dates were checked, so a system client sending
 * many requests with one token has its RSA signature checked once rather than on every request (the check was about
 * a sixth of a FHIR ingest request's CPU, bench/README.md). A remembered token is answered only while it is in date
 * with the same 60 s of clock skew Spring Security's own check allows; after that it is checked again, and refused.
 * Whether its client is still registered and its account still active is not remembered: {@link SystemClientTokens}
 * checks that on every request. At most {@link #MAX_TOKENS} are kept; past that the memory is emptied and refilled.
 */
final class VerifiedTokenCache implements JwtDecoder {

    static final int MAX_TOKENS = 10_000;
    /** Spring Security's JwtTimestampValidator default. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    private final JwtDecoder checked;
    private final Clock clock;
    private final ConcurrentHashMap<String, Jwt> verified = new ConcurrentHashMap<>();

    /**
     * @param checked the decoder that checks signature and dates
     * @param clock the clock the checked decoder's date check uses (the system's)
     */
    VerifiedTokenCache(JwtDecoder checked, Clock clock) {
        this.checked = checked;
        this.clock = clock;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = verified.get(token);
        if (known != null) {
            if (inDate(known)) {
                return known;
            }
            verified.remove(token);
        }
        Jwt jwt = checked.decode(token);
        if (jwt.getExpiresAt() != null) {
            if (verified.size() >= MAX_TOKENS) {
                verified.clear();
            }
            verified.put(token, jwt);
        }
        return jwt;
    }

    private boolean inDate(Jwt jwt) {
        Instant expiresAt = jwt.getExpiresAt();
        return expiresAt != null && clock.instant().isBefore(expiresAt.plus(CLOCK_SKEW));
    }
}
