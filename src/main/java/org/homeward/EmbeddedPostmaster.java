package org.homeward;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operating-system side of the embedded PostgreSQL server: which process is its postmaster (the first line of
 * {@code postmaster.pid} in its data folder), whether a process of that number really is our postmaster, and how to
 * stop one.
 *
 * <p>The server runs detached from the Java process (pg_ctl starts it), so a kill -9 of the application leaves it
 * running and holding {@code postmaster.pid}; the next start then fails with "lock file already exists". Before
 * starting, {@link #stopOrphan(Path)} finds such an orphan and stops it. A process number can be reused by an
 * unrelated program after a reboot, so nothing is stopped unless its command line is a {@code postgres} started on
 * this very data folder.
 */
final class EmbeddedPostmaster {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostmaster.class);

    /** A smart shutdown normally takes well under a second; a stuck server is killed after this. */
    static final Duration STOP_WAIT = Duration.ofSeconds(20);

    private EmbeddedPostmaster() {
    }

    /** The postmaster's process number from {@code postmaster.pid}, if the file is there and readable. */
    static Optional<Long> pidOf(Path pgData) {
        try {
            List<String> lines = Files.readAllLines(pgData.resolve("postmaster.pid"));
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (NoSuchFileException none) {
            return Optional.empty();
        } catch (IOException | NumberFormatException unreadable) {
            log.warn("Cannot read {}: {}", pgData.resolve("postmaster.pid"), unreadable.toString());
            return Optional.empty();
        }
    }

    /** The running postmaster of this data folder, if there is one (a reused process number does not count). */
    static Optional<ProcessHandle> runningOn(Path pgData) {
        return pidOf(pgData).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive)
                .filter(process -> isPostmasterOf(process, pgData));
    }

    /**
     * Whether the process is a {@code postgres} server whose data folder ({@code -D}) is this one. On Linux the
     * command and arguments come from {@code /proc/<pid>/exe} and {@code /proc/<pid>/cmdline}.
     */
    static boolean isPostmasterOf(ProcessHandle process, Path pgData) {
        ProcessHandle.Info info = process.info();
        boolean postgres = info.command().map(command -> Path.of(command).getFileName().toString())
                .map(name -> name.equals("postgres") || name.equals("postgres.exe")).orElse(false);
        if (!postgres) {
            return false;
        }
        String[] arguments = info.arguments().orElse(new String[0]);
        for (int i = 0; i + 1 < arguments.length; i++) {
            if (arguments[i].equals("-D") && sameFolder(Path.of(arguments[i + 1]), pgData)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Before a start: stops a postmaster left running on this data folder by a previous run that was killed, and
     * removes a {@code postmaster.pid} that names a process which is gone or is not our server, so that PostgreSQL
     * does not refuse to start. Logs what it did.
     *
     * @return whether an orphaned server was stopped
     */
    static boolean stopOrphan(Path pgData) {
        Optional<Long> pid = pidOf(pgData);
        if (pid.isEmpty()) {
            return false;
        }
        Optional<ProcessHandle> orphan = runningOn(pgData);
        if (orphan.isPresent()) {
            log.warn("An embedded PostgreSQL (pid {}) is still running on {}, left by a previous run that did not "
                    + "shut down; stopping it before starting again", pid.get(), pgData);
            stop(orphan.get());
            return true;
        }
        // PostgreSQL itself ignores a pid file naming a dead process, but refuses to start while the number belongs
        // to any live process (e.g. reused after a reboot): the file is stale either way, so it goes
        try {
            Files.deleteIfExists(pgData.resolve("postmaster.pid"));
            log.warn("Removed a stale postmaster.pid in {} (pid {} is not a PostgreSQL server on this folder)",
                    pgData, pid.get());
        } catch (IOException e) {
            log.warn("Could not remove the stale postmaster.pid in {}", pgData, e);
        }
        return false;
    }

    /**
     * SIGTERM (PostgreSQL's smart shutdown: it finishes open sessions, writes a checkpoint and exits), waiting up to
     * {@link #STOP_WAIT}; then SIGKILL of the postmaster and any server processes it left, which PostgreSQL
     * recovers from at its next start by replaying its write-ahead log (committed data is kept).
     */
    static void stop(ProcessHandle postmaster) {
        List<ProcessHandle> serverProcesses = postmaster.descendants().toList();
        postmaster.destroy();
        if (exited(postmaster, STOP_WAIT)) {
            log.info("Stopped the PostgreSQL server (pid {})", postmaster.pid());
            return;
        }
        log.warn("The PostgreSQL server (pid {}) did not stop within {}; killing it", postmaster.pid(), STOP_WAIT);
        postmaster.destroyForcibly();
        serverProcesses.forEach(ProcessHandle::destroyForcibly);
        exited(postmaster, Duration.ofSeconds(10));
        serverProcesses.forEach(process -> exited(process, Duration.ofSeconds(10)));
    }

    private static boolean exited(ProcessHandle process, Duration wait) {
        try {
            process.onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException stillRunning) {
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    private static boolean sameFolder(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }
}
