package org.homeward.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.homeward.shared.AuditedRecord;
import org.homeward.shared.RecordAccessed;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Both ends of a system client's access token. Issuing, it adds {@link #ACTS_AS_CLAIM} (the acting account's
 * username) and {@link #ORGANISATION_CLAIM}. At use on the FHIR API, it turns the checked JWT into the request's
 * authentication: named by the acting account (so the FHIR layer's {@code FhirUsers}, the permission table, the
 * care-team rule and the audit work as for that person), with a {@code SCOPE_} authority per granted scope and the
 * {@code SYSTEM_CLIENT} authority that makes the FHIR layer hold it to its scopes.
 *
 * <p>Revocation is checked here, at every use: the token's client ({@code sub}) is read from {@code system_client}
 * (one indexed read per request) and a revoked client, or one whose account was disabled or moved to another
 * organisation, is refused with 401 {@code invalid_token}, however long the token has left. Tokens are not looked up
 * in the authorization server's table: the signature, expiry and registration decide.
 */
@Component
class SystemClientTokens implements OAuth2TokenCustomizer<JwtEncodingContext> {

    static final String ACTS_AS_CLAIM = "homeward_acts_as";
    static final String ORGANISATION_CLAIM = "homeward_organisation";

    private final SystemClientService clients;
    private final ApplicationEventPublisher events;

    SystemClientTokens(SystemClientService clients, ApplicationEventPublisher events) {
        this.clients = clients;
        this.events = events;
    }

    /** Issuing an access token to a client: names the account it acts as. */
    @Override
    public void customize(JwtEncodingContext context) {
        if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            return;
        }
        SystemClientRepository.Stored client = clients.usable(context.getRegisteredClient().getClientId());
        if (client == null) {
            // revoked between its authentication and now: issue nothing
            throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT,
                    "The system client can no longer be issued tokens.", null));
        }
        context.getClaims().claim(ACTS_AS_CLAIM, client.client().actsAs());
        context.getClaims().claim(ORGANISATION_CLAIM, client.client().organisationId().value().toString());
    }

    /**
     * A checked (signed by Homeward, in date) token, at use on the FHIR API (the resource server's converter; not a
     * Spring {@code Converter} bean, which MVC would pick up as a type conversion).
     */
    AbstractAuthenticationToken authentication(Jwt jwt) {
        String clientId = jwt.getSubject();
        String actsAs = jwt.getClaimAsString(ACTS_AS_CLAIM);
        if (clientId == null || actsAs == null) {
            throw new InvalidBearerTokenException("The token is not a Homeward system client's access token.");
        }
        SystemClientRepository.Stored stored = clients.find(clientId);
        if (stored == null || !stored.client().actsAs().equals(actsAs)) {
            throw new InvalidBearerTokenException("The token's system client is not registered with Homeward.");
        }
        if (!stored.usable()) {
            SystemClient client = stored.client();
            String why = client.revokedAt() != null
                    ? "The system client " + clientId + " was revoked at " + client.revokedAt() + "."
                    : "The account the system client " + clientId + " acts as is no longer active.";
            refused(stored, why);
            throw new InvalidBearerTokenException(why + " Its tokens are no longer accepted.");
        }
        Collection<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority(SystemClientScopes.SYSTEM_CLIENT_AUTHORITY));
        // only scopes the client is still registered with (the token's are a subset when it was issued)
        for (String scope : scopesOf(jwt)) {
            if (stored.client().scopes().contains(scope)) {
                authorities.add(new SimpleGrantedAuthority(SystemClientScopes.authority(scope)));
            }
        }
        return new JwtAuthenticationToken(jwt, authorities, actsAs);
    }

    private void refused(SystemClientRepository.Stored stored, String why) {
        SystemClient client = stored.client();
        events.publishEvent(RecordAccessed.denied(clients.actor(client), AuditedRecord.SYSTEM_CLIENT,
                client.clientId(), null, "Access token of system client \"" + client.name() + "\" refused: " + why));
    }

    private static List<String> scopesOf(Jwt jwt) {
        Object scope = jwt.getClaims().get("scope");
        if (scope instanceof String text) {
            return List.of(text.split(" "));
        }
        if (scope instanceof Collection<?> many) {
            return many.stream().map(String::valueOf).toList();
        }
        return List.of();
    }
}
