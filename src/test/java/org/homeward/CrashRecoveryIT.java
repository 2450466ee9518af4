package org.homeward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.homeward.support.Fixtures;
import org.homeward.support.RealApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * kill -9 of the application leaves the embedded PostgreSQL it started running (pg_ctl detaches it), holding
 * postmaster.pid. The next start must stop that orphan and come up healthy the first time, with everything committed
 * before the kill. Runs the real application in a child JVM so that it can really be killed, then starts it again in
 * this JVM on the same data folder.
 */
class CrashRecoveryIT {

    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path dataDir;

    /** Every process this test started, stopped whatever happens. */
    private final List<ProcessHandle> started = new ArrayList<>();

    @AfterEach
    void stopEverythingStarted() {
        started.forEach(process -> {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        });
        EmbeddedPostmaster.runningOn(dataDir.resolve("postgres")).ifPresent(EmbeddedPostmaster::stop);
    }

    @Test
    void startsHealthyFirstTimeAfterAKillMinus9WithTheDataWrittenBeforeIt() throws Exception {
        int port = freePort();
        Process app = launchChildApp(port);
        started.add(app.toHandle());
        await("the child application healthy").atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500))
                .until(() -> health(port).equals(Optional.of(200)));

        Path pgData = dataDir.resolve("postgres");
        long orphanPid = EmbeddedPostmaster.pidOf(pgData).orElseThrow();
        ProcessHandle orphan = ProcessHandle.of(orphanPid).orElseThrow();
        started.add(orphan);
        UUID patientId = UUID.randomUUID();
        String nhsNumber = Fixtures.newNhsNumber();
        writePatientDirectly(pgData, patientId, nhsNumber);

        app.destroyForcibly(); // SIGKILL: no shutdown hook runs
        app.waitFor();
        assertThat(orphan.isAlive()).as("the embedded PostgreSQL outlives the killed application").isTrue();
        assertThat(EmbeddedPostmaster.isPostmasterOf(orphan, pgData)).isTrue();
        assertThat(pgData.resolve("postmaster.pid")).isRegularFile();

        try (ConfigurableApplicationContext second = RealApplication.start(dataDir, null)) {
            int secondPort = Integer.parseInt(second.getEnvironment().getRequiredProperty("local.server.port"));
            assertThat(health(secondPort)).as("healthy the first time").contains(200);
            assertThat(orphan.isAlive()).as("the orphaned server was stopped").isFalse();
            assertThat(EmbeddedPostmaster.pidOf(pgData)).isPresent().isNotEqualTo(Optional.of(orphanPid));
            assertThat(second.getBean(JdbcClient.class).sql("select nhs_number from patient where id = ?")
                    .param(patientId).query(String.class).single()).isEqualTo(nhsNumber);
        }
    }

    @Test
    void neverStopsAProcessThatOnlyHasTheNumberInAStalePidFile() throws Exception {
        Path pgData = Files.createDirectories(dataDir.resolve("postgres"));
        // this test's own JVM stands in for an unrelated program that was given the dead postmaster's number
        Files.writeString(pgData.resolve("postmaster.pid"), ProcessHandle.current().pid() + "\n" + pgData + "\n");

        assertThat(EmbeddedPostmaster.stopOrphan(pgData)).isFalse();
        assertThat(ProcessHandle.current().isAlive()).isTrue();
        assertThat(pgData.resolve("postmaster.pid")).as("the stale pid file is removed").doesNotExist();
    }

    private Process launchChildApp(int port) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx384m", "-cp", System.getProperty("java.class.path"),
                HomewardApplication.class.getName(), "--homeward.data-dir=" + dataDir, "--server.port=" + port,
                "--homeward.demo-data=never", "--homeward.embedded-db.clean-on-start=false",
                "--spring.main.banner-mode=off");
        builder.redirectErrorStream(true);
        builder.redirectOutput(dataDir.resolve("child-app.log").toFile());
        return builder.start();
    }

    /** The health endpoint's status code, or empty while nothing answers. */
    private static Optional<Integer> health(int port) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/actuator/health")).timeout(Duration.ofSeconds(10))
                    .build(), HttpResponse.BodyHandlers.ofString());
            return Optional.of(response.statusCode());
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Written straight to the child's server (its port is in postmaster.pid), committed before the kill. */
    private static void writePatientDirectly(Path pgData, UUID patientId, String nhsNumber) throws Exception {
        int pgPort = Integer.parseInt(Files.readAllLines(pgData.resolve("postmaster.pid")).get(3).trim());
        String password = Files.readString(pgData.resolveSibling(EmbeddedDatabasePassword.FILE_NAME)).strip();
        try (Connection connection = DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + pgPort + "/postgres", "postgres", password);
                PreparedStatement insert = connection.prepareStatement("""
                        insert into patient (id, nhs_number, given_name, family_name, date_of_birth, sex,
                            ethnic_category, address_line1, town, postcode, gp_practice_code, gp_practice_name,
                            created_at)
                        values (?, ?, 'Grace', 'Hopper', date '1936-12-09', 'FEMALE', 'A', '1 Quay Street',
                            'Weymouth', 'DT4 8AA', 'J81012', 'Weymouth Health Centre', now())""")) {
            insert.setObject(1, patientId);
            insert.setString(2, nhsNumber);
            assertThat(insert.executeUpdate()).isEqualTo(1);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
