package org.homeward;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one source of time for the application: services take this {@link Clock}, never call {@code now()} bare. */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    @Bean
    Clock clock(@Value("${homeward.time-zone}") String timeZone) {
        return Clock.system(ZoneId.of(timeZone));
    }
}
