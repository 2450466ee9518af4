package org.homeward;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * On a SIGTERM the JVM runs every shutdown hook at once; zonky's would stop PostgreSQL while Spring's is still
 * letting the web server finish its requests. What that hook runs (zonky's close) must therefore leave the server
 * running, and only the application's own close, last in Spring's order, stops it.
 */
class EmbeddedDatabaseServerIT {

    @TempDir
    Path dataDir;

    @Test
    void zonkysShutdownHookLeavesTheServerRunningUntilTheApplicationClosesIt() throws Exception {
        Path pgData = dataDir.resolve("postgres");
        EmbeddedDatabasePassword password = EmbeddedDatabasePassword.readOrCreate(dataDir);
        EmbeddedDatabaseServer database = EmbeddedDatabaseServer.start(pgData, password, false, Duration.ofHours(1));
        try {
            ProcessHandle postmaster = EmbeddedPostmaster.runningOn(pgData).orElseThrow();

            database.current().close(); // exactly what zonky's JVM shutdown hook runs

            assertThat(postmaster.isAlive()).as("still serving the requests being finished").isTrue();
            assertThat(JdbcClient.create(new DriverManagerDataSource(database.jdbcUrl(), "postgres", password.value())).sql("select 1")
                    .query(Integer.class).single()).isEqualTo(1);

            database.close();
            assertThat(postmaster.onExit().get()).isNotNull();
            assertThat(EmbeddedPostmaster.runningOn(pgData)).as("stopped by the application's close").isEmpty();
        } finally {
            database.close();
        }
    }
}
