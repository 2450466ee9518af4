package org.homeward.security;

import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.homeward.shared.AuditedRecord;
import org.homeward.shared.InvalidInputException;
import org.homeward.shared.NotFoundException;
import org.homeward.shared.RecordAccessed;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * System clients: device platforms and integration engines an organisation's administrator registers to use the
 * FHIR API with OAuth 2.0 client credentials (see {@link AuthorizationServerConfiguration}). A client acts as one
 * active account of the same organisation, so what it may see and do is that account's (the permission table, the
 * care-team rule and the audit apply unchanged), narrowed by its scopes.
 */
@Service
public class SystemClientService {

    static final int MAX_NAME = 200;
    static final int MAX_URL = 500;
    static final int MAX_SCOPES = 50;

    private final SystemClientRepository clients;
    private final SecurityRepository users;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final boolean allowPrivateJwksAddresses;

    SystemClientService(SystemClientRepository clients, SecurityRepository users, ApplicationEventPublisher events,
            Clock clock,
            @Value("${homeward.system-clients.allow-private-jwks-addresses:false}") boolean allowPrivateJwksAddresses) {
        this.clients = clients;
        this.users = users;
        this.events = events;
        this.clock = clock;
        this.allowPrivateJwksAddresses = allowPrivateJwksAddresses;
    }

    /** Registers a client of the administrator's own organisation; audited. Its client id is made here. */
    @Transactional
    public SystemClient register(CurrentUser admin, RegisterSystemClient request) {
        admin.require(Permission.MANAGE_SYSTEM_CLIENTS);
        String name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty() || name.length() > MAX_NAME) {
            throw new InvalidInputException("name", "must be 1 to " + MAX_NAME + " characters: what the system is, such"
                    + " as \"Doccla remote monitoring\"");
        }
        List<String> scopes = scopes(request.scopes());
        String jwkSetUrl = jwkSetUrl(request.jwkSetUrl());
        String actsAsUsername = request.actsAs() == null ? "" : request.actsAs().strip();
        SecurityRepository.StoredUser actsAs = users.findUserByUsername(actsAsUsername)
                .filter(user -> user.enabled() && user.account().organisationId().equals(admin.organisationId()))
                .orElseThrow(() -> new InvalidInputException("actsAs", "must be the username of an active account of "
                        + admin.organisationName() + ", which the client acts as"));
        SystemClient client = new SystemClient(UUID.randomUUID().toString(), name, admin.organisationId(),
                actsAs.account().username(), scopes, jwkSetUrl, admin.username(), clock.instant(), null, null);
        clients.insert(client, actsAs.account().id());
        events.publishEvent(RecordAccessed.created(admin, AuditedRecord.SYSTEM_CLIENT, client.clientId(), null,
                "Registered system client \"" + name + "\" acting as " + client.actsAs() + " with scopes "
                        + String.join(" ", scopes) + "; its keys at " + jwkSetUrl));
        return client;
    }

    /** The administrator's organisation's clients, revoked ones included, oldest first. */
    @Transactional(readOnly = true)
    public List<SystemClient> clients(CurrentUser admin) {
        admin.require(Permission.MANAGE_SYSTEM_CLIENTS);
        return clients.ofOrganisation(admin.organisationId());
    }

    /**
     * The registered names of these clients, by client id (unknown ids left out): for a list that names the clients
     * its lines were made through, such as the audit trail. Internal use, not audited; the caller has checked what the
     * reader may see.
     */
    @Transactional(readOnly = true)
    public java.util.Map<String, String> names(java.util.Collection<String> clientIds) {
        return clients.names(clientIds);
    }

    /**
     * Revokes a client of the administrator's own organisation at once: it gets no new token, and the tokens it holds
     * are refused at their next use. Revoking a revoked client changes nothing. Audited.
     */
    @Transactional
    public SystemClient revoke(CurrentUser admin, String clientId) {
        admin.require(Permission.MANAGE_SYSTEM_CLIENTS);
        SystemClient client = ownClient(admin, clientId);
        if (clients.revoke(client.clientId(), clock.instant(), admin.username())) {
            events.publishEvent(RecordAccessed.updated(admin, AuditedRecord.SYSTEM_CLIENT, client.clientId(), null,
                    "Revoked system client \"" + client.name() + "\" (acting as " + client.actsAs() + ")"));
        }
        return ownClient(admin, clientId);
    }

    /** The client if it may get and use tokens now: not revoked, its account active in its organisation. */
    SystemClientRepository.Stored usable(String clientId) {
        return validId(clientId) ? clients.find(clientId).filter(SystemClientRepository.Stored::usable).orElse(null)
                : null;
    }

    /** The registration whatever its state, for saying why a token is refused. */
    SystemClientRepository.Stored find(String clientId) {
        return validId(clientId) ? clients.find(clientId).orElse(null) : null;
    }

    /** Who a client's audit lines name: the account it acts as, through the client. */
    RecordAccessed.Actor actor(SystemClient client) {
        return users.findUserByUsername(client.actsAs())
                .map(user -> CurrentUser.of(user.account()).viaSystemClient(client.clientId()).actor())
                .orElseGet(() -> new RecordAccessed.Actor(client.actsAs(), client.organisationId().value(), null, null,
                        client.clientId()));
    }

    private SystemClient ownClient(CurrentUser admin, String clientId) {
        // another organisation's client is answered as one that does not exist
        SystemClientRepository.Stored stored = find(clientId);
        if (stored == null || !stored.client().organisationId().equals(admin.organisationId())) {
            throw new NotFoundException("Your organisation has no system client with client id "
                    + (validId(clientId) ? clientId : "like that"));
        }
        return stored.client();
    }

    /** Client ids are made here as UUIDs: anything else (a NUL byte, 3,000 characters) is nobody's, unread. */
    private static boolean validId(String clientId) {
        if (clientId == null || clientId.length() != 36) {
            return false;
        }
        try {
            return UUID.fromString(clientId).toString().equals(clientId);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static List<String> scopes(List<String> requested) {
        if (requested == null || requested.isEmpty()) {
            throw new InvalidInputException("scopes", "must name at least one scope, such as "
                    + SystemClientScopes.write("Observation"));
        }
        if (requested.size() > MAX_SCOPES) {
            throw new InvalidInputException("scopes", "must name at most " + MAX_SCOPES + " scopes");
        }
        Set<String> scopes = new LinkedHashSet<>();
        for (String scope : requested) {
            String trimmed = scope == null ? "" : scope.strip();
            if (!SystemClientScopes.isAllowed(trimmed)) {
                throw new InvalidInputException("scopes", "'" + abbreviate(trimmed) + "' is not a scope Homeward grants;"
                        + " use system/{Type}.read or system/{Type}.write for one of "
                        + String.join(", ", SystemClientScopes.RESOURCE_TYPES) + ", or " + SystemClientScopes.READ_ALL);
            }
            scopes.add(trimmed);
        }
        return new ArrayList<>(scopes);
    }

    private String jwkSetUrl(String given) {
        String url = given == null ? "" : given.strip();
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || !uri.isAbsolute() || uri.getHost() == null || uri.getRawFragment() != null
                || uri.getRawUserInfo() != null || url.length() > MAX_URL
                || !("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))) {
            throw new InvalidInputException("jwkSetUrl", "must be an absolute http or https address of at most " + MAX_URL
                    + " characters, with no user or fragment, where the client publishes its public keys (a JWK Set)");
        }
        java.util.Optional<String> refused = JwksAddresses.refusal(uri, allowPrivateJwksAddresses, InetAddress::getAllByName);
        if (refused.isPresent()) {
            throw new InvalidInputException("jwkSetUrl", "cannot be used: " + refused.get()
                    + ". Give the address where the client publishes its keys on the internet or the NHS network");
        }
        return uri.toString();
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "...";
    }
}
