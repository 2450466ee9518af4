package org.homeward.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.sql.Timestamp;
import java.text.ParseException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The RSA key the authorization server signs access tokens with and the FHIR API checks them with. Every app node
 * must use the same key (a token issued by one node is used on another behind the load balancer) and it must survive
 * restarts (tokens live five minutes, across a rolling restart): it is kept in the database, made by the first node
 * that starts ({@code insert ... on conflict do nothing}, then read back, so two nodes starting together end up with
 * the one that was inserted first). Read once at start and kept in memory.
 *
 * <p>A production deployment should hold the key in a key vault (an HSM or a cloud KMS) rather than in a table
 * anyone with database access can read; see docs/fhir.md. Rotation is not built yet: the table holds one key.
 */
@Component
class SharedSigningKey implements JWKSource<SecurityContext>, SmartInitializingSingleton {

    private final JdbcClient jdbc;
    private final Clock clock;
    private volatile JWKSet keys;
    private volatile java.security.interfaces.RSAPublicKey publicKey;

    SharedSigningKey(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Loads (or makes) the key once the application's beans exist, so the first token request does not wait. */
    @Override
    public void afterSingletonsInstantiated() {
        keys();
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) {
        return selector.select(keys());
    }

    /** The public key tokens are checked with, converted from the JWK once. */
    java.security.interfaces.RSAPublicKey publicKey() {
        java.security.interfaces.RSAPublicKey converted = publicKey;
        if (converted == null) {
            try {
                converted = key().toRSAPublicKey();
            } catch (JOSEException e) {
                throw new IllegalStateException("The stored token signing key (oauth2_signing_key) cannot be read", e);
            }
            publicKey = converted;
        }
        return converted;
    }

    /** The key pair (with its private part) as a JWK. */
    RSAKey key() {
        return (RSAKey) keys().getKeys().get(0);
    }

    private JWKSet keys() {
        JWKSet loaded = keys;
        if (loaded == null) {
            synchronized (this) {
                loaded = keys;
                if (loaded == null) {
                    loaded = new JWKSet(loadOrMake());
                    keys = loaded;
                }
            }
        }
        return loaded;
    }

    private RSAKey loadOrMake() {
        List<String> stored = stored();
        if (stored.isEmpty()) {
            RSAKey made = generate();
            jdbc.sql("""
                    insert into oauth2_signing_key (id, key_id, jwk, created_at) values ('current', ?, ?, ?)
                    on conflict (id) do nothing""")
                    .params(made.getKeyID(), made.toJSONString(), Timestamp.from(clock.instant())).update();
            stored = stored();
        }
        try {
            return RSAKey.parse(stored.get(0));
        } catch (ParseException e) {
            throw new IllegalStateException("The stored token signing key (oauth2_signing_key) cannot be read", e);
        }
    }

    private List<String> stored() {
        return jdbc.sql("select jwk from oauth2_signing_key where id = 'current'").query(String.class).list();
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).keyUse(KeyUse.SIGNATURE).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not make an RSA key to sign access tokens with", e);
        }
    }
}
