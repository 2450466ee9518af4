package org.homeward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.homeward.patient.PatientRecord;
import org.homeward.security.CurrentUser;
import org.homeward.security.OrganisationType;
import org.homeward.security.Role;
import org.homeward.shared.DatabaseUnavailable;
import org.homeward.support.Fixtures;
import org.homeward.support.PageSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * When PostgreSQL goes away, device batches are told 503 with Retry-After (never 401, which would tell a gateway
 * its credentials are wrong), health says DOWN, and when the server is back the application carries on by itself
 * with every reading it acknowledged before, and its alert, still there. Once with an external server restarted by
 * its operator, once with the embedded server whose postmaster is killed and which the application starts again.
 */
class DatabaseOutageIT {

    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path serverDir;

    @TempDir
    Path appDataDir;

    private EmbeddedPostgres externalServer;
    private ConfigurableApplicationContext app;

    @AfterEach
    void stopEverything() throws IOException {
        if (app != null) {
            app.close();
        }
        if (externalServer != null) {
            externalServer.close();
        }
    }

    @Test
    void externalServerRestartedAnswers503ThenRecoversWithEveryAcknowledgedReading() throws Exception {
        int pgPort = CrashRecoveryIT.freePort();
        externalServer = startExternalServer(pgPort);
        app = new SpringApplicationBuilder(HomewardApplication.class).run(
                "--spring.datasource.url=" + externalServer.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres", "--homeward.data-dir=" + appDataDir, "--server.port=0",
                "--homeward.demo-data=never", "--spring.main.banner-mode=off");
        Device device = device(app);
        assertThat(device.send(89).statusCode()).isEqualTo(200);
        assertThat(device.send(88).statusCode()).isEqualTo(200);
        String baseUrl = "http://localhost:" + device.port;
        PageSession clinician = PageSession.signIn(baseUrl, device.user);
        PageSession stranger = PageSession.anonymous(baseUrl);
        PageSession.Page signInForm = stranger.get("/login"); // opened before the outage, submitted during it

        externalServer.close();

        PageSession.Page page = clinician.get("/");
        assertThat(page.status()).as("a page: the error page with 503").isEqualTo(503);
        assertThat(page.testId("error-title")).isNotBlank();
        // sessions live in the database, so even the sign-in page cannot be served: the error page, not a 500
        PageSession.Page loginPage = PageSession.anonymous(baseUrl).get("/login");
        assertThat(loginPage.status()).as("the sign-in page during the outage").isEqualTo(503);
        assertThat(loginPage.testId("error-title")).isEqualTo(DatabaseUnavailable.TITLE);
        PageSession.Page signIn = stranger.submit(signInForm, "form",
                Map.of("username", device.user.username(), "password", Fixtures.PASSWORD));
        assertThat(signIn.status()).as("sign-in while the database is down: 503, not 'wrong password'")
                .isEqualTo(503);

        HttpResponse<String> refused = device.send(87);
        assertThat(refused.statusCode()).as("not 401: the credentials are not wrong").isEqualTo(503);
        assertThat(refused.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(refused.headers().firstValue("Retry-After")).contains("10");
        assertThat(refused.body()).contains("\"status\":503").doesNotContain("Sign in");
        assertThat(health(device.port)).as("health DOWN").contains(503);

        externalServer = startExternalServer(pgPort);

        await("the application reconnected").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> health(device.port).equals(Optional.of(200)));
        assertThat(device.send(86).statusCode()).isEqualTo(200);
        JdbcClient jdbc = JdbcClient.create(externalServer.getPostgresDatabase());
        assertThat(jdbc.sql("select count(*) from observation_reading where patient_id = ?").param(device.patientId)
                .query(Long.class).single()).as("the two acknowledged before, the one after; not the refused one")
                .isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from alert where patient_id = ? and status <> 'CLOSED'")
                .param(device.patientId).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void embeddedServerWhosePostmasterIsKilledIsStartedAgainWithItsData() throws Exception {
        app = new SpringApplicationBuilder(HomewardApplication.class).run(
                "--homeward.data-dir=" + appDataDir, "--server.port=0", "--homeward.demo-data=never",
                "--homeward.embedded-db.clean-on-start=false", "--homeward.embedded-db.watchdog-interval=PT1S",
                "--spring.main.banner-mode=off");
        Device device = device(app);
        assertThat(device.send(89).statusCode()).isEqualTo(200);
        Path pgData = appDataDir.resolve("postgres");
        long killedPid = EmbeddedPostmaster.pidOf(pgData).orElseThrow();
        ProcessHandle postmaster = ProcessHandle.of(killedPid).orElseThrow();

        postmaster.destroyForcibly(); // kill -9 of the postmaster
        postmaster.onExit().join();

        await("a new postmaster on the same folder").atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> EmbeddedPostmaster.runningOn(pgData).map(p -> p.pid() != killedPid).orElse(false));
        await("healthy again").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> health(device.port).equals(Optional.of(200)));
        await("batches accepted again").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> device.send(88).statusCode() == 200);
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        assertThat(jdbc.sql("select count(*) from observation_reading where patient_id = ?").param(device.patientId)
                .query(Long.class).single()).isGreaterThanOrEqualTo(2);
        assertThat(jdbc.sql("select count(*) from alert where patient_id = ? and status <> 'CLOSED'")
                .param(device.patientId).query(Long.class).single()).isEqualTo(1);
    }

    /** Started again on the same folder and port, as an operator restarting the server would. */
    private EmbeddedPostgres startExternalServer(int port) throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(serverDir.resolve("pg")).setCleanDataDirectory(false)
                .setPort(port).setServerConfig("synchronous_commit", "on").start();
    }

    /** A device gateway's account and one patient whose oxygen saturation it reports. */
    private static Device device(ConfigurableApplicationContext app) {
        Fixtures fixtures = app.getAutowireCapableBeanFactory().createBean(Fixtures.class);
        CurrentUser hub = fixtures.user(Role.CLINICIAN, fixtures.organisation(OrganisationType.COMMUNITY_PROVIDER));
        PatientRecord patient = fixtures.patient(hub, LocalDate.of(1942, 3, 4));
        int port = Integer.parseInt(app.getEnvironment().getRequiredProperty("local.server.port"));
        return new Device(port, hub, patient.summary().id().value());
    }

    private record Device(int port, CurrentUser user, UUID patientId) {

        HttpResponse<String> send(int oxygenSaturation) throws Exception {
            String body = """
                    {"readings": [{"id": "%s", "patientId": "%s", "parameter": "OXYGEN_SATURATION", "value": %d,
                      "recordedAt": "%s"}]}""".formatted(UUID.randomUUID(), patientId, oxygenSaturation,
                    Instant.now().minusSeconds(5));
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                            + "/api/v1/observations/batch")).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            (user.username() + ":" + Fixtures.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private static Optional<Integer> health(int port) {
        try {
            return Optional.of(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/actuator/health")).timeout(Duration.ofSeconds(15)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode());
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
