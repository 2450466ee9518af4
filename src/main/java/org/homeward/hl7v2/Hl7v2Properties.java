package org.homeward.hl7v2;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the hl7v2 module ({@code homeward.hl7v2.*}).
 *
 * @param inbound the MLLP listener: the port it listens on (off when not set; 0 picks a free port, for tests) and
 *     the username of the acute trust's integration engine account whose rights and name every message is applied
 *     with
 * @param outbound where ADT A01 and A03 go when patients are admitted to and discharged from virtual wards (off when
 *     no host is set), how often the queue is sent, and the wait before a second try, doubling up to the longest wait
 */
@ConfigurationProperties("homeward.hl7v2")
public record Hl7v2Properties(Inbound inbound, Outbound outbound) {

    public Hl7v2Properties {
        inbound = inbound == null ? new Inbound(null, null) : inbound;
        outbound = outbound == null ? new Outbound(null, null, null, null, null, null, null) : outbound;
    }

    public record Inbound(Integer port, String actsAs) {

        boolean enabled() {
            return port != null && port >= 0;
        }
    }

    public record Outbound(String host, Integer port, String receivingApplication, String receivingFacility,
            Duration sendEvery, Duration retryBackoff, Duration longestWait) {

        public Outbound {
            sendEvery = sendEvery == null ? Duration.ofSeconds(15) : sendEvery;
            retryBackoff = retryBackoff == null ? Duration.ofSeconds(30) : retryBackoff;
            longestWait = longestWait == null ? Duration.ofMinutes(30) : longestWait;
        }

        boolean enabled() {
            return host != null && !host.isBlank() && port != null && port > 0;
        }

        /** The wait after the given number of failed attempts: the backoff, doubling each time, up to the longest. */
        Duration waitAfter(int failedAttempts) {
            Duration wait = retryBackoff;
            for (int i = 1; i < failedAttempts && wait.compareTo(longestWait) < 0; i++) {
                wait = wait.multipliedBy(2);
            }
            return wait.compareTo(longestWait) > 0 ? longestWait : wait;
        }
    }
}
