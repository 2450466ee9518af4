package org.homeward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.kagkarlsson.scheduler.event.ExecutionChain;
import com.github.kagkarlsson.scheduler.event.ExecutionInterceptor;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.homeward.patient.PatientRecord;
import org.homeward.security.CurrentUser;
import org.homeward.security.Organisation;
import org.homeward.security.OrganisationType;
import org.homeward.security.Role;
import org.homeward.support.Api;
import org.homeward.support.Fixtures;
import org.homeward.support.PageSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two app nodes on one PostgreSQL (a server started from the embedded binaries, standing in for an external one), as
 * a service behind a load balancer runs them: a page session made on one node is good on the other (and the API makes
 * none), an alert raised through node A wakes a board open on node B (also after B's listening connection was cut),
 * each run of a scheduled job is taken by exactly one node, a dead node's run by a live one, and a system client's
 * access token issued by node A is good on node B (one signing key, in the database both share).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodesIT {

    Path workDir;
    EmbeddedPostgres server;
    Node a;
    Node b;

    /** One app node and what the test needs of it; {@code escalationRuns} counts the escalation job's runs here. */
    record Node(String name, ConfigurableApplicationContext app, AtomicInteger escalationRuns) {

        String baseUrl() {
            return "http://localhost:" + app.getEnvironment().getRequiredProperty("local.server.port");
        }
    }

    @BeforeAll
    void startTheServerAndTwoNodes() throws IOException {
        workDir = Files.createTempDirectory("homeward-two-nodes");
        server = EmbeddedPostgres.builder().setDataDirectory(workDir.resolve("pg")).start();
        // one after the other: the first migrates the database, the second finds it migrated
        a = start("node-a");
        b = start("node-b");
    }

    @AfterAll
    void stopEverything() throws IOException {
        for (Node node : new Node[] {b, a}) {
            if (node != null) {
                node.app().close();
            }
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aPageSessionMadeOnNodeAIsGoodOnNodeB() {
        CurrentUser nurse = fixtures().user(Role.CLINICIAN, fixtures().organisation(OrganisationType.COMMUNITY_PROVIDER));
        assertThat(PageSession.anonymous(b.baseUrl()).get("/alerts").location())
                .as("node B sends a stranger to sign in").endsWith("/login");

        PageSession onA = PageSession.signIn(a.baseUrl(), nurse);
        PageSession.Page onB = onA.on(b.baseUrl()).get("/alerts");

        assertThat(onB.status()).as("node B knows the session node A made").isEqualTo(200);
        assertThat(count("select count(*) from spring_session where principal_name = '" + nurse.username() + "'"))
                .as("the session is in the database").isEqualTo(1);
        assertThat(count("select max_inactive_interval from spring_session where principal_name = '"
                + nurse.username() + "'")).as("8 hours").isEqualTo(8 * 60 * 60);

        Api.RawResponse apiCall = b.app().getBean(Api.class).raw("GET", "/api/v1/alerts", nurse, null);
        assertThat(apiCall.status()).isEqualTo(200);
        assertThat(apiCall.header("Set-Cookie")).as("the API stays stateless").isEmpty();
        assertThat(count("select count(*) from spring_session where principal_name = '" + nurse.username() + "'"))
                .as("no session made for the API call").isEqualTo(1);
    }

    @Test
    void anAlertRaisedThroughNodeAReachesABoardOpenOnNodeB() throws Exception {
        CurrentUser nurse = fixtures().user(Role.CLINICIAN, fixtures().organisation(OrganisationType.COMMUNITY_PROVIDER));
        PatientRecord patient = fixtures().patient(nurse, LocalDate.of(1944, 2, 2));
        try (Board board = Board.open(b, PageSession.signIn(b.baseUrl(), nurse))) {
            assertThat(board.lines()).doesNotContain("event:alerts-changed");

            raiseAnAlertThroughNodeA(nurse, patient);

            await().atMost(Duration.ofSeconds(15)).until(() -> board.lines().contains("event:alerts-changed"));
        }
    }

    @Test
    void aNodeWhoseListeningConnectionIsCutListensAgainAndItsBoardsCatchUp() throws Exception {
        CurrentUser nurse = fixtures().user(Role.CLINICIAN, fixtures().organisation(OrganisationType.COMMUNITY_PROVIDER));
        PatientRecord patient = fixtures().patient(nurse, LocalDate.of(1950, 3, 3));
        try (Board board = Board.open(b, PageSession.signIn(b.baseUrl(), nurse))) {
            // as when PostgreSQL restarts or a firewall drops the connection: both nodes lose their listening connection
            assertThat(count("select count(pg_terminate_backend(pid)) from pg_stat_activity "
                    + "where application_name = 'homeward alert listener'")).isEqualTo(2);

            // changes made while it was not listening were not heard, so the boards are told to re-fetch once it is back
            await().atMost(Duration.ofSeconds(20)).until(() -> board.lines().contains("event:alerts-changed"));
            await().atMost(Duration.ofSeconds(20)).until(() -> count("select count(*) from pg_stat_activity "
                    + "where application_name = 'homeward alert listener'") == 2);
            board.lines().clear();

            raiseAnAlertThroughNodeA(nurse, patient);

            await().atMost(Duration.ofSeconds(15)).until(() -> board.lines().contains("event:alerts-changed"));
        }
    }

    @Test
    void failedSignInsThroughNodeALockTheUsernameOnNodeBToo() {
        CurrentUser nurse = fixtures().user(Role.CLINICIAN, fixtures().organisation(OrganisationType.COMMUNITY_PROVIDER));
        Api onA = a.app().getBean(Api.class);
        Api onB = b.app().getBean(Api.class);
        // a guesser spreading attempts across the nodes behind a load balancer: three on A, two on B
        List<Integer> wrong = Stream.of(onA, onA, onA, onB, onB)
                .map(node -> node.raw("GET", "/api/v1/alerts", nurse.username(), "not-the-password", null).status())
                .toList();
        assertThat(wrong).containsExactly(401, 401, 401, 401, 401);

        Api.RawResponse rightOnA = onA.raw("GET", "/api/v1/alerts", nurse.username(), Fixtures.PASSWORD, null);
        Api.RawResponse rightOnB = onB.raw("GET", "/api/v1/alerts", nurse.username(), Fixtures.PASSWORD, null);

        assertThat(rightOnA.status()).as("five failures counted across both nodes lock the username").isEqualTo(429);
        assertThat(rightOnB.status()).as(rightOnB.toString()).isEqualTo(429);
        assertThat(count("select count(*) from login_throttle where kind = 'ACCOUNT' and key = '" + nurse.username()
                + "' and locked_until is not null")).as("one lock, in the database both nodes read").isEqualTo(1);
    }

    @Test
    void aSystemClientsTokenIssuedByNodeAIsGoodOnNodeB() throws Exception {
        Organisation trust = fixtures().organisation(OrganisationType.ACUTE_TRUST);
        CurrentUser admin = fixtures().user(Role.ADMIN, trust);
        CurrentUser nurse = fixtures().user(Role.CLINICIAN, trust);
        PatientRecord patient = fixtures().patient(nurse, LocalDate.of(1947, 4, 4));
        RSAKey platformKey = new RSAKeyGenerator(2048).keyID("platform").keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS512).generate();
        HttpServer jwks = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        jwks.createContext("/jwks.json", exchange -> {
            byte[] body = new JWKSet(platformKey.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        jwks.start();
        try {
            Api.Response registered = a.app().getBean(Api.class).post(admin, "/api/v1/system-clients", Map.of(
                    "name", "Remote monitoring platform", "actsAs", nurse.username(),
                    "scopes", List.of("system/Patient.read"),
                    "jwkSetUrl", "http://127.0.0.1:" + jwks.getAddress().getPort() + "/jwks.json"));
            assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
            String clientId = registered.text("clientId");

            String tokenUrl = a.baseUrl() + "/oauth2/token";
            SignedJWT assertion = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS512).keyID("platform").build(),
                    new JWTClaimsSet.Builder().issuer(clientId).subject(clientId).audience(tokenUrl)
                            .jwtID(UUID.randomUUID().toString())
                            .expirationTime(Date.from(Instant.now().plusSeconds(300))).build());
            assertion.sign(new RSASSASigner(platformKey));
            HttpResponse<String> issued = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(tokenUrl))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=system/Patient.read"
                            + "&client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
                            + "&client_assertion=" + assertion.serialize())).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
            String token = new com.fasterxml.jackson.databind.ObjectMapper().readTree(issued.body())
                    .path("access_token").asText();

            HttpResponse<String> onB = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(b.baseUrl() + "/fhir/Patient/" + patient.summary().id()))
                    .header("Authorization", "Bearer " + token).header("Accept", "application/fhir+json").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(onB.statusCode()).as("node B checks node A's token with the key both share: " + onB.body())
                    .isEqualTo(200);
            assertThat(onB.body()).contains(patient.summary().nhsNumber().value());
            assertThat(count("select count(*) from oauth2_signing_key")).as("one key for both nodes").isEqualTo(1);
        } finally {
            jwks.stop(0);
        }
    }

    /** A live alert board as the page's EventSource holds it open, with every line it has been sent. */
    record Board(HttpResponse<Stream<String>> response, List<String> lines, CompletableFuture<Void> reading)
            implements AutoCloseable {

        static Board open(Node node, PageSession signedIn) throws IOException, InterruptedException {
            List<String> lines = new CopyOnWriteArrayList<>();
            HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(node.baseUrl() + "/alerts/stream"))
                            .header("Cookie", signedIn.cookie()).header("Accept", "text/event-stream").GET().build(),
                    HttpResponse.BodyHandlers.ofLines());
            assertThat(response.statusCode()).isEqualTo(200);
            // read on a thread of its own: the common pool has a single thread on a two-core machine
            Board board = new Board(response, lines, CompletableFuture.runAsync(
                    () -> response.body().forEach(lines::add), task -> {
                        Thread reader = new Thread(task, "board-on-" + node.name());
                        reader.setDaemon(true);
                        reader.start();
                    }));
            await().atMost(Duration.ofSeconds(10)).until(() -> lines.contains("event:connected"));
            return board;
        }

        @Override
        public void close() {
            response.body().close();
            reading.cancel(true);
        }
    }

    private void raiseAnAlertThroughNodeA(CurrentUser nurse, PatientRecord patient) {
        Api.Response sent = a.app().getBean(Api.class).post(nurse, "/api/v1/observations/batch",
                Map.of("readings", List.of(reading(patient, "RESPIRATORY_RATE", 26))));
        assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
        assertThat(count("select count(*) from alert where patient_id = '" + patient.summary().id() + "'"))
                .as("the reading raised an alert").isEqualTo(1);
    }

    @Test
    void eachRunOfTheEscalationJobIsTakenByExactlyOneNode() {
        int rounds = 4;
        int before = a.escalationRuns().get() + b.escalationRuns().get();
        for (int round = 1; round <= rounds; round++) {
            // make the job's next run due now, with both nodes polling for due runs every half second
            OffsetDateTime due = JdbcClient.create(server.getPostgresDatabase())
                    .sql("update scheduled_tasks set execution_time = now() where task_name = 'escalation-check' "
                            + "and not picked returning execution_time")
                    .query(OffsetDateTime.class).single();
            await().atMost(Duration.ofSeconds(20)).until(() -> count(
                    "select count(*) from scheduled_tasks where task_name = 'escalation-check' and not picked "
                            + "and last_success >= '" + due + "'") == 1);
            assertThat(a.escalationRuns().get() + b.escalationRuns().get())
                    .as("runs after round %d (node A %d, node B %d)", round, a.escalationRuns().get(),
                            b.escalationRuns().get())
                    .isEqualTo(before + round);
        }
        assertThat(count("select count(*) from scheduled_tasks where task_name = 'escalation-check'"))
                .as("one row for the job, shared by both nodes").isEqualTo(1);
    }

    @Test
    void aRunLeftPickedByANodeThatDiedIsRunByALiveNode() {
        int before = a.escalationRuns().get() + b.escalationRuns().get();
        // as a node killed mid-run leaves it: picked, by a node that no longer beats its heartbeat
        OffsetDateTime due = JdbcClient.create(server.getPostgresDatabase())
                .sql("update scheduled_tasks set picked = true, picked_by = 'node-killed', execution_time = now(), "
                        + "last_heartbeat = now() - interval '1 hour', version = version + 1 "
                        + "where task_name = 'escalation-check' and not picked returning execution_time")
                .query(OffsetDateTime.class).single();

        await().atMost(Duration.ofSeconds(30)).until(() -> count(
                "select count(*) from scheduled_tasks where task_name = 'escalation-check' and not picked "
                        + "and last_success >= '" + due + "'") == 1);
        assertThat(a.escalationRuns().get() + b.escalationRuns().get()).as("run once by a live node")
                .isEqualTo(before + 1);
    }

    private Fixtures fixtures() {
        return a.app().getBean(Fixtures.class);
    }

    private long count(String sql) {
        return JdbcClient.create(server.getPostgresDatabase()).sql(sql).query(Long.class).single();
    }

    private static Map<String, Object> reading(PatientRecord patient, String parameter, double value) {
        return Map.of("id", UUID.randomUUID().toString(), "patientId", patient.summary().id().toString(),
                "parameter", parameter, "value", value, "recordedAt", Instant.now().minusSeconds(5).toString());
    }

    private Node start(String name) {
        AtomicInteger escalationRuns = new AtomicInteger();
        ExecutionInterceptor counting = new ExecutionInterceptor() {
            @Override
            public CompletionHandler<?> execute(TaskInstance<?> instance, ExecutionContext context,
                    ExecutionChain chain) {
                if (instance.getTaskName().equals("escalation-check")) {
                    escalationRuns.incrementAndGet();
                }
                return chain.proceed(instance, context);
            }
        };
        ConfigurableApplicationContext app = new SpringApplicationBuilder(HomewardApplication.class, Fixtures.class,
                Api.class)
                .initializers(context -> context.getBeanFactory().registerSingleton("countingRuns", counting))
                .run("--spring.datasource.url=" + server.getJdbcUrl("postgres", "postgres"),
                        "--spring.datasource.username=postgres", "--spring.datasource.hikari.maximum-pool-size=4",
                        "--homeward.data-dir=" + workDir.resolve(name), "--homeward.demo-data=never",
                        "--server.port=0", "--spring.main.banner-mode=off",
                        "--db-scheduler.scheduler-name=" + name, "--db-scheduler.polling-interval=PT0.5S",
                        // a dead node's run is noticed after four missed heartbeats: seconds here, a minute in service
                        "--db-scheduler.heartbeat-interval=PT1S");
        return new Node(name, app, escalationRuns);
    }
}
