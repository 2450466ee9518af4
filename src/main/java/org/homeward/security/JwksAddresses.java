package org.homeward.security;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Where a system client's key set may be fetched from. Homeward fetches a registered {@code jwkSetUrl} itself (each
 * time the client asks for a token), so an address inside Homeward's own network would let whoever registers a client
 * make Homeward send requests there: the database's host, an internal service, a cloud metadata address
 * (169.254.169.254). Such addresses are refused at registration unless the service allows them
 * ({@code homeward.system-clients.allow-private-jwks-addresses}, for a platform on the same private network, and
 * for the tests' own key-set server on this machine).
 *
 * <p>Refused: loopback, link-local, site-local (10/8, 172.16/12, 192.168/16), unique local IPv6 (fc00::/7), the
 * unspecified address, multicast, and names that do not resolve. A name is checked by every address it resolves to
 * now, at registration; {@link KeySetFetching} checks it again as each fetch resolves it (a name re-pointed since).
 */
final class JwksAddresses {

    /** Resolves a host name to its addresses (the system's resolver; a test's own). */
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private JwksAddresses() {
    }

    /** Why the key set at {@code uri} may not be fetched, or empty if it may. */
    static Optional<String> refusal(URI uri, boolean allowPrivate, Resolver resolver) {
        if (allowPrivate) {
            return Optional.empty();
        }
        String host = uri.getHost();
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            return Optional.of("its host " + host + " cannot be found");
        }
        for (InetAddress address : addresses) {
            if (isPrivate(address)) {
                return Optional.of("its host " + host + " is an address inside a private network ("
                        + address.getHostAddress() + "), which Homeward does not fetch keys from");
            }
        }
        return Optional.empty();
    }

    static boolean isPrivate(InetAddress address) {
        return address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()
                || (address instanceof Inet6Address && (address.getAddress()[0] & 0xFE) == 0xFC);
    }
}
