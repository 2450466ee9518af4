package org.homeward.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.JwsAlgorithm;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.authentication.JwtClientAssertionDecoderFactory;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.web.client.RestOperations;
import org.springframework.web.client.RestTemplate;

/**
 * How Homeward fetches a system client's key set to check its signed assertion: as Spring Authorization Server's own
 * {@link JwtClientAssertionDecoderFactory} does (the client's registered key-set address, its signing algorithm, the
 * same checks of the assertion), but through an HTTP client whose name lookup refuses an address inside a private
 * network (unless the service allows them) each time it connects. The address was checked at registration
 * ({@link JwksAddresses}); a name re-pointed since (DNS rebinding) to the database's host or a cloud metadata address
 * is refused at the fetch itself, and the connection is made only to the addresses that were checked.
 */
final class KeySetFetching implements JwtDecoderFactory<RegisteredClient> {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final RestOperations http;
    private final Function<RegisteredClient, OAuth2TokenValidator<Jwt>> validators;
    private final Map<String, JwtDecoder> decoders = new ConcurrentHashMap<>();

    KeySetFetching(boolean allowPrivate, JwksAddresses.Resolver resolver,
            Function<RegisteredClient, OAuth2TokenValidator<Jwt>> validators) {
        this.http = restOperations(allowPrivate, resolver);
        this.validators = validators;
    }

    /** An HTTP client that connects only to addresses outside private networks (or to any, when allowed). */
    static RestOperations restOperations(boolean allowPrivate, JwksAddresses.Resolver resolver) {
        SystemDefaultDnsResolver checked = new SystemDefaultDnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                InetAddress[] addresses = resolver.resolve(host);
                if (!allowPrivate) {
                    for (InetAddress address : addresses) {
                        if (JwksAddresses.isPrivate(address)) {
                            throw new UnknownHostException("The key set's host " + host + " is now an address inside a "
                                    + "private network (" + address.getHostAddress() + "); Homeward does not fetch "
                                    + "keys from there");
                        }
                    }
                }
                return addresses;
            }
        };
        Timeout timeout = Timeout.of(TIMEOUT);
        CloseableHttpClient client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create().setDnsResolver(checked)
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(timeout)
                                .setSocketTimeout(timeout).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(timeout).build())
                .disableRedirectHandling()
                .build();
        return new RestTemplate(new HttpComponentsClientHttpRequestFactory(client));
    }

    @Override
    public JwtDecoder createDecoder(RegisteredClient client) {
        return decoders.computeIfAbsent(client.getId(), id -> {
            String keySet = client.getClientSettings().getJwkSetUrl();
            JwsAlgorithm algorithm = client.getClientSettings().getTokenEndpointAuthenticationSigningAlgorithm();
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(keySet)
                    .jwsAlgorithm(algorithm instanceof SignatureAlgorithm signature ? signature : SignatureAlgorithm.RS512)
                    .restOperations(http).build();
            decoder.setJwtValidator(validators.apply(client));
            return decoder;
        });
    }
}
