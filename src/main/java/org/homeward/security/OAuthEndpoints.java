package org.homeward.security;

/**
 * Where Homeward's authorization server answers system clients: the token endpoint and the key set its access tokens
 * are signed with. One place for both, read by the server's settings, the CapabilityStatement and the SMART
 * configuration.
 */
public final class OAuthEndpoints {

    public static final String TOKEN = "/oauth2/token";
    public static final String JWKS = "/oauth2/jwks";

    private OAuthEndpoints() {
    }
}
