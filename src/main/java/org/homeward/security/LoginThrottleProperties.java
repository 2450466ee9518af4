package org.homeward.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How sign-ins are throttled ({@code homeward.security.login.*}). The defaults suit a clinical service: a person who
 * mistypes five times is stopped for a quarter of an hour (short, because a locked-out nurse cannot see alerts), while
 * a whole ward behind one shared address (NAT) may fail many times before that address is slowed.
 *
 * @param maxFailures failed sign-ins of one username within {@code window} that lock it
 * @param window how long failures are counted, from the first one
 * @param lockout how long a locked username stays locked (unless an administrator unlocks it first)
 * @param addressMaxFailures failed sign-ins from one source address within {@code addressWindow} after which every
 *     sign-in from that address is refused until the window ends
 * @param addressWindow how long an address's failures are counted, from the first one
 */
@ConfigurationProperties("homeward.security.login")
record LoginThrottleProperties(int maxFailures, Duration window, Duration lockout, int addressMaxFailures,
        Duration addressWindow) {

    LoginThrottleProperties {
        maxFailures = maxFailures <= 0 ? 5 : maxFailures;
        window = window == null ? Duration.ofMinutes(15) : window;
        lockout = lockout == null ? Duration.ofMinutes(15) : lockout;
        addressMaxFailures = addressMaxFailures <= 0 ? 100 : addressMaxFailures;
        addressWindow = addressWindow == null ? Duration.ofMinutes(15) : addressWindow;
    }
}
