package org.homeward.support;

import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Puts a {@link TestClock} in place of the application's clock, in the same zone. */
@TestConfiguration(proxyBeanMethods = false)
class TestClockConfiguration {

    @Bean
    @Primary
    TestClock testClock(@Value("${homeward.time-zone}") String timeZone) {
        return new TestClock(ZoneId.of(timeZone));
    }
}
