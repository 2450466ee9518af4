package org.homeward.hl7v2;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the hl7v2 module ({@code homeward.hl7v2.*}).
 *
 * @param inbound the MLLP listener: the port it listens on (off when not set; 0 picks a free port, for tests) and
 *     the username of the acute trust's integration engine account whose rights and name every message is applied
 *     with
 */
@ConfigurationProperties("homeward.hl7v2")
public record Hl7v2Properties(Inbound inbound) {

    public Hl7v2Properties {
        inbound = inbound == null ? new Inbound(null, null) : inbound;
    }

    public record Inbound(Integer port, String actsAs) {

        boolean enabled() {
            return port != null && port >= 0;
        }
    }
}
