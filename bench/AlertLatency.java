import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Alert latency under load: posts device readings to POST /api/v1/observations/batch at a steady rate (normal vital
 * signs for most patients) and, a few times a second, a worrying set (NEWS2 14) for a "probe" patient who has no open
 * alert. Before that, optionally, a LOW alert (respiratory rate 26, a 3 in one parameter) is raised for {@code hold}
 * other patients, so the board already holds that many open alerts. A signed-in alert board listens on /alerts/stream
 * (server-sent events) and does what the board page's script (/js/alert-board.js) does: on connecting it reads the
 * whole board (/alerts/rows); on each event it asks for just the alerts the event names (/alerts/changes?ids=...),
 * one request at a time, the ids named meanwhile asked for together next ("all" reads the whole board again). For
 * each probe it reports the time from the batch's 2xx reaching the sender to the probe patient's row appearing in
 * the HTML the board received; a probe whose row never appears is "missing".
 * JDK only: {@code java bench/AlertLatency.java http://localhost:18181 nurse homeward-demo 1000 60 2 1000}.
 */
public class AlertLatency {

    private static final int BATCH = 100;
    private static final Pattern PATIENT_LINK = Pattern.compile("/patients/([0-9a-f-]{36})");

    record Probe(String patient, long sentNanos, AtomicLong ackNanos, AtomicLong seenNanos) {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String username = args[1];
        String password = args[2];
        int readingsPerSecond = Integer.parseInt(args[3]);
        int seconds = Integer.parseInt(args[4]);
        int probesPerSecond = Integer.parseInt(args[5]);
        int hold = args.length > 6 ? Integer.parseInt(args[6]) : 0;
        String auth = "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

        // adults only: the generated vital signs are an adult's, and scored with NEWS2
        List<String> patients = IngestLoad.admittedPatients(http, base, auth, 16);
        int probeCount = probesPerSecond * seconds;
        if (patients.size() < probeCount + 100) {
            throw new IllegalStateException("need at least " + (probeCount + 100) + " admitted patients, found "
                    + patients.size() + ": load a bigger demo (HOMEWARD_DEMO_SCALE) or probe less");
        }
        Collections.shuffle(patients, new Random(7));
        List<String> probePatients = patients.subList(0, probeCount);
        List<String> background = patients.subList(probeCount, patients.size());

        int holders = Math.min(hold, background.size());
        for (int from = 0; from < holders; from += BATCH) {
            List<String> some = background.subList(from, Math.min(holders, from + BATCH));
            StringBuilder json = new StringBuilder("{\"readings\":[");
            int n = 0;
            for (String patient : some) {
                n = append(json, n, patient, "RESPIRATORY_RATE", 26, Instant.now());
            }
            HttpResponse<String> held = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/observations/batch"))
                    .header("Authorization", auth).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.append("]}").toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (held.statusCode() != 200) {
                throw new IllegalStateException("could not raise the alerts the board is to hold: " + held.statusCode());
            }
        }

        Map<String, Probe> probes = new ConcurrentHashMap<>();
        Board board = new Board(http, base, username, password, probes);
        board.start();
        System.out.printf("board_rows_at_start=%d (open alerts raised to hold: %d)%n", board.rowsAtStart(), holders);

        int ticksPerSecond = Math.max(1, readingsPerSecond / BATCH);
        int probeEvery = Math.max(1, ticksPerSecond / Math.max(1, probesPerSecond));
        AtomicInteger tick = new AtomicInteger();
        AtomicInteger nextProbe = new AtomicInteger();
        AtomicLong stored = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        List<Long> requestNanos = Collections.synchronizedList(new ArrayList<>());
        Random random = new Random(11);
        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
        long started = System.nanoTime();
        pacer.scheduleAtFixedRate(() -> {
            int t = tick.getAndIncrement();
            if (t >= ticksPerSecond * seconds) {
                return;
            }
            Probe probe = null;
            if (probesPerSecond > 0 && t % probeEvery == 0 && nextProbe.get() < probePatients.size()) {
                String patient = probePatients.get(nextProbe.getAndIncrement());
                probe = new Probe(patient, System.nanoTime(), new AtomicLong(), new AtomicLong());
                probes.put(patient, probe);
            }
            String body = batch(random, background, probe == null ? null : probe.patient());
            Probe sent = probe;
            long t0 = System.nanoTime();
            http.sendAsync(HttpRequest.newBuilder(URI.create(base + "/api/v1/observations/batch"))
                            .header("Authorization", auth).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString())
                    .whenComplete((response, error) -> {
                        long now = System.nanoTime();
                        requestNanos.add(now - t0);
                        Matcher m = error == null ? Pattern.compile("\"stored\":(\\d+)").matcher(response.body()) : null;
                        if (error == null && response.statusCode() == 200 && m.find()) {
                            stored.addAndGet(Long.parseLong(m.group(1)));
                            if (sent != null) {
                                sent.ackNanos().set(now);
                            }
                        } else {
                            failed.incrementAndGet();
                        }
                    });
        }, 0, 1000 / ticksPerSecond, TimeUnit.MILLISECONDS);
        long end = started + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            TimeUnit.MILLISECONDS.sleep(200); // the harness waits out its own run; the app is what is measured
        }
        pacer.shutdown();
        double elapsed = (System.nanoTime() - started) / 1e9;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline && probes.values().stream().anyMatch(p -> p.seenNanos().get() == 0)) {
            board.refresh();
            TimeUnit.MILLISECONDS.sleep(100);
        }
        board.stop();

        List<Long> latencies = new ArrayList<>();
        int missing = 0;
        int unacknowledged = 0;
        for (Probe p : probes.values()) {
            if (p.ackNanos().get() == 0) {
                unacknowledged++;
            } else if (p.seenNanos().get() == 0) {
                missing++;
            } else {
                // the board can see the row before the sender has read the 2xx: that is a latency of 0
                latencies.add(Math.max(0, p.seenNanos().get() - p.ackNanos().get()));
            }
        }
        Collections.sort(latencies);
        List<Long> requests = new ArrayList<>(requestNanos);
        Collections.sort(requests);
        System.out.printf("target_readings_per_s=%d batches_per_s=%d elapsed_s=%.1f stored=%d stored_per_s=%.0f failed_requests=%d%n",
                readingsPerSecond, ticksPerSecond, elapsed, stored.get(), stored.get() / elapsed, failed.get());
        System.out.printf("request_latency_ms p50=%.1f p99=%.1f max=%.1f%n", IngestLoad.pct(requests, 50),
                IngestLoad.pct(requests, 99), requests.isEmpty() ? 0 : requests.get(requests.size() - 1) / 1e6);
        System.out.printf("probes=%d not_acknowledged=%d missing_from_board=%d board_events=%d board_fetches=%d%n",
                probes.size(), unacknowledged, missing, board.events.get(), board.fetches.get());
        System.out.printf("alert_latency_ms (2xx -> row on board) p50=%.1f p99=%.1f max=%.1f%n",
                IngestLoad.pct(latencies, 50), IngestLoad.pct(latencies, 99),
                latencies.isEmpty() ? 0 : latencies.get(latencies.size() - 1) / 1e6);
        System.exit(0);
    }

    /** 100 readings: complete normal sets (NEWS2 0) for background patients, and the probe's worrying set if any. */
    static String batch(Random random, List<String> background, String probe) {
        Instant now = Instant.now();
        StringBuilder json = new StringBuilder("{\"readings\":[");
        int n = 0;
        if (probe != null) {
            // RR 26 (3), SpO2 90 (3), systolic 88 (3), pulse 135 (3), 39.5 C (2): NEWS2 14, HIGH
            double[] values = {26, 90, 88, 135, 39.5};
            for (int i = 0; i < 5; i++) {
                n = append(json, n, probe, IngestLoad.NUMERIC_PARAMETERS[i], values[i], now);
            }
        }
        while (n < BATCH) {
            String patient = background.get(random.nextInt(background.size()));
            // RR 12-20, SpO2 96-100, pulse 51-90, systolic 111-219, 36.1-38.0 C: every one scores 0 (RCP Chart 1)
            double[] values = {12 + random.nextInt(9), 96 + random.nextInt(5), 111 + random.nextInt(100),
                    51 + random.nextInt(40), 36.1 + random.nextInt(20) / 10.0};
            for (int i = 0; i < 5 && n < BATCH; i++) {
                n = append(json, n, patient, IngestLoad.NUMERIC_PARAMETERS[i], values[i], now);
            }
        }
        return json.append("]}").toString();
    }

    private static int append(StringBuilder json, int n, String patient, String parameter, double value, Instant at) {
        json.append(n == 0 ? "" : ",").append("{\"id\":\"").append(UUID.randomUUID()).append("\",\"patientId\":\"")
                .append(patient).append("\",\"parameter\":\"").append(parameter).append("\",\"value\":").append(value)
                .append(",\"recordedAt\":\"").append(at).append("\",\"deviceId\":\"hub-1\"}");
        return n + 1;
    }

    /** A signed-in alert board: the event stream, and a fetcher that re-reads the rows after each event. */
    static final class Board {
        final HttpClient http;
        final String base;
        final String username;
        final String password;
        final Map<String, Probe> probes;
        final Semaphore changed = new Semaphore(0);
        final AtomicInteger events = new AtomicInteger();
        final AtomicInteger fetches = new AtomicInteger();
        volatile boolean running = true;
        String cookie;

        Board(HttpClient http, String base, String username, String password, Map<String, Probe> probes) {
            this.http = http;
            this.base = base;
            this.username = username;
            this.password = password;
            this.probes = probes;
        }

        void start() throws Exception {
            cookie = signIn();
            HttpResponse<InputStream> stream = http.send(HttpRequest.newBuilder(URI.create(base + "/alerts/stream"))
                    .header("Cookie", cookie).header("Accept", "text/event-stream").GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            if (stream.statusCode() != 200) {
                throw new IllegalStateException("alert stream refused: " + stream.statusCode());
            }
            Thread listener = new Thread(() -> {
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                    String line;
                    String event = null;
                    while (running && (line = lines.readLine()) != null) {
                        if (line.startsWith("event:")) {
                            event = line.substring(6);
                        } else if (line.startsWith("data:") && event != null) {
                            String data = line.substring(5);
                            if (event.equals("connected")) {
                                askFor(ALL);
                            } else if (event.equals("alerts-changed")) {
                                events.incrementAndGet();
                                askFor(data);
                            }
                            event = null;
                        }
                    }
                } catch (Exception e) {
                    if (running) {
                        e.printStackTrace();
                    }
                }
            }, "board-events");
            listener.setDaemon(true);
            listener.start();
            Thread fetcher = new Thread(() -> {
                while (running) {
                    try {
                        if (changed.tryAcquire(500, TimeUnit.MILLISECONDS)) {
                            changed.drainPermits(); // what was named during the last fetch is asked for in this one
                            fetchWhatChanged();
                        }
                    } catch (Exception e) {
                        if (running) {
                            e.printStackTrace();
                        }
                    }
                }
            }, "board-fetch");
            fetcher.setDaemon(true);
            fetcher.start();
        }

        private static final String ALL = "all";
        private final Set<String> named = new LinkedHashSet<>();
        private boolean all;

        private synchronized void askForIds(List<String> ids, boolean everything) {
            all |= everything || named.size() + ids.size() > 200;
            named.addAll(ids);
        }

        private void askFor(String data) {
            // an event that names no alert ids (as every event did before issue 11: "alerts-changed") re-reads the
            // whole board, as the page did then; so the same client measures the board before and after
            boolean everything = !data.matches("[0-9a-f-]{36}(,[0-9a-f-]{36})*");
            askForIds(everything ? List.of() : List.of(data.split(",")), everything);
            changed.release();
        }

        private void fetchWhatChanged() throws Exception {
            boolean everything;
            List<String> ids;
            synchronized (this) {
                everything = all;
                ids = new ArrayList<>(named);
                all = false;
                named.clear();
            }
            if (everything) {
                refresh();
            } else if (!ids.isEmpty()) {
                read("/alerts/changes?ids=" + String.join(",", ids));
            }
        }

        /** The whole board, as the page reads it after (re)connecting. */
        void refresh() throws Exception {
            lastRows = read("/alerts/rows");
        }

        private volatile String lastRows = "";

        int rowsAtStart() throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (lastRows.isEmpty() && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(50); // the board's first read, started by the stream's "connected"
            }
            Matcher m = Pattern.compile("data-alert-id=").matcher(lastRows);
            int n = 0;
            while (m.find()) {
                n++;
            }
            return n;
        }

        private String read(String path) throws Exception {
            String rows = http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", cookie)
                    .GET().build(), HttpResponse.BodyHandlers.ofString()).body();
            long now = System.nanoTime();
            fetches.incrementAndGet();
            Matcher m = PATIENT_LINK.matcher(rows);
            while (m.find()) {
                Probe probe = probes.get(m.group(1));
                if (probe != null) {
                    probe.seenNanos().compareAndSet(0, now);
                }
            }
            return rows;
        }

        void stop() {
            running = false;
        }

        /** Form sign-in; the session cookie is Secure, so it is carried by hand over plain HTTP to localhost. */
        private String signIn() throws Exception {
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            String session = sessionCookie(page);
            Matcher csrf = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(page.body());
            if (!csrf.find()) {
                csrf = Pattern.compile("value=\"([^\"]+)\"\\s+name=\"_csrf\"").matcher(page.body());
                if (!csrf.find()) {
                    throw new IllegalStateException("no CSRF token on the sign-in page");
                }
            }
            String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf="
                    + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
            HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Cookie", session).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (signedIn.statusCode() != 302 || signedIn.headers().firstValue("Location").orElse("").contains("error")) {
                throw new IllegalStateException("sign-in failed: " + signedIn.statusCode());
            }
            return sessionCookie(signedIn);
        }

        private static String sessionCookie(HttpResponse<?> response) {
            return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                    .map(c -> c.substring(0, c.indexOf(';'))).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no session cookie"));
        }
    }
}
