package org.homeward.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A system client's key set is fetched by Homeward itself, so its address must not reach inside a private network
 * (RFC 1918, RFC 4193, loopback, link-local: the cloud metadata address). Names resolve through a resolver of the
 * test's own, so no DNS is needed and a name's every address is checked.
 */
class JwksAddressesTests {

    private static final Map<String, String[]> NAMES = Map.of(
            "keys.platform.example", new String[] {"93.184.216.34"},
            "rebound.example", new String[] {"93.184.216.34", "10.1.2.3"},
            "localhost", new String[] {"127.0.0.1", "::1"});

    private static final JwksAddresses.Resolver RESOLVER = host -> {
        String[] listed = NAMES.get(host);
        if (listed == null) {
            if (host.matches("[0-9.]+") || host.contains(":")) {
                return new InetAddress[] {InetAddress.getByName(host)}; // a literal address: no lookup
            }
            throw new UnknownHostException(host);
        }
        InetAddress[] addresses = new InetAddress[listed.length];
        for (int i = 0; i < listed.length; i++) {
            addresses[i] = InetAddress.getByName(listed[i]);
        }
        return addresses;
    };

    @ParameterizedTest(name = "{0}: refused {1}")
    @CsvSource({
            "https://keys.platform.example/jwks.json, false",
            "https://93.184.216.34/jwks, false",
            "https://[2606:2800:220:1:248:1893:25c8:1946]/jwks, false",
            "https://8.8.8.8/jwks, false",
            // loopback, by name and by number, IPv4 and IPv6
            "http://localhost:8080/jwks, true",
            "http://127.0.0.1/jwks, true",
            "http://127.9.9.9/jwks, true",
            "http://[::1]/jwks, true",
            // RFC 1918, each range at its edges
            "http://10.0.0.1/jwks, true",
            "http://10.255.255.255/jwks, true",
            "http://172.16.0.1/jwks, true",
            "http://172.31.255.255/jwks, true",
            "http://172.32.0.1/jwks, false",
            "http://172.15.255.255/jwks, false",
            "http://192.168.1.10/jwks, true",
            // link-local: the cloud metadata address
            "http://169.254.169.254/latest/meta-data, true",
            "http://[fe80::1]/jwks, true",
            // unique local IPv6 (fc00::/7), the unspecified address, multicast
            "http://[fd12:3456:789a::1]/jwks, true",
            "http://[fc00::1]/jwks, true",
            "http://0.0.0.0/jwks, true",
            "http://224.0.0.1/jwks, true",
            // a name with one private address among public ones, and a name that does not resolve
            "https://rebound.example/jwks, true",
            "https://no-such-host.example/jwks, true"})
    void aKeySetInsideAPrivateNetworkIsRefused(String url, boolean refused) {
        assertThat(JwksAddresses.refusal(URI.create(url), false, RESOLVER).isPresent()).as(url).isEqualTo(refused);
    }

    @ParameterizedTest
    @CsvSource({"http://127.0.0.1/jwks", "http://169.254.169.254/latest/meta-data", "http://10.0.0.1/jwks"})
    void theServiceMayAllowPrivateAddresses(String url) {
        assertThat(JwksAddresses.refusal(URI.create(url), true, RESOLVER)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"https://rebound.example/jwks, 10.1.2.3", "https://no-such-host.example/jwks, cannot be found"})
    void theRefusalSaysWhy(String url, String why) {
        assertThat(JwksAddresses.refusal(URI.create(url), false, RESOLVER)).hasValueSatisfying(reason ->
                assertThat(reason).contains(why));
    }
}
