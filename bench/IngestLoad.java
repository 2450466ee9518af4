import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load harness for POST /api/v1/observations/batch: {@code clients} concurrent senders, each posting batches of
 * {@code batchSize} realistic readings (device vital signs for random admitted demo patients, mostly normal, a few
 * worrying) for {@code seconds}. Prints readings stored per second and request latency percentiles. Runs with the JDK
 * alone: {@code java bench/IngestLoad.java http://localhost:18080 nurse homeward-demo 4 200 30}.
 * <p>
 * With a seventh argument {@code fhir} it posts FHIR R4 transaction Bundles to {@code /fhir} instead, each of
 * {@code batchSize} vital-sign Observations (UK Core codes and units) for one random admitted patient, as a device
 * platform sends a patient's readings: {@code java bench/IngestLoad.java http://localhost:18080 nurse homeward-demo 8 10 30 fhir}.
 */
public class IngestLoad {

    /** The five NEWS2 vital signs a monitoring hub sends, in the order the alert-latency harness lists values. */
    static final String[] NUMERIC_PARAMETERS = {"RESPIRATORY_RATE", "OXYGEN_SATURATION", "SYSTOLIC_BLOOD_PRESSURE",
            "HEART_RATE", "TEMPERATURE"};

    private static final String[] NUMERIC = {"HEART_RATE", "OXYGEN_SATURATION", "RESPIRATORY_RATE", "TEMPERATURE",
            "SYSTOLIC_BLOOD_PRESSURE"};

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String auth = "Basic " + Base64.getEncoder().encodeToString((args[1] + ":" + args[2]).getBytes(StandardCharsets.UTF_8));
        int clients = Integer.parseInt(args[3]);
        int batchSize = Integer.parseInt(args[4]);
        int seconds = Integer.parseInt(args[5]);
        boolean fhir = args.length > 6 && args[6].equals("fhir");
        String url = base + (fhir ? "/fhir" : "/api/v1/observations/batch");
        String contentType = fhir ? "application/fhir+json" : "application/json";
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        List<String> patients = admittedPatients(http, base, auth);
        System.out.printf("patients=%d clients=%d batch=%d seconds=%d%n", patients.size(), clients, batchSize, seconds);

        AtomicLong stored = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long started = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int seed = c;
            pool.submit(() -> {
                Random random = new Random(seed);
                while (System.nanoTime() < end) {
                    String body = fhir ? bundle(random, patients, batchSize) : batch(random, patients, batchSize);
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                                .header("Authorization", auth).header("Content-Type", contentType)
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                        latencies.add(System.nanoTime() - t0);
                        Matcher m = Pattern.compile("\"stored\":(\\d+)").matcher(response.body());
                        if (fhir && response.statusCode() == 200) {
                            stored.addAndGet(response.body().split("\"201 Created\"", -1).length - 1);
                        } else if (response.statusCode() == 200 && m.find()) {
                            stored.addAndGet(Long.parseLong(m.group(1)));
                        } else {
                            failed.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 120L, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - started) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("requests=%d failed=%d stored_readings=%d elapsed_s=%.1f readings_per_s=%.0f%n",
                sorted.size(), failed.get(), stored.get(), elapsed, stored.get() / elapsed);
        System.out.printf("request_latency_ms p50=%.1f p99=%.1f max=%.1f%n", pct(sorted, 50), pct(sorted, 99),
                sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1e6);
    }

    static String batch(Random random, List<String> patients, int size) {
        StringBuilder json = new StringBuilder("{\"readings\":[");
        Instant now = Instant.now().minusSeconds(5);
        for (int i = 0; i < size; i++) {
            String patient = patients.get(random.nextInt(patients.size()));
            String parameter = NUMERIC[random.nextInt(NUMERIC.length)];
            json.append(i == 0 ? "" : ",").append("{\"id\":\"").append(UUID.randomUUID()).append("\",\"patientId\":\"")
                    .append(patient).append("\",\"parameter\":\"").append(parameter).append("\",\"value\":")
                    .append(value(random, parameter)).append(",\"recordedAt\":\"").append(now).append("\",\"deviceId\":\"hub-")
                    .append(random.nextInt(50)).append("\"}");
        }
        return json.append("]}").toString();
    }

    /** LOINC code and UCUM unit of each vital sign, as UK Core's vital-signs profiles give them. */
    static final String[][] FHIR_CODES = {{"HEART_RATE", "8867-4", "/min"}, {"OXYGEN_SATURATION", "2708-6", "%"},
            {"RESPIRATORY_RATE", "9279-1", "/min"}, {"TEMPERATURE", "8310-5", "Cel"},
            {"SYSTOLIC_BLOOD_PRESSURE", "8480-6", "mm[Hg]"}};

    /** A transaction Bundle of {@code size} vital-sign Observations of one patient, the five in turn, a minute apart. */
    static String bundle(Random random, List<String> patients, int size) {
        String patient = patients.get(random.nextInt(patients.size()));
        String device = "hub-" + random.nextInt(50);
        StringBuilder json = new StringBuilder("{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[");
        Instant first = Instant.now().minusSeconds(5 + 60L * (size / FHIR_CODES.length));
        for (int i = 0; i < size; i++) {
            String[] code = FHIR_CODES[i % FHIR_CODES.length];
            Instant at = first.plusSeconds(60L * (i / FHIR_CODES.length));
            json.append(i == 0 ? "" : ",").append("{\"resource\":{\"resourceType\":\"Observation\",\"status\":\"final\",")
                    .append("\"identifier\":[{\"system\":\"https://device-platform.example/readings\",\"value\":\"")
                    .append(UUID.randomUUID()).append("\"}],\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"")
                    .append(code[1]).append("\"}]},\"subject\":{\"reference\":\"Patient/").append(patient)
                    .append("\"},\"effectiveDateTime\":\"").append(at).append("\",\"device\":{\"display\":\"")
                    .append(device).append("\"},\"valueQuantity\":{\"value\":").append(value(random, code[0]))
                    .append(",\"system\":\"http://unitsofmeasure.org\",\"code\":\"").append(code[2])
                    .append("\"}},\"request\":{\"method\":\"POST\",\"url\":\"Observation\"}}");
        }
        return json.append("]}").toString();
    }

    /** Mostly normal values with a tail of abnormal ones, as a monitored population sends. */
    static double value(Random random, String parameter) {
        boolean abnormal = random.nextInt(20) == 0;
        switch (parameter) {
            case "HEART_RATE": return abnormal ? 125 + random.nextInt(20) : 60 + random.nextInt(35);
            case "OXYGEN_SATURATION": return abnormal ? 88 + random.nextInt(3) : 94 + random.nextInt(6);
            case "RESPIRATORY_RATE": return abnormal ? 25 + random.nextInt(5) : 12 + random.nextInt(8);
            case "TEMPERATURE": return abnormal ? 39.2 : 36.2 + random.nextInt(15) / 10.0;
            default: return abnormal ? 88 : 105 + random.nextInt(40);
        }
    }

    static List<String> admittedPatients(HttpClient http, String base, String auth) throws Exception {
        return admittedPatients(http, base, auth, 0);
    }

    /** The ids of every admitted patient aged {@code minAge} or more, from the census of each ward. */
    static List<String> admittedPatients(HttpClient http, String base, String auth, int minAge) throws Exception {
        List<String> ids = new ArrayList<>();
        String census = get(http, base + "/api/v1/census", auth);
        Matcher wards = Pattern.compile("\"ward\":\\{\"id\":\"([0-9a-f-]{36})\"").matcher(census);
        while (wards.find()) {
            Matcher rows = Pattern.compile("\"patient\":\\{\"id\":\"([0-9a-f-]{36})\".*?\"ageYears\":(\\d+)")
                    .matcher(get(http, base + "/api/v1/wards/" + wards.group(1) + "/census", auth));
            while (rows.find()) {
                if (Integer.parseInt(rows.group(2)) >= minAge) {
                    ids.add(rows.group(1));
                }
            }
        }
        return ids;
    }

    static String get(HttpClient http, String url, String auth) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    static double pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
    }
}
