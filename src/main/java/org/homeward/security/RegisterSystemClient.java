package org.homeward.security;

import java.util.List;

/**
 * What an administrator registers a system client with.
 *
 * @param actsAs the username of an active account of the administrator's own organisation: the client's reads and
 *     writes are that account's (its role's permissions, its organisation's care teams, its name in the audit trail)
 * @param scopes from {@link SystemClientScopes#allowed()}
 * @param jwkSetUrl the absolute http(s) address where the client publishes its public keys (a JWK Set)
 */
public record RegisterSystemClient(String name, String actsAs, List<String> scopes, String jwkSetUrl) {
}
