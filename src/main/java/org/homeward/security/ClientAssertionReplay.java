package org.homeward.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * What NHS England's signed-JWT authentication asks of a client assertion beyond Spring Authorization Server's own
 * checks (signature, {@code iss}, {@code sub}, {@code aud}, expiry): a {@code jti} never used before, and an
 * {@code exp} at most five minutes ahead. So an assertion copied off the wire cannot be replayed for a token, and a
 * client cannot sign one assertion to use for hours. Used ids are kept in {@code client_assertion_jti} until their
 * assertion expires, in the database every node shares, so a replay to another node is caught too.
 */
@Component
class ClientAssertionReplay implements OAuth2TokenValidator<Jwt> {

    static final Duration MAX_AHEAD = Duration.ofMinutes(5);
    private static final Duration SKEW = Duration.ofSeconds(60);
    private static final String RFC7523 = "https://datatracker.ietf.org/doc/html/rfc7523#section-3";

    private final JdbcClient jdbc;
    private final Clock clock;

    ClientAssertionReplay(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt assertion) {
        Instant now = clock.instant();
        String jti = assertion.getId();
        if (jti == null || jti.isBlank() || jti.length() > 200) {
            return refused("The client assertion needs a jti claim (at most 200 characters), new for each assertion.");
        }
        Instant expires = assertion.getExpiresAt();
        if (expires == null || expires.isAfter(now.plus(MAX_AHEAD).plus(SKEW))) {
            return refused("The client assertion's exp must be at most 5 minutes ahead.");
        }
        jdbc.sql("delete from client_assertion_jti where expires_at < ?").param(Timestamp.from(now.minus(SKEW)))
                .update();
        int recorded = jdbc.sql("""
                insert into client_assertion_jti (client_id, jti, expires_at) values (?, ?, ?)
                on conflict do nothing""")
                .params(assertion.getSubject(), jti, Timestamp.from(expires)).update();
        return recorded == 1 ? OAuth2TokenValidatorResult.success()
                : refused("This client assertion (its jti) was used already: sign a new one for each token request.");
    }

    private static OAuth2TokenValidatorResult refused(String description) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT, description, RFC7523));
    }
}
