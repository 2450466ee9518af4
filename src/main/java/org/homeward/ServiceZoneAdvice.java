package org.homeward;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Pages show instants in the service's time zone ({@code zone}), not the server's: Thymeleaf formats an Instant in
 * the JVM default zone, which would put every time an hour out during British Summer Time on a UTC server.
 */
@ControllerAdvice(annotations = Controller.class)
class ServiceZoneAdvice {

    private final ZoneId zone;

    ServiceZoneAdvice(Clock clock) {
        this.zone = clock.getZone();
    }

    @ModelAttribute("zone")
    ZoneId zone() {
        return zone;
    }
}
