package org.homeward.security;

import java.time.Instant;
import java.util.List;
import org.homeward.shared.OrganisationId;

/**
 * A device platform or integration engine registered by its organisation's administrator: it gets tokens from
 * Homeward's authorization server (client credentials, a JWT assertion signed with a key published at
 * {@code jwkSetUrl}) and uses the FHIR API within {@code scopes}, as the account {@code actsAs}.
 *
 * @param actsAs the username of the active account of the same organisation the client acts as
 * @param revokedAt when it was revoked ({@code null}: it is not); a revoked client gets no token and its tokens are
 *     refused
 */
public record SystemClient(String clientId, String name, OrganisationId organisationId, String actsAs,
        List<String> scopes, String jwkSetUrl, String registeredBy, Instant registeredAt, Instant revokedAt,
        String revokedBy) {
}
