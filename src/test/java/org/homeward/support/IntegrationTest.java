package org.homeward.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole application on a random port over the embedded PostgreSQL. Every integration test uses exactly this
 * configuration so that Spring caches one context (and one database) for the whole run.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({Fixtures.class, Api.class, FhirReads.class, TestClockConfiguration.class})
public @interface IntegrationTest {
}
