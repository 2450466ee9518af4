import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load harness for the HL7 v2 ADT listener: {@code connections} MLLP connections, each sending ADT messages one after
 * another (the next only once the previous is acknowledged, as an integration engine does on one connection) for
 * {@code seconds}. Each message is an A28 registering a new person (a valid NHS number, name, date of birth, address,
 * ethnic category, GP practice) or, one in two, an A08 updating the person its connection registered last, so every
 * message is stored, applied and acknowledged. Prints acknowledgements per second (AA and other codes) and latency
 * percentiles. JDK only: {@code java bench/AdtLoad.java localhost 2575 4 30}.
 */
public class AdtLoad {

    public static void main(String[] args) throws Exception {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        int connections = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        AtomicLong accepted = new AtomicLong();
        AtomicLong other = new AtomicLong();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        long started = System.nanoTime();
        for (int c = 0; c < connections; c++) {
            int connection = c;
            pool.submit(() -> {
                try (Socket socket = new Socket(host, port)) {
                    socket.setSoTimeout(60_000);
                    // as an integration engine sends: each frame in one write, no Nagle delay (three small writes on a
                    // Nagle socket wait for the server's delayed ACK, about 40 ms a message on Linux)
                    socket.setTcpNoDelay(true);
                    OutputStream out = socket.getOutputStream();
                    InputStream in = socket.getInputStream();
                    String lastNhsNumber = null;
                    for (long n = 0; System.nanoTime() < end; n++) {
                        boolean update = lastNhsNumber != null && n % 2 == 1;
                        String nhsNumber = update ? lastNhsNumber : nhsNumber();
                        String message = message(update ? "A08" : "A28", "LOAD-" + connection + "-" + n + "-"
                                + System.nanoTime(), nhsNumber, update ? "Joanna" : "Joan");
                        long t0 = System.nanoTime();
                        byte[] body = message.getBytes(StandardCharsets.UTF_8);
                        byte[] frame = new byte[body.length + 3];
                        frame[0] = 0x0b;
                        System.arraycopy(body, 0, frame, 1, body.length);
                        frame[body.length + 1] = 0x1c;
                        frame[body.length + 2] = 0x0d;
                        out.write(frame);
                        out.flush();
                        String ack = readFrame(in);
                        latencies.add(System.nanoTime() - t0);
                        if (ack.contains("MSA|AA")) {
                            accepted.incrementAndGet();
                            lastNhsNumber = nhsNumber;
                        } else {
                            other.incrementAndGet();
                        }
                    }
                } catch (Exception e) {
                    System.err.println("connection " + connection + " failed: " + e);
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 120L, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - started) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("connections=%d messages=%d accepted_AA=%d other=%d elapsed_s=%.1f acks_per_s=%.0f%n",
                connections, sorted.size(), accepted.get(), other.get(), elapsed, sorted.size() / elapsed);
        System.out.printf("ack_latency_ms p50=%.1f p99=%.1f max=%.1f%n", pct(sorted, 50), pct(sorted, 99),
                sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1e6);
    }

    static String message(String event, String controlId, String nhsNumber, String given) {
        return String.join("\r",
                "MSH|^~\\&|TRUST_TIE|RBD|HOMEWARD|HAH|20261206101500||ADT^" + event + "|" + controlId + "|P|2.4",
                "EVN|" + event + "|20261206101500",
                "PID|1||" + nhsNumber + "^^^NHS^NH||LOADTEST^" + given + "^^^MRS||19460312|F|||1 High Street^^Dorchester^^DT1 1AA||01305 123456|||||||||A",
                "PD1|||DORSET MEDICAL PRACTICE^^^^^^^^^J81012",
                "PV1|1|O");
    }

    /** A random valid NHS number (Modulus 11) in the 999 test range. */
    static String nhsNumber() {
        while (true) {
            String nine = "999" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                sum += (nine.charAt(i) - '0') * (10 - i);
            }
            int check = 11 - sum % 11;
            if (check == 11) {
                check = 0;
            }
            if (check != 10) {
                return nine + check;
            }
        }
    }

    static String readFrame(InputStream in) throws Exception {
        int b = in.read();
        while (b != 0x0b) {
            if (b < 0) {
                throw new IllegalStateException("connection closed");
            }
            b = in.read();
        }
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        while ((b = in.read()) != 0x1c) {
            if (b < 0) {
                throw new IllegalStateException("connection closed mid-frame");
            }
            frame.write(b);
        }
        in.read();
        return frame.toString(StandardCharsets.UTF_8);
    }

    static double pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
    }
}
