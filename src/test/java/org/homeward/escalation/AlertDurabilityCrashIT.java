package org.homeward.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * No alert is lost when the application dies. The packaged application runs as its own process with its embedded
 * PostgreSQL and the demo service; readings that should alert are streamed to it; mid-stream the application and its
 * database are killed with SIGKILL, as in a power cut. After a restart on the same data, every reading that was
 * acknowledged has its alert on the board.
 */
class AlertDurabilityCrashIT {

    private static final String NURSE = "nurse";
    private static final String PASSWORD = "homeward-demo";

    @TempDir
    Path dataDir;

    private final ObjectMapper json = new ObjectMapper();
    private Process app;

    @AfterEach
    void stop() {
        killApplicationAndDatabase();
    }

    @Test
    void everyAcknowledgedReadingHasItsAlertAfterACrashAndRestart() throws Exception {
        int port = freePort();
        RestClient client = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeaders(h -> h.setBasicAuth(NURSE, PASSWORD)).build();
        start(port, "first");
        List<String> patients = admittedPatients(client);
        assertThat(patients).hasSizeGreaterThan(60);

        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean stopped = new AtomicBoolean();
        Thread stream = new Thread(() -> {
            for (String patient : patients) {
                if (stopped.get()) {
                    return;
                }
                try {
                    String body = client.post().uri("/api/v1/observations/batch").contentType(MediaType.APPLICATION_JSON)
                            .body(worryingReading(patient)).retrieve().body(String.class);
                    if (json.readTree(body).path("stored").asInt() == 1) {
                        acknowledged.add(patient);
                    }
                } catch (RuntimeException | IOException connectionLost) {
                    return;
                }
            }
        });
        stream.start();
        await().atMost(Duration.ofMinutes(2)).until(() -> acknowledged.size() >= 30);
        killApplicationAndDatabase();
        stopped.set(true);
        stream.join(Duration.ofMinutes(1).toMillis());
        assertThat(acknowledged.size()).as("killed mid-stream, not after it").isLessThan(patients.size());

        start(port, "after-crash");
        JsonNode open = json.readTree(client.get().uri("/api/v1/alerts").retrieve().body(String.class));
        Set<String> alerted = ConcurrentHashMap.newKeySet();
        open.forEach(alert -> alerted.add(alert.path("patientId").asText()));
        assertThat(alerted).as("every acknowledged reading's alert is on the board after the restart")
                .containsAll(acknowledged);
    }

    /** SpO2 88 % alerts for everyone: NEWS2 Scale 1 scores 3 (a red score), national PEWS scores 4 at every age. */
    private Map<String, Object> worryingReading(String patient) {
        return Map.of("readings", List.of(Map.of("id", UUID.randomUUID().toString(), "patientId", patient,
                "parameter", "OXYGEN_SATURATION", "value", 88, "recordedAt", Instant.now().minusSeconds(10).toString())));
    }

    private List<String> admittedPatients(RestClient client) throws IOException {
        List<String> patients = new ArrayList<>();
        JsonNode census = json.readTree(client.get().uri("/api/v1/census").retrieve().body(String.class));
        for (JsonNode ward : census.path("wards")) {
            JsonNode rows = json.readTree(client.get().uri("/api/v1/wards/" + ward.path("ward").path("id").asText() + "/census")
                    .retrieve().body(String.class)).path("rows");
            rows.forEach(row -> patients.add(row.path("patient").path("id").asText()));
        }
        return patients;
    }

    private void start(int port, String name) throws IOException {
        Path log = Files.createDirectories(Path.of("target", "crash-test")).resolve(name + ".log");
        String java = ProcessHandle.current().info().command().orElse("java");
        app = new ProcessBuilder(java, "-jar", jar().toString(), "--server.port=" + port,
                "--homeward.data-dir=" + dataDir, "--homeward.escalation.check-every=PT24H",
                // the UK Core validator is not used here; building it would take a core for 40 s per start; nor are
                // the demo discharges' virtual-ward summaries, each a PDF and a validation
                "--homeward.fhir.validation.warm-up-at-start=false", "--homeward.fhir.summary.publish-every=PT24H")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        RestClient health = RestClient.create("http://localhost:" + port);
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> health.get().uri("/actuator/health").retrieve().body(String.class).contains("UP"));
    }

    /** SIGKILL for the application and for the PostgreSQL server it started (which pg_ctl detached from it). */
    private void killApplicationAndDatabase() {
        if (app != null) {
            app.descendants().forEach(ProcessHandle::destroyForcibly);
            app.destroyForcibly();
            app.onExit().join();
            app = null;
        }
        String dir = dataDir.toAbsolutePath().toString();
        ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(line -> line.contains(dir)).orElse(false))
                .forEach(p -> {
                    p.destroyForcibly();
                    p.onExit().join();
                });
    }

    private static Path jar() {
        File[] jars = new File("target").listFiles((d, n) -> n.startsWith("homeward-") && n.endsWith(".jar"));
        assertThat(jars).as("the packaged application (failsafe runs after package)").hasSize(1);
        return jars[0].toPath();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
