package org.homeward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.homeward.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * On shutdown the web server stops taking requests and lets those in flight finish before the connection pool and
 * the embedded PostgreSQL are closed, so a request that was being answered when the shutdown began still commits
 * its write and gets its answer. The request is held in flight by a test-only servlet until the shutdown has begun.
 */
class GracefulShutdownIT {

    @TempDir
    Path dataDir;

    private final CountDownLatch requestArrived = new CountDownLatch(1);
    private final CountDownLatch shutdownBegun = new CountDownLatch(1);

    @Test
    void aRequestInFlightWhenTheApplicationIsClosedCompletesAndItsWriteIsCommitted() throws Exception {
        UUID patientId = UUID.randomUUID();
        String nhsNumber = Fixtures.newNhsNumber();
        ConfigurableApplicationContext app = new SpringApplicationBuilder(HomewardApplication.class)
                .initializers(context -> {
                    context.addApplicationListener(event -> {
                        if (event instanceof ContextClosedEvent) {
                            shutdownBegun.countDown();
                        }
                    });
                    // /home/** needs no sign-in (a GET: no CSRF token either); registered by hand so that no other test's context scans it
                    context.getBeanFactory().registerSingleton("heldRequest", new ServletRegistrationBean<>(
                            new HeldRequest(context, patientId, nhsNumber), "/home/held-for-shutdown-test"));
                })
                .run("--homeward.data-dir=" + dataDir, "--server.port=0", "--homeward.demo-data=never",
                        "--homeward.embedded-db.clean-on-start=false", "--spring.main.banner-mode=off");
        CompletableFuture<Void> closed = null;
        try {
            int port = Integer.parseInt(app.getEnvironment().getRequiredProperty("local.server.port"));
            CompletableFuture<HttpResponse<String>> inFlight = HttpClient.newHttpClient().sendAsync(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/home/held-for-shutdown-test"))
                            .GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(requestArrived.await(60, TimeUnit.SECONDS)).as("request in flight").isTrue();

            closed = CompletableFuture.runAsync(app::close);

            HttpResponse<String> answer = inFlight.get(90, TimeUnit.SECONDS);
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo("stored");
            closed.get(90, TimeUnit.SECONDS);
        } finally {
            if (closed == null) {
                app.close();
            }
        }

        // the application and its database are gone; open the data folder again to read what was committed
        EmbeddedDatabasePassword password = EmbeddedDatabasePassword.readOrCreate(dataDir);
        try (EmbeddedPostgres database = password.applyTo(EmbeddedPostgres.builder())
                .setDataDirectory(dataDir.resolve("postgres")).setCleanDataDirectory(false).start()) {
            assertThat(JdbcClient.create(database.getPostgresDatabase())
                    .sql("select nhs_number from patient where id = ?").param(patientId).query(String.class)
                    .optional()).as("the in-flight request's write was committed").contains(nhsNumber);
        }
    }

    private static boolean acceptsConnections(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 1000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    /** Says it has arrived, waits until the web server's shutdown has begun, then writes a patient and answers. */
    private final class HeldRequest extends HttpServlet {

        private final ConfigurableApplicationContext context;
        private final UUID patientId;
        private final String nhsNumber;

        HeldRequest(ConfigurableApplicationContext context, UUID patientId, String nhsNumber) {
            this.context = context;
            this.patientId = patientId;
            this.nhsNumber = nhsNumber;
        }

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            requestArrived.countDown();
            try {
                if (!shutdownBegun.await(60, TimeUnit.SECONDS)) {
                    response.sendError(500, "shutdown never began");
                    return;
                }
                // and on until the web server has stopped taking new connections: its shutdown is under way
                int port = request.getLocalPort();
                await("the web server refusing new connections").atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(100)).until(() -> !acceptsConnections(port));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                response.sendError(500, "interrupted");
                return;
            }
            jdbc.sql("""
                    insert into patient (id, nhs_number, given_name, family_name, date_of_birth, sex, ethnic_category,
                        address_line1, town, postcode, gp_practice_code, gp_practice_name, created_at)
                    values (?, ?, 'Mary', 'Seacole', date '1935-11-23', 'FEMALE', 'A', '2 Quay Street', 'Weymouth',
                        'DT4 8AA', 'J81012', 'Weymouth Health Centre', now())""")
                    .params(patientId, nhsNumber).update();
            // the whole answer leaves before the servlet returns: Tomcat counts a request as active only until its
            // servlet returns, and finishes the response after that, so an unflushed answer could still be cut off
            // by the server stopping in that gap (the write above is committed either way)
            response.setContentLength("stored".length());
            response.getWriter().write("stored");
            response.flushBuffer();
        }
    }
}
