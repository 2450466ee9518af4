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
 * With {@code fhir-client} instead, the same Bundles are sent by a device platform registered as a system client
 * acting as that user, with an OAuth 2.0 access token ({@link SystemClient}) rather than the user's password.
 */
public class IngestLoad {

    /** The five NEWS2 vital signs a monitoring hub sends, in the order the alert-latency harness lists values. */
    static final String[] NUMERIC_PARAMETERS = {"RESPIRATORY_RATE", "OXYGEN_SATURATION", "SYSTOLIC_BLOOD_PRESSURE",
            "HEART_RATE", "TEMPERATURE"};

    private static final String[] NUMERIC = {"HEART_RATE", "OXYGEN_SATURATION", "RESPIRATORY_RATE", "TEMPERATURE",
            "SYSTOLIC_BLOOD_PRESSURE"};

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String basic = "Basic " + Base64.getEncoder().encodeToString((args[1] + ":" + args[2]).getBytes(StandardCharsets.UTF_8));
        int clients = Integer.parseInt(args[3]);
        int batchSize = Integer.parseInt(args[4]);
        int seconds = Integer.parseInt(args[5]);
        String mode = args.length > 6 ? args[6] : "json";
        boolean fhir = mode.startsWith("fhir");
        String path = fhir ? "/fhir" : "/api/v1/observations/batch";
        String contentType = fhir ? "application/fhir+json" : "application/json";
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        List<String> patients = admittedPatients(http, base, basic);
        // fhir-client: as a device platform registered as a system client (OAuth 2.0 client credentials with a signed
        // JWT assertion), with a bearer token instead of a person's password
        String auth = mode.equals("fhir-client") ? "Bearer " + SystemClient.token(http, base, args[1]) : basic;
        System.out.printf("patients=%d clients=%d batch=%d seconds=%d mode=%s%n", patients.size(), clients, batchSize,
                seconds, mode);

        AtomicLong stored = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long started = System.nanoTime();
        URI target = URI.create(base);
        for (int c = 0; c < clients; c++) {
            int seed = c;
            pool.submit(() -> {
                Random random = new Random(seed);
                KeepAlive connection = new KeepAlive(target.getHost(), target.getPort());
                while (System.nanoTime() < end) {
                    String body = fhir ? bundle(random, patients, batchSize) : batch(random, patients, batchSize);
                    long t0 = System.nanoTime();
                    try {
                        KeepAlive.Response response = connection.post(path, auth, contentType, body);
                        latencies.add(System.nanoTime() - t0);
                        Matcher m = Pattern.compile("\"stored\":(\\d+)").matcher(response.body());
                        if (fhir && response.status() == 200) {
                            stored.addAndGet(response.body().split("\"201 Created\"", -1).length - 1);
                        } else if (response.status() == 200 && m.find()) {
                            stored.addAndGet(Long.parseLong(m.group(1)));
                        } else {
                            failed.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                        connection.close();
                    }
                }
                connection.close();
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
        System.out.printf("load_generator_cpu_s=%.1f (this harness, on the same machine)%n",
                ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO).toMillis() / 1000.0);
    }

    /**
     * One kept-alive HTTP/1.1 connection, written and read by one sender thread. The JDK's HttpClient spends about as
     * much CPU per small request as the server's own HTTP layer does, and the harness shares the machine's two cores
     * with the server; a device platform's senders run elsewhere. Handles Content-Length and chunked answers.
     */
    static final class KeepAlive {
        record Response(int status, String body) {
        }

        private final String host;
        private final int port;
        private java.net.Socket socket;
        private java.io.OutputStream out;
        private java.io.InputStream in;

        KeepAlive(String host, int port) {
            this.host = host;
            this.port = port;
        }

        Response post(String path, String auth, String contentType, String body) throws java.io.IOException {
            if (socket == null) {
                socket = new java.net.Socket(host, port);
                socket.setTcpNoDelay(true);
                socket.setSoTimeout(120_000);
                out = new java.io.BufferedOutputStream(socket.getOutputStream(), 65536);
                in = new java.io.BufferedInputStream(socket.getInputStream(), 65536);
            }
            byte[] content = body.getBytes(StandardCharsets.UTF_8);
            out.write(("POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nAuthorization: " + auth
                    + "\r\nContent-Type: " + contentType + "\r\nAccept: " + contentType + "\r\nContent-Length: "
                    + content.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(content);
            out.flush();
            String statusLine = line();
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            int length = -1;
            boolean chunked = false;
            boolean closing = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String lower = header.toLowerCase(java.util.Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Integer.parseInt(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    closing = true;
                }
            }
            java.io.ByteArrayOutputStream answer = new java.io.ByteArrayOutputStream();
            if (chunked) {
                for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0;
                        size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
                    answer.write(in.readNBytes(size));
                    line();
                }
                for (String trailer = line(); !trailer.isEmpty(); trailer = line()) {
                    // trailers: none expected
                }
            } else if (length >= 0) {
                answer.write(in.readNBytes(length));
            }
            if (closing) {
                close();
            }
            return new Response(status, answer.toString(StandardCharsets.UTF_8));
        }

        private String line() throws java.io.IOException {
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new java.io.EOFException("connection closed");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        void close() {
            try {
                if (socket != null) {
                    socket.close();
                }
            } catch (java.io.IOException ignored) {
                // closing anyway
            }
            socket = null;
        }
    }

    /**
     * Registers a device platform as a system client acting as {@code actsAs} (by the demo administrator of that
     * account's organisation, admin2 for the community provider's nurse), publishes its public key as a JWK Set from
     * a small local server, and gets an access token with an RS512-signed client assertion, as SystemClientIT does.
     */
    static final class SystemClient {

        static String token(HttpClient http, String base, String actsAs) throws Exception {
            java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            java.security.KeyPair keys = generator.generateKeyPair();
            java.security.interfaces.RSAPublicKey publicKey = (java.security.interfaces.RSAPublicKey) keys.getPublic();
            String kid = UUID.randomUUID().toString();
            String jwks = "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS512\",\"kid\":\"" + kid
                    + "\",\"n\":\"" + b64(unsigned(publicKey.getModulus())) + "\",\"e\":\""
                    + b64(unsigned(publicKey.getPublicExponent())) + "\"}]}";
            com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                    new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/jwks.json", exchange -> {
                byte[] body = jwks.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            try {
                return token(http, base, actsAs, kid, keys, server.getAddress().getPort());
            } finally {
                server.stop(0);
            }
        }

        private static String token(HttpClient http, String base, String actsAs, String kid, java.security.KeyPair keys,
                int jwksPort) throws Exception {
            String admin = "Basic " + Base64.getEncoder().encodeToString("admin2:homeward-demo".getBytes(StandardCharsets.UTF_8));
            String registration = "{\"name\":\"Bench device platform " + kid.substring(0, 8) + "\",\"actsAs\":\""
                    + actsAs + "\",\"scopes\":[\"system/Observation.write\"],\"jwkSetUrl\":\"http://127.0.0.1:"
                    + jwksPort + "/jwks.json\"}";
            HttpResponse<String> registered = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/system-clients"))
                    .header("Authorization", admin).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(registration)).build(), HttpResponse.BodyHandlers.ofString());
            Matcher clientId = Pattern.compile("\"clientId\":\"([^\"]+)\"").matcher(registered.body());
            if (registered.statusCode() / 100 != 2 || !clientId.find()) {
                throw new IllegalStateException("registering the system client: " + registered.statusCode() + " "
                        + registered.body());
            }
            String header = b64("{\"alg\":\"RS512\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}");
            String claims = b64("{\"iss\":\"" + clientId.group(1) + "\",\"sub\":\"" + clientId.group(1)
                    + "\",\"aud\":\"" + base + "/oauth2/token\",\"jti\":\"" + UUID.randomUUID() + "\",\"exp\":"
                    + (Instant.now().getEpochSecond() + 240) + "}");
            java.security.Signature signer = java.security.Signature.getInstance("SHA512withRSA");
            signer.initSign(keys.getPrivate());
            signer.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
            String assertion = header + "." + claims + "." + b64(signer.sign());
            String form = "grant_type=client_credentials&client_assertion_type="
                    + java.net.URLEncoder.encode("urn:ietf:params:oauth:client-assertion-type:jwt-bearer", StandardCharsets.UTF_8)
                    + "&client_assertion=" + assertion + "&scope="
                    + java.net.URLEncoder.encode("system/Observation.write", StandardCharsets.UTF_8);
            HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            Matcher accessToken = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(token.body());
            if (token.statusCode() != 200 || !accessToken.find()) {
                throw new IllegalStateException("token request: " + token.statusCode() + " " + token.body());
            }
            return accessToken.group(1);
        }

        private static byte[] unsigned(java.math.BigInteger value) {
            byte[] bytes = value.toByteArray();
            return bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
        }

        private static String b64(byte[] bytes) {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }

        private static String b64(String text) {
            return b64(text.getBytes(StandardCharsets.UTF_8));
        }
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
