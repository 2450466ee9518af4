package org.homeward.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.JwtClientAssertionAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.JwtClientAssertionDecoderFactory;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2ClientCredentialsAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * Homeward's own authorization server (Spring Authorization Server) for system clients, cut down to what they need:
 * the token endpoint ({@value #TOKEN_ENDPOINT}) and the key set that checks its tokens ({@value #JWKS_ENDPOINT}).
 * Only the client credentials grant, and only {@code private_key_jwt} client authentication: the client signs a JWT
 * assertion (RS512, as NHS England's APIs ask) with a private key whose public half it publishes at the JWKS URL it
 * was registered with ({@link RegisteredSystemClients}). Access tokens are JWTs signed with the key all nodes share
 * ({@link SharedSigningKey}), live five minutes, and name the acting account ({@link SystemClientTokens}). Each token
 * issued is recorded in {@code oauth2_authorization} (SAS's JDBC store, not the in-memory one). An assertion is good
 * once and for at most five minutes ({@link ClientAssertionReplay}).
 *
 * <p>The authorization, introspection, revocation, device, pushed-authorization and metadata endpoints are not
 * served: this chain matches only the two paths above, so those paths fall to the page chain (sign in, then 404).
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfiguration {

    static final String TOKEN_ENDPOINT = OAuthEndpoints.TOKEN;
    static final String JWKS_ENDPOINT = OAuthEndpoints.JWKS;

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain authorizationServerSecurity(HttpSecurity http, ObjectMapper objectMapper,
            ClientAssertionReplay replay,
            @Value("${homeward.system-clients.allow-private-jwks-addresses:false}") boolean allowPrivateJwksAddresses)
            throws Exception {
        OAuth2AuthorizationServerConfigurer authorizationServer = OAuth2AuthorizationServerConfigurer.authorizationServer();
        // SAS's checks of an assertion (signature by a key at the client's JWKS URL, RS512, iss and sub the client id,
        // aud this server, in date) and NHS England's: a jti used once, exp at most 5 minutes ahead
        // the key set is fetched through a client that refuses private-network addresses at each fetch (KeySetFetching)
        KeySetFetching assertions = new KeySetFetching(allowPrivateJwksAddresses, InetAddress::getAllByName,
                client -> new DelegatingOAuth2TokenValidator<>(
                        JwtClientAssertionDecoderFactory.DEFAULT_JWT_VALIDATOR_FACTORY.apply(client), replay));
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        return http
                .securityMatcher(new OrRequestMatcher(paths.matcher(TOKEN_ENDPOINT), paths.matcher(JWKS_ENDPOINT)))
                .with(authorizationServer, server -> server
                        // a client proves who it is with a signed JWT assertion, nothing else (no secrets, no mTLS),
                        // sent as NHS England's clients send it (no client_id parameter needed)
                        .clientAuthentication(client -> client
                                .authenticationConverters(converters -> {
                                    converters.clear();
                                    converters.add(new ClientAssertionConverter());
                                })
                                .authenticationProviders(providers -> {
                                    providers.removeIf(
                                            provider -> !(provider instanceof JwtClientAssertionAuthenticationProvider));
                                    providers.forEach(provider -> ((JwtClientAssertionAuthenticationProvider) provider)
                                            .setJwtDecoderFactory(assertions));
                                }))
                        // and asks for a token for itself: client credentials, no other grant
                        .tokenEndpoint(token -> token
                                .accessTokenRequestConverters(converters -> converters.removeIf(
                                        converter -> !(converter instanceof OAuth2ClientCredentialsAuthenticationConverter)))
                                .authenticationProviders(providers -> providers.removeIf(
                                        provider -> !(provider instanceof OAuth2ClientCredentialsAuthenticationProvider)))))
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                // a token request with no client assertion at all: answered as RFC 6749 5.2 answers a client it cannot
                // authenticate
                .exceptionHandling(ex -> ex.authenticationEntryPoint((request, response, e) -> {
                    response.setStatus(HttpStatus.UNAUTHORIZED.value());
                    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
                    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                    Map<String, String> error = new LinkedHashMap<>();
                    error.put("error", OAuth2ErrorCodes.INVALID_CLIENT);
                    error.put("error_description", "Authenticate with a JWT assertion signed with your registered key:"
                            + " client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer and"
                            + " client_assertion, with grant_type=client_credentials.");
                    objectMapper.writeValue(response.getOutputStream(), error);
                }))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .permissionsPolicyHeader(policy -> policy.policy(SecurityConfiguration.PERMISSIONS_POLICY)))
                .build();
    }

    /** The issuer is the address the request came to (behind a proxy, its forwarded address). */
    @Bean
    AuthorizationServerSettings authorizationServerSettings() {
        return AuthorizationServerSettings.builder().tokenEndpoint(TOKEN_ENDPOINT).jwkSetEndpoint(JWKS_ENDPOINT).build();
    }

    @Bean
    OAuth2AuthorizationService authorizationService(JdbcOperations jdbc, RegisteredClientRepository clients) {
        return new JdbcOAuth2AuthorizationService(jdbc, clients);
    }

    /**
     * Checks access tokens on the FHIR API against the shared key: RS256 only (what the authorization server signs
     * with), in date with Spring Security's default 60 s of clock skew. The key is the public key, converted once:
     * selecting it from the JWK set on every request rebuilt the whole key pair each time, which was most of a FHIR
     * request's CPU (bench/README.md, FHIR ingest). A token checked once is remembered while in date
     * ({@link VerifiedTokenCache}).
     */
    @Bean
    JwtDecoder systemClientTokenDecoder(SharedSigningKey key) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector((header, context) -> JWSAlgorithm.RS256.equals(header.getAlgorithm())
                ? List.of(key.publicKey()) : List.of());
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT,
                new JOSEObjectType("at+jwt"), null));
        // claims are checked by Spring Security's validators (expiry, not-before), not twice by Nimbus
        processor.setJWTClaimsSetVerifier((claims, context) -> {
        });
        return new VerifiedTokenCache(new NimbusJwtDecoder(processor), java.time.Clock.systemUTC());
    }
}
