import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Board round page latency: signs in through the login form (as the browser does: the sign-in page's CSRF token, the
 * session cookie) and requests the board round page, HTML as a browser gets it, for one ward at a time, rotating
 * across every ward in the page's ward list, from {@code concurrency} signed-in clients for {@code seconds}; then the
 * whole-service board (every admitted patient the user may see, 50 a page, most acute first) one page at a time,
 * rotating across every page it has, from one client for {@code seconds} (at least 5 requests). Each request is timed from sending to the last byte of the page received. A page that is not 200, or
 * shows no patient row, stops the run: the user must really see the patients.
 * Mode {@code warmup} does the same without reporting.
 * JDK only: {@code java bench/BoardRoundLoad.java http://localhost:18183 consultant homeward-demo 60 1 [warmup]}.
 */
public class BoardRoundLoad {

    private static final Pattern WARD_OPTION = Pattern.compile(
            "<option value=\"([0-9a-f-]{36})\"[^>]*>([^<]*)</option>");
    private static final Pattern ROW = Pattern.compile("data-testid=\"board-row\"");
    private static final Pattern SHOWN = Pattern.compile("(\\d+) patients shown");
    private static final Pattern PAGE_SHOWN = Pattern.compile("patients (\\d+) to (\\d+) of ([\\d,]+) shown");
    private static final Pattern PAGES = Pattern.compile("Page \\d+ of (\\d+)");

    record Sample(long nanos, int rows, int bytes) {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String username = args[1];
        String password = args[2];
        int seconds = Integer.parseInt(args[3]);
        int concurrency = Integer.parseInt(args[4]);
        boolean warmup = args.length > 5 && args[5].equals("warmup");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();

        String cookie = signIn(http, base, username, password);
        // the ward list is the page's own: the wards its ward filter offers
        Page first = get(http, base, "/board-round", cookie);
        Map<String, String> wards = new LinkedHashMap<>();
        Matcher option = WARD_OPTION.matcher(first.body());
        while (option.find()) {
            wards.putIfAbsent(option.group(1), option.group(2));
        }
        if (wards.isEmpty()) {
            throw new IllegalStateException("the board page offers no ward");
        }
        List<String> wardIds = new ArrayList<>(wards.keySet());
        Collections.shuffle(wardIds, new java.util.Random(12));
        List<String> wardPaths = wardIds.stream().map(id -> "/board-round?ward=" + id).toList();
        // the whole service's pages, from the page's own "Page 2 of N"
        Matcher pageCount = PAGES.matcher(first.body());
        int pages = pageCount.find() ? Integer.parseInt(pageCount.group(1)) : 1;
        List<String> wholePaths = new ArrayList<>();
        for (int p = 1; p <= pages; p++) {
            wholePaths.add("/board-round?page=" + p);
        }
        Collections.shuffle(wholePaths, new java.util.Random(12));

        List<Sample> ward = run(http, base, username, password, concurrency, seconds, 0, wardPaths);
        List<Sample> whole = run(http, base, username, password, 1, seconds, 5, wholePaths);
        if (warmup) {
            return;
        }
        System.out.printf("%d wards in the page's ward list; signed in as %s; %d client(s) for %d s%n", wards.size(),
                username, concurrency, seconds);
        System.out.println("| board | clients | requests | p50 ms | p95 ms | p99 ms | max ms | rows a page (min-max) | KB a page |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        report("one ward (rotating)", concurrency, ward);
        report("whole service (" + pages + " pages, rotating)", 1, whole);
    }

    /**
     * Requests board pages from {@code clients} signed-in clients until {@code seconds} have passed and at least
     * {@code minimum} requests are done: the given board pages in turn.
     */
    private static List<Sample> run(HttpClient http, String base, String username, String password, int clients,
            int seconds, int minimum, List<String> paths) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        AtomicInteger next = new AtomicInteger();
        List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            done.add(pool.submit(() -> {
                String cookie = signIn(http, base, username, password);
                while (System.nanoTime() < until || samples.size() < minimum) {
                    String path = paths.get(Math.floorMod(next.getAndIncrement(), paths.size()));
                    long started = System.nanoTime();
                    Page page = get(http, base, path, cookie);
                    long took = System.nanoTime() - started;
                    int rows = count(ROW, page.body());
                    Matcher shown = SHOWN.matcher(page.body());
                    Matcher paged = PAGE_SHOWN.matcher(page.body());
                    boolean counted = shown.find() ? Integer.parseInt(shown.group(1)) == rows
                            : paged.find() && Integer.parseInt(paged.group(2)) - Integer.parseInt(paged.group(1)) + 1 == rows;
                    if (rows == 0 || !counted) {
                        throw new IllegalStateException(path + " shows no patient (or a count unlike its rows): "
                                + rows + " rows");
                    }
                    samples.add(new Sample(took, rows, page.bytes()));
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        return new ArrayList<>(samples);
    }

    private static void report(String board, int clients, List<Sample> samples) {
        List<Long> nanos = samples.stream().map(Sample::nanos).sorted().toList();
        int minRows = samples.stream().mapToInt(Sample::rows).min().orElse(0);
        int maxRows = samples.stream().mapToInt(Sample::rows).max().orElse(0);
        double kb = samples.stream().mapToInt(Sample::bytes).average().orElse(0) / 1024;
        System.out.printf("| %s | %d | %,d | %.1f | %.1f | %.1f | %.1f | %,d-%,d | %,.0f |%n", board, clients,
                samples.size(), ms(percentile(nanos, 50)), ms(percentile(nanos, 95)), ms(percentile(nanos, 99)),
                ms(nanos.get(nanos.size() - 1)), minRows, maxRows, kb);
    }

    /** The nearest-rank percentile. */
    private static long percentile(List<Long> sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    private static int count(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    record Page(String body, int bytes) {
    }

    private static Page get(HttpClient http, String base, String path, String cookie) throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Cookie", cookie).header("Accept", "text/html").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode());
        }
        return new Page(new String(response.body(), StandardCharsets.UTF_8), response.body().length);
    }

    /** Form sign-in; the session cookie is Secure, so it is carried by hand over plain HTTP to localhost. */
    private static String signIn(HttpClient http, String base, String username, String password) throws Exception {
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
