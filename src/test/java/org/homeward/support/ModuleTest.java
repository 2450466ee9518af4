package org.homeward.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * Goes with {@code @ApplicationModuleTest}: one module (and what it declares) started alone over its own embedded
 * PostgreSQL, migrated by Flyway as in the application. The application's own classes in {@code org.homeward} (the
 * embedded database, the clock, errors, the page shell) come up as always, except those that need modules the test
 * does not start ({@link ModuleTestContextCustomizerFactory}). The database lives in {@code target/module-test-db-N},
 * never the whole application's {@code target/test-db-N} (N the test JVM's number), and the context is closed after the class, which stops its
 * server, so the next module test starts a fresh one in the same folder.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@TestPropertySource(properties = "homeward.data-dir=target/module-test-db-${homeward.test-fork:0}")
@DirtiesContext
public @interface ModuleTest {
}
