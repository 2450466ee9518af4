package org.homeward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.homeward.support.RealApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The embedded PostgreSQL trusts nobody: a connection as postgres needs the generated password kept owner-only in the
 * data folder. Starts from a folder made the old way (initdb with trust, as every folder before this change was), so
 * the first start also proves the upgrade in place; the second start proves a restart on the protected folder works.
 * Runs the real application in its own temporary folder; the shared test database is not touched.
 */
class EmbeddedDatabasePasswordIT {

    @TempDir
    Path dataDir;

    @Test
    void aFolderThatTrustedEveryoneIsProtectedByAGeneratedPasswordThatSurvivesARestart() throws Exception {
        Path pgData = dataDir.resolve("postgres");
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(pgData).setCleanDataDirectory(false).start();
             Connection trusted = DriverManager.getConnection(old.getJdbcUrl("postgres", "postgres"))) {
            // how every folder was before: anyone on the machine gets in as the superuser without a password
            assertThat(trusted.isValid(5)).isTrue();
        }
        assertThat(Files.readString(pgData.resolve("pg_hba.conf"))).containsPattern("(?m)^host\\s+all\\s+all\\s+127.0.0.1/32\\s+trust");

        String password;
        try (ConfigurableApplicationContext first = start()) {
            Path file = dataDir.resolve("postgres-password");
            assertThat(file).isRegularFile();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            password = Files.readString(file).strip();
            assertThat(password).hasSizeGreaterThanOrEqualTo(40);
            assertProtected(first, password);
            first.getBean(JdbcClient.class).sql("create table restart_marker as select 'written before the restart'::text as note").update();
        }

        try (ConfigurableApplicationContext second = start()) {
            assertThat(Files.readString(dataDir.resolve("postgres-password")).strip())
                    .as("the same password is read again, not a new one generated").isEqualTo(password);
            assertProtected(second, password);
            assertThat(second.getBean(JdbcClient.class).sql("select count(*) from restart_marker").query(Long.class).single())
                    .isOne();
        }
    }

    private void assertProtected(ConfigurableApplicationContext context, String password) throws Exception {
        assertThat(Files.readAllLines(dataDir.resolve("postgres").resolve("pg_hba.conf")))
                .as("no rule trusts anyone").noneMatch(line -> line.replaceFirst("#.*", "").matches(".*\\btrust\\b.*"))
                .anyMatch(line -> line.matches("^host\\s+all\\s+all\\s+127.0.0.1/32\\s+scram-sha-256\\s*$"));
        String url = "jdbc:postgresql://127.0.0.1:" + context.getBean(EmbeddedDatabaseServer.class).port() + "/postgres";

        assertThatThrownBy(() -> connect(url, null)).as("no password").isInstanceOf(SQLException.class)
                .hasMessageContaining("password");
        assertThatThrownBy(() -> connect(url, password + "x")).as("wrong password").isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("28P01"));
        try (Connection connection = connect(url, password)) {
            var result = connection.createStatement().executeQuery(
                    "select rolpassword like 'SCRAM-SHA-256$%' from pg_authid where rolname = 'postgres'");
            result.next();
            assertThat(result.getBoolean(1)).as("stored as a SCRAM verifier").isTrue();
        }
        // the application itself is connected with that password
        assertThat(context.getBean(JdbcClient.class).sql("select current_user").query(String.class).single())
                .isEqualTo("postgres");
    }

    private static Connection connect(String url, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", "postgres");
        if (password != null) {
            properties.setProperty("password", password);
        }
        return DriverManager.getConnection(url, properties);
    }

    private ConfigurableApplicationContext start() {
        return RealApplication.start(dataDir, null);
    }
}
