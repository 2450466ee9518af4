package org.homeward;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL's superuser password. zonky's initdb trusts every local connection, so anyone (any process,
 * any user) on the machine could connect as {@code postgres} and read or change patients' records. On first start
 * Homeward generates a strong random password, keeps it in {@code <data-dir>/postgres-password} readable by the owner
 * only, sets it (as a SCRAM-SHA-256 verifier) on the {@code postgres} role and rewrites {@code pg_hba.conf} so that every
 * connection, local socket or TCP, must present it. Later starts read the file. A data folder made before this change
 * (still on trust) is upgraded the same way on its next start.
 *
 * <p>Kept apart from {@link EmbeddedDatabaseConfiguration} so that its two hooks are all that class needs:
 * {@link #applyTo} before the server starts and {@link #protect} straight after.
 */
final class EmbeddedDatabasePassword {

    static final String FILE_NAME = "postgres-password";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabasePassword.class);

    private static final String SUPERUSER = "postgres";

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    /** What pg_hba.conf says once protected: no connection of any kind without the password; nothing on trust. */
    static final List<String> PASSWORD_ONLY_RULES = List.of(
            "# Written by Homeward (EmbeddedDatabasePassword): every connection needs the password kept in",
            "# <homeward.data-dir>/" + FILE_NAME + ". Nothing is trusted; do not add 'trust' lines.",
            "# TYPE  DATABASE     USER  ADDRESS        METHOD",
            "local   all          all                  scram-sha-256",
            "host    all          all   127.0.0.1/32   scram-sha-256",
            "host    all          all   ::1/128        scram-sha-256",
            "local   replication  all                  scram-sha-256",
            "host    replication  all   127.0.0.1/32   scram-sha-256",
            "host    replication  all   ::1/128        scram-sha-256");

    private final Path file;
    private final String password;

    private EmbeddedDatabasePassword(Path file, String password) {
        this.file = file;
        this.password = password;
    }

    /**
     * The password kept in {@code dataDir}, made (and written owner-only) if there is none yet. It is written before
     * it is set on the server, so a crash between the two leaves a file whose password the next start sets again.
     */
    static EmbeddedDatabasePassword readOrCreate(Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        Path file = dataDir.resolve(FILE_NAME);
        if (Files.exists(file)) {
            restrictToOwner(file);
            String stored = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (stored.isEmpty()) {
                throw new IllegalStateException("The embedded database password file " + file + " is empty. Restore it"
                        + " from a backup; if the database was never protected, delete the file to generate a new one.");
            }
            return new EmbeddedDatabasePassword(file, stored);
        }
        String generated = generate();
        writeOwnerOnly(file, generated);
        log.info("Generated a password for the embedded PostgreSQL, kept in {} (readable by its owner only)", file);
        return new EmbeddedDatabasePassword(file, generated);
    }

    /** 256 random bits from the operating system's secure source, URL-safe Base64 so no tool needs to quote it. */
    static String generate() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    String value() {
        return password;
    }

    Path file() {
        return file;
    }

    /**
     * Before start: zonky's own readiness check connects as postgres, so it must present the password once the
     * server no longer trusts it; new passwords are stored as SCRAM-SHA-256 verifiers, never MD5.
     */
    EmbeddedPostgres.Builder applyTo(EmbeddedPostgres.Builder builder) {
        return builder.setConnectConfig("password", password)
                .setServerConfig("password_encryption", "scram-sha-256");
    }

    /**
     * After start: if pg_hba.conf still trusts anyone (a folder just made by initdb, or one from before this change),
     * set the password on the postgres role, rewrite pg_hba.conf to demand it and reload. Idempotent; a folder already
     * protected is left alone. If this fails the server is stopped rather than left running open.
     */
    EmbeddedPostgres protect(EmbeddedPostgres postgres) throws IOException {
        Path hba = null;
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            hba = Path.of(singleValue(connection, "show hba_file"));
            if (!trustsAnyone(Files.readAllLines(hba, StandardCharsets.UTF_8))) {
                return postgres;
            }
            log.info("The embedded PostgreSQL trusts local connections: setting its password and requiring it ({})", hba);
            // the driver computes the SCRAM verifier itself, so the password never reaches the server (or its log)
            connection.unwrap(PGConnection.class).alterUserPassword(SUPERUSER, password.toCharArray(), "scram-sha-256");
            writeAtomically(hba, String.join("\n", PASSWORD_ONLY_RULES) + "\n");
            try (Statement statement = connection.createStatement()) {
                var errors = statement.executeQuery("select count(*) from pg_hba_file_rules where error is not null");
                errors.next();
                if (errors.getInt(1) > 0) {
                    throw new IllegalStateException("PostgreSQL rejects the pg_hba.conf Homeward wrote: " + hba);
                }
                statement.execute("select pg_reload_conf()");
            }
            return postgres;
        } catch (SQLException | IOException | RuntimeException e) {
            postgres.close();
            throw new IOException("Could not protect the embedded PostgreSQL with its password"
                    + (hba == null ? "" : " (" + hba + ")") + ": " + e.getMessage(), e);
        }
    }

    /** True if any rule (not a comment) lets someone in without a password. */
    static boolean trustsAnyone(List<String> hbaLines) {
        return hbaLines.stream()
                .map(line -> line.replaceFirst("#.*", "").strip())
                .filter(line -> !line.isEmpty())
                .anyMatch(line -> List.of(line.split("\\s+")).contains("trust"));
    }

    private static String singleValue(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); var result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    private static void restrictToOwner(Path file) throws IOException {
        if (posix() && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
            log.warn("{} could be read by others; made it readable by its owner only", file);
        }
    }

    /** Created owner-only from the first byte (never briefly readable by others), then moved into place. */
    private static void writeOwnerOnly(Path file, String content) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".new");
        Files.deleteIfExists(temporary);
        if (posix()) {
            Files.createFile(temporary, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        }
        Files.writeString(temporary, content + "\n", StandardCharsets.UTF_8);
        move(temporary, file);
    }

    /** pg_hba.conf is replaced whole, so a crash mid-write cannot leave a half file PostgreSQL refuses to start on. */
    private static void writeAtomically(Path file, String content) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".new");
        Files.writeString(temporary, content, StandardCharsets.UTF_8);
        if (posix()) {
            Files.setPosixFilePermissions(temporary, OWNER_ONLY);
        }
        move(temporary, file);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
