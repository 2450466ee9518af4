package org.homeward.security;

import java.time.Duration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Component;

/**
 * The authorization server's view of the {@code system_client} table: each usable client (not revoked, its account
 * active in its organisation) as a Spring Authorization Server {@link RegisteredClient} that may use only the client
 * credentials grant, authenticated only with a JWT assertion signed RS512 with a key from its registered JWKS URL
 * ({@code private_key_jwt}, as NHS England's APIs require), for the scopes it was registered with. Its access
 * tokens are JWTs that live {@link #ACCESS_TOKEN_LIFETIME}. A revoked client is not found, so it gets no token.
 */
@Component
class RegisteredSystemClients implements RegisteredClientRepository {

    /**
     * Five minutes, as NHS England's APIs issue: a client asks again when it needs to, which also bounds how long a
     * token could be used if the revocation check at use were ever bypassed.
     */
    static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofMinutes(5);

    private final SystemClientService clients;

    RegisteredSystemClients(SystemClientService clients) {
        this.clients = clients;
    }

    /** Clients are registered through the JSON API ({@code POST /api/v1/system-clients}), never by the server. */
    @Override
    public void save(RegisteredClient registeredClient) {
        throw new UnsupportedOperationException("System clients are registered by an administrator through"
                + " POST /api/v1/system-clients");
    }

    @Override
    public RegisteredClient findById(String id) {
        return findByClientId(id);
    }

    @Override
    public RegisteredClient findByClientId(String clientId) {
        SystemClientRepository.Stored stored = clients.usable(clientId);
        return stored == null ? null : registered(stored.client());
    }

    private static RegisteredClient registered(SystemClient client) {
        return RegisteredClient.withId(client.clientId())
                .clientId(client.clientId())
                .clientName(client.name())
                .clientIdIssuedAt(client.registeredAt())
                .clientAuthenticationMethod(ClientAuthenticationMethod.PRIVATE_KEY_JWT)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scopes(scopes -> scopes.addAll(client.scopes()))
                .clientSettings(ClientSettings.builder()
                        .jwkSetUrl(client.jwkSetUrl())
                        .tokenEndpointAuthenticationSigningAlgorithm(SignatureAlgorithm.RS512)
                        .requireProofKey(false)
                        .requireAuthorizationConsent(false)
                        .build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
                        .accessTokenTimeToLive(ACCESS_TOKEN_LIFETIME)
                        .build())
                .build();
    }
}
