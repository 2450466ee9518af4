import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Crash benchmark (issue 10): does Homeward lose an acknowledged reading, or the alert for an acknowledged worrying
 * set, when the app or its database is killed mid-stream, and how long until it is healthy again?
 *
 * <p>Starts the packaged app itself (demo data, fresh data folder), sends device batches at a set rate as the demo
 * user {@code nurse} (HTTP Basic), each reading with its own client id, and remembers the ids of every reading in a
 * batch that got a 2xx. Every few seconds one batch also carries a worrying set (NEWS2 14) for a "probe" patient who
 * had no alert. Mid-stream it kill -9s the app (mode {@code app}) or the PostgreSQL postmaster (mode {@code db}, pid
 * from {@code <data>/postgres/postmaster.pid}), restarts what has to be restarted, and times kill to
 * {@code /actuator/health} UP. In mode db it first gives the app {@code selfHealSeconds} to restore its own database;
 * if it does not, that is recorded and the app is restarted. A start that fails is retried and counted. At the end it
 * asks the database (JDBC, with the generated password if the data folder has one) which acknowledged readings and
 * which probe patients' alerts are missing.
 *
 * <p>JDK only, plus the PostgreSQL driver on the class path (run-crash.sh takes it from the packaged jar):
 * {@code java -cp postgresql.jar bench/CrashRecovery.java <jar> <mode app|db> <kills> <readings/s> <seconds between kills>}
 */
public class CrashRecovery {

    static final int PORT = 18191;
    static final String BASE = "http://localhost:" + PORT;
    static final String AUTH = "Basic " + Base64.getEncoder().encodeToString("nurse:homeward-demo".getBytes(StandardCharsets.UTF_8));
    static final Pattern STORED = Pattern.compile("\"stored\":(\\d+)");

    final Path jar;
    final Path data;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    Process app;
    int appStarts;

    CrashRecovery(Path jar, Path data) {
        this.jar = jar;
        this.data = data;
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        String mode = args[1];
        int kills = Integer.parseInt(args[2]);
        int readingsPerSecond = Integer.parseInt(args[3]);
        int secondsBetweenKills = Integer.parseInt(args[4]);
        int selfHealSeconds = args.length > 5 ? Integer.parseInt(args[5]) : 60;
        Path data = args.length > 6 ? Path.of(args[6]) : Files.createTempDirectory("homeward-crash-");
        if (!mode.equals("app") && !mode.equals("db")) {
            throw new IllegalArgumentException("mode is app or db, not " + mode);
        }
        new CrashRecovery(jar, data).run(mode, kills, readingsPerSecond, secondsBetweenKills, selfHealSeconds);
    }

    void run(String mode, int kills, int readingsPerSecond, int secondsBetweenKills, int selfHealSeconds) throws Exception {
        System.out.printf("data=%s mode=%s kills=%d rate=%d readings/s every=%d s%n", data, mode, kills, readingsPerSecond,
                secondsBetweenKills);
        Recovery first = startUntilHealthy(System.nanoTime());
        System.out.printf("first start: healthy after %.1f s, %d start(s)%n", first.seconds(), first.starts());

        List<String> adults = admittedAdults();
        Set<String> alerted = patientsWithAlerts();
        List<String> candidates = new ArrayList<>(adults);
        candidates.removeAll(alerted);
        Collections.shuffle(candidates, new Random(3));
        // half the patients with no alert are probes (one worrying set each); the rest and the alerted send normal sets
        List<String> probes = new ArrayList<>(candidates.subList(0, candidates.size() / 2));
        List<String> background = new ArrayList<>(adults);
        background.removeAll(probes);
        System.out.printf("adult patients=%d probes available=%d background=%d%n", adults.size(), probes.size(), background.size());

        Sender sender = new Sender(readingsPerSecond, background, probes);
        Thread sending = new Thread(sender, "sender");
        sending.start();

        List<Recovery> recoveries = new ArrayList<>();
        int notSelfHealed = 0;
        for (int k = 1; k <= kills; k++) {
            waitSeconds(secondsBetweenKills);
            long killedAt = System.nanoTime();
            if (mode.equals("app")) {
                app.destroyForcibly(); // SIGKILL: no shutdown hook runs, the embedded PostgreSQL is left as it is
                app.waitFor();
                System.out.printf("kill %d: app killed (kill -9) with %d readings acknowledged so far%n", k, sender.acknowledged.size());
                recoveries.add(startUntilHealthy(killedAt));
            } else {
                long pid = postmasterPid();
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
                System.out.printf("kill %d: postmaster %d killed (kill -9) with %d readings acknowledged so far%n", k, pid,
                        sender.acknowledged.size());
                Recovery healed = waitForSelfHeal(killedAt, selfHealSeconds);
                if (healed != null) {
                    recoveries.add(healed);
                } else {
                    notSelfHealed++;
                    System.out.printf("kill %d: app did not restore its database within %d s; restarting the app%n", k, selfHealSeconds);
                    stopApp();
                    recoveries.add(startUntilHealthy(killedAt));
                }
            }
            Recovery r = recoveries.get(recoveries.size() - 1);
            System.out.printf("kill %d: healthy %.1f s after the kill, %d app start(s)%s%n", k, r.seconds(), r.starts(),
                    r.selfHealed() ? " (restored by the app itself)" : "");
        }
        waitSeconds(5); // a little traffic after the last recovery, so it is shown to accept readings again
        sender.running.set(false);
        sending.join();

        long lost = countMissingReadings(sender.acknowledged);
        long alertsMissing = countMissingAlerts(sender.acknowledgedProbes);
        stopApp();
        stopLeftoverPostgres();

        List<Double> times = recoveries.stream().map(Recovery::seconds).sorted().toList();
        List<Integer> starts = recoveries.stream().map(Recovery::starts).toList();
        System.out.printf("batches sent=%d acknowledged=%d failed_or_unanswered=%d (not acknowledged, so not counted)%n",
                sender.sent.get(), sender.ackedBatches.get(), sender.failedBatches.get());
        System.out.printf("not acknowledged, by answer: %s%n", sender.failures);
        System.out.printf("SUMMARY mode=%s runs=%d acknowledged=%d lost=%d probes_acknowledged=%d alerts_missing=%d "
                        + "time_to_healthy_s min=%.1f median=%.1f max=%.1f starts_needed=%s not_self_healed=%s%n",
                mode, kills, sender.acknowledged.size(), lost, sender.acknowledgedProbes.size(), alertsMissing,
                times.get(0), times.get(times.size() / 2), times.get(times.size() - 1), starts,
                mode.equals("db") ? notSelfHealed + "/" + kills : "n/a");
        System.exit(0);
    }

    record Recovery(double seconds, int starts, boolean selfHealed) {
    }

    /** Starts the app until one start becomes healthy; a start whose process exits is counted and retried. */
    Recovery startUntilHealthy(long since) throws Exception {
        for (int attempt = 1; attempt <= 5; attempt++) {
            appStarts++;
            Path log = data.resolve("app-" + appStarts + ".log");
            app = new ProcessBuilder("java", "-jar", jar.toString(), "--server.port=" + PORT,
                    "--homeward.data-dir=" + data, "--homeward.escalation.check-every=PT24H")
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
            while (System.nanoTime() < deadline && app.isAlive()) {
                if (healthy()) {
                    return new Recovery((System.nanoTime() - since) / 1e9, attempt, false);
                }
                TimeUnit.MILLISECONDS.sleep(250);
            }
            System.out.printf("  start %d failed (%s; see %s)%n", attempt, app.isAlive() ? "not healthy in 300 s"
                    : "exited with " + app.exitValue(), log);
            stopApp();
        }
        throw new IllegalStateException("the app did not become healthy in 5 starts; see " + data);
    }

    /** Mode db: health UP again with the same app process, within the allowed time; null if not. */
    Recovery waitForSelfHeal(long since, int seconds) throws Exception {
        TimeUnit.SECONDS.sleep(1); // let the health endpoint see the loss before asking whether it is back
        long deadline = since + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline && app.isAlive()) {
            if (healthy()) {
                return new Recovery((System.nanoTime() - since) / 1e9, 0, true);
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
        return null;
    }

    boolean healthy() {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(BASE + "/actuator/health"))
                    .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 && r.body().contains("\"UP\"");
        } catch (Exception e) {
            return false;
        }
    }

    /** A polite stop (SIGTERM, as an operator would), then kill -9 if it hangs; and any postgres it left behind. */
    void stopApp() throws Exception {
        if (app != null && app.isAlive()) {
            app.destroy();
            if (!app.waitFor(30, TimeUnit.SECONDS)) {
                app.destroyForcibly();
                app.waitFor();
            }
        }
    }

    /** A postmaster still running on this data folder once the app is stopped (an orphan of a kill -9). */
    void stopLeftoverPostgres() throws Exception {
        Path pidFile = data.resolve("postgres").resolve("postmaster.pid");
        if (Files.exists(pidFile)) {
            ProcessHandle.of(postmasterPid()).filter(p -> p.info().command().orElse("").endsWith("postgres"))
                    .ifPresent(p -> {
                        System.out.printf("stopping a PostgreSQL left running on %s (pid %d)%n", data, p.pid());
                        p.destroy();
                    });
        }
    }

    long postmasterPid() throws Exception {
        return Long.parseLong(Files.readAllLines(data.resolve("postgres").resolve("postmaster.pid")).get(0).strip());
    }

    Connection database() throws Exception {
        List<String> pid = Files.readAllLines(data.resolve("postgres").resolve("postmaster.pid"));
        Properties properties = new Properties();
        properties.setProperty("user", "postgres");
        Path passwordFile = data.resolve("postgres-password");
        if (Files.exists(passwordFile)) {
            properties.setProperty("password", Files.readString(passwordFile).strip());
        }
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + pid.get(3).strip() + "/postgres", properties);
    }

    Set<String> patientsWithAlerts() throws Exception {
        Set<String> ids = new HashSet<>();
        try (Connection c = database(); ResultSet r = c.createStatement().executeQuery("select distinct patient_id::text from alert")) {
            while (r.next()) {
                ids.add(r.getString(1));
            }
        }
        return ids;
    }

    long countMissingReadings(ConcurrentLinkedQueue<String> acknowledged) throws Exception {
        try (Connection c = database(); PreparedStatement s = c.prepareStatement("""
                select count(*) from unnest(?::text[]) as acked(client_id)
                where not exists (select 1 from observation_reading o
                                  where o.received_by = 'nurse' and o.client_id = acked.client_id)""")) {
            Array ids = c.createArrayOf("text", acknowledged.toArray());
            s.setArray(1, ids);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    long countMissingAlerts(ConcurrentLinkedQueue<String> probePatients) throws Exception {
        try (Connection c = database(); PreparedStatement s = c.prepareStatement("""
                select count(*) from unnest(?::uuid[]) as probe(patient_id)
                where not exists (select 1 from alert a where a.patient_id = probe.patient_id
                                  and a.severity in ('HIGH', 'EMERGENCY'))""")) {
            s.setArray(1, c.createArrayOf("uuid", probePatients.stream().map(UUID::fromString).toArray()));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    List<String> admittedAdults() throws Exception {
        List<String> ids = new ArrayList<>();
        String census = get("/api/v1/census");
        Matcher wards = Pattern.compile("\"ward\":\\{\"id\":\"([0-9a-f-]{36})\"").matcher(census);
        while (wards.find()) {
            Matcher rows = Pattern.compile("\"patient\":\\{\"id\":\"([0-9a-f-]{36})\".*?\"ageYears\":(\\d+)")
                    .matcher(get("/api/v1/wards/" + wards.group(1) + "/census"));
            while (rows.find()) {
                if (Integer.parseInt(rows.group(2)) >= 16) {
                    ids.add(rows.group(1));
                }
            }
        }
        return ids;
    }

    String get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(BASE + path)).header("Authorization", AUTH).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    static void waitSeconds(int seconds) throws InterruptedException {
        TimeUnit.SECONDS.sleep(seconds); // the harness waits out its own schedule; the app is what is measured
    }

    /**
     * Ten batches a second, one at a time (a gateway waits for its answer), each of rate/10 readings; every 3 s one
     * batch also carries a probe patient's worrying set. A batch that fails or times out is not acknowledged, so its
     * readings are not counted either way (a real gateway would resend them with the same ids).
     */
    final class Sender implements Runnable {
        final int perBatch;
        final List<String> background;
        final List<String> probes;
        final AtomicBoolean running = new AtomicBoolean(true);
        final ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<String> acknowledgedProbes = new ConcurrentLinkedQueue<>();
        final AtomicLong sent = new AtomicLong();
        final AtomicLong ackedBatches = new AtomicLong();
        final AtomicLong failedBatches = new AtomicLong();
        /** What the batches that were not acknowledged got: an HTTP status, or the exception (refused, timed out). */
        final java.util.Map<String, AtomicLong> failures = new java.util.concurrent.ConcurrentSkipListMap<>();
        final Random random = new Random(11);
        int nextProbe;

        Sender(int readingsPerSecond, List<String> background, List<String> probes) {
            this.perBatch = Math.max(5, readingsPerSecond / 10);
            this.background = background;
            this.probes = probes;
        }

        @Override
        public void run() {
            long tick = 0;
            long next = System.nanoTime();
            while (running.get()) {
                String probe = tick % 30 == 0 && nextProbe < probes.size() ? probes.get(nextProbe++) : null;
                List<String> ids = new ArrayList<>();
                String body = batch(probe, ids);
                sent.incrementAndGet();
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(BASE + "/api/v1/observations/batch"))
                            .timeout(Duration.ofSeconds(10)).header("Authorization", AUTH).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                    Matcher m = STORED.matcher(r.body());
                    if (r.statusCode() / 100 == 2 && m.find() && Integer.parseInt(m.group(1)) == ids.size()) {
                        acknowledged.addAll(ids);
                        ackedBatches.incrementAndGet();
                        if (probe != null) {
                            acknowledgedProbes.add(probe);
                        }
                    } else {
                        failedBatches.incrementAndGet();
                        failures.computeIfAbsent("http " + r.statusCode(), k -> new AtomicLong()).incrementAndGet();
                    }
                } catch (Exception e) {
                    failedBatches.incrementAndGet();
                    failures.computeIfAbsent(e.getClass().getSimpleName(), k -> new AtomicLong()).incrementAndGet();
                }
                tick++;
                next += TimeUnit.MILLISECONDS.toNanos(100);
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    try {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    } catch (InterruptedException e) {
                        return;
                    }
                } else {
                    next = System.nanoTime(); // after an outage, carry on at the set rate rather than bursting to catch up
                }
            }
        }

        /** Normal sets (NEWS2 0) for background patients and, if given, the probe's worrying set (NEWS2 14). */
        String batch(String probe, List<String> ids) {
            Instant now = Instant.now().minusSeconds(1);
            StringBuilder json = new StringBuilder("{\"readings\":[");
            if (probe != null) {
                double[] values = {26, 90, 88, 135, 39.5};
                for (int i = 0; i < 5; i++) {
                    append(json, ids, probe, i, values[i], now);
                }
            }
            while (ids.size() < perBatch + (probe == null ? 0 : 5)) {
                String patient = background.get(random.nextInt(background.size()));
                double[] values = {12 + random.nextInt(9), 96 + random.nextInt(5), 111 + random.nextInt(100),
                        51 + random.nextInt(40), 36.1 + random.nextInt(20) / 10.0};
                for (int i = 0; i < 5; i++) {
                    append(json, ids, patient, i, values[i], now);
                }
            }
            return json.append("]}").toString();
        }

        void append(StringBuilder json, List<String> ids, String patient, int parameter, double value, Instant at) {
            String id = UUID.randomUUID().toString();
            ids.add(id);
            json.append(ids.size() == 1 ? "" : ",").append("{\"id\":\"").append(id).append("\",\"patientId\":\"")
                    .append(patient).append("\",\"parameter\":\"").append(PARAMETERS[parameter]).append("\",\"value\":")
                    .append(value).append(",\"recordedAt\":\"").append(at).append("\",\"deviceId\":\"hub-crash\"}");
        }
    }

    /** The five NEWS2 vital signs, in the order the value arrays above list them. */
    static final String[] PARAMETERS = {"RESPIRATORY_RATE", "OXYGEN_SATURATION", "SYSTOLIC_BLOOD_PRESSURE",
            "HEART_RATE", "TEMPERATURE"};
}
