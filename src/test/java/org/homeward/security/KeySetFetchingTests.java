package org.homeward.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestOperations;

/**
 * A system client's key set is fetched only from addresses outside private networks, checked as the fetch resolves the
 * name (DNS rebinding): a name that resolved to a public address when the client was registered and resolves to this
 * machine now is refused before any connection is made. A real key-set server on this machine answers when private
 * addresses are allowed, to show the refusal is the address's and not the server's.
 */
class KeySetFetchingTests {

    private static final String KEY_SET = "{\"keys\":[]}";

    HttpServer server;
    final AtomicInteger served = new AtomicInteger();

    @BeforeEach
    void aKeySetServerOnThisMachine() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/jwks", exchange -> {
            served.incrementAndGet();
            byte[] body = KEY_SET.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    /** keys.platform.example now resolves to this machine (it resolved to a public address at registration). */
    private static InetAddress[] rebound(String host) throws UnknownHostException {
        if (!host.equals("keys.platform.example")) {
            throw new UnknownHostException(host);
        }
        return new InetAddress[] {InetAddress.getLoopbackAddress()};
    }

    private String keySet() {
        return "http://keys.platform.example:" + server.getAddress().getPort() + "/jwks";
    }

    @Test
    void aKeySetWhoseNameNowResolvesInsideAPrivateNetworkIsNotFetched() {
        RestOperations http = KeySetFetching.restOperations(false, KeySetFetchingTests::rebound);
        assertThatThrownBy(() -> http.getForObject(keySet(), String.class))
                .isInstanceOf(ResourceAccessException.class)
                .hasMessageContaining("keys.platform.example is now an address inside a private network (127.0.0.1)");
        assertThat(served.get()).as("no request reached the address").isZero();
    }

    @Test
    void whereTheServiceAllowsPrivateAddressesTheSameKeySetIsFetched() {
        RestOperations http = KeySetFetching.restOperations(true, KeySetFetchingTests::rebound);
        assertThat(http.getForObject(keySet(), String.class)).isEqualTo(KEY_SET);
        assertThat(served.get()).isEqualTo(1);
    }
}
