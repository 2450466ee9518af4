package org.homeward;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * With SPRING_DATASOURCE_URL set, Homeward uses that server (here a separately started PostgreSQL standing in for an
 * external one): it starts no database of its own, Flyway migrates the server, and demo data is loaded only when
 * asked for explicitly, never silently.
 */
class ExternalDatabaseIT {

    @TempDir
    Path serverDir;

    @TempDir
    Path appDataDir;

    EmbeddedPostgres externalServer;

    @BeforeEach
    void startExternalServer() throws IOException {
        externalServer = EmbeddedPostgres.builder().setDataDirectory(serverDir.resolve("pg")).start();
    }

    @AfterEach
    void stopExternalServer() throws IOException {
        externalServer.close();
    }

    @Test
    void usesTheConfiguredServerAndLoadsNoDemoDataUnlessAsked() {
        try (ConfigurableApplicationContext app = start("auto")) {
            assertThat(app.getBeansOfType(EmbeddedDatabaseServer.class)).as("no embedded server started").isEmpty();
            assertThat(appDataDir.resolve("postgres")).doesNotExist();
            assertThat(count("select count(*) from flyway_schema_history where success")).isPositive();
            assertThat(count("select count(*) from app_user")).as("demo not loaded silently").isZero();
        }
    }

    @Test
    void loadsTheDemoServiceIntoAnEmptyExternalDatabaseOnlyWhenAskedAlways() {
        try (ConfigurableApplicationContext app = start("always")) {
            // the 26 named demo logins, the 49 generated visiting staff of demo scale 1 and the acute trust's
            // integration engine account (HL7 v2 ADT is applied as it; nobody is given its password)
            assertThat(count("select count(*) from app_user")).isEqualTo(26 + 49 + 1);
            assertThat(count("select count(*) from staff_shift")).isEqualTo(2 * (6 + 49));
            assertThat(count("select count(distinct patient_id) from care_intervention")).isEqualTo(90);
            assertThat(count("select sum(bed_capacity) from virtual_ward")).isEqualTo(120);
        }
    }

    private long count(String sql) {
        return JdbcClient.create(externalServer.getPostgresDatabase()).sql(sql).query(Long.class).single();
    }

    private ConfigurableApplicationContext start(String demoData) {
        return new SpringApplicationBuilder(HomewardApplication.class).run(
                "--spring.datasource.url=" + externalServer.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres", "--homeward.data-dir=" + appDataDir,
                "--server.port=0", "--homeward.demo-data=" + demoData, "--spring.main.banner-mode=off");
    }
}
