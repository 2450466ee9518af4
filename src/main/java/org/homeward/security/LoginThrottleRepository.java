package org.homeward.security;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Failed sign-in counts in PostgreSQL. Each failure is one atomic upsert, so two app nodes counting failures for the
 * same username or address at the same moment never lose one.
 */
@Repository
class LoginThrottleRepository {

    enum Kind { ACCOUNT, ADDRESS }

    /** The row after a failure was counted. */
    record Counted(int failures, Instant lockedUntil) {
    }

    private final JdbcClient jdbc;

    LoginThrottleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Counts one failure. The count starts again when the window since the first failure has passed, or when an
     * earlier lock has run out; reaching {@code max} sets a lock until {@code lockUntil} (none when it is null). A
     * lock in force is never lengthened, so nobody can keep a clinician locked out by continuing to guess.
     */
    Counted countFailure(Kind kind, String key, Instant now, Duration window, int max, Instant lockUntil) {
        return jdbc.sql("""
                insert into login_throttle as t (kind, key, failures, window_started_at, last_failure_at, locked_until)
                values (:kind, :key, 1, :now, :now, case when 1 >= :max then cast(:lockUntil as timestamptz) end)
                on conflict (kind, key) do update set
                    failures = case when t.window_started_at <= :windowStart or t.locked_until <= :now then 1
                                    else t.failures + 1 end,
                    window_started_at = case when t.window_started_at <= :windowStart or t.locked_until <= :now
                                             then :now else t.window_started_at end,
                    last_failure_at = :now,
                    locked_until = case
                        when t.locked_until > :now then t.locked_until
                        when (case when t.window_started_at <= :windowStart or t.locked_until <= :now then 1
                                   else t.failures + 1 end) >= :max then cast(:lockUntil as timestamptz)
                        else null end
                returning failures, locked_until""")
                .param("kind", kind.name()).param("key", key).param("now", Timestamp.from(now))
                .param("windowStart", Timestamp.from(now.minus(window))).param("max", max)
                .param("lockUntil", lockUntil == null ? null : Timestamp.from(lockUntil), java.sql.Types.TIMESTAMP)
                .query((rs, row) -> new Counted(rs.getInt("failures"),
                        rs.getTimestamp("locked_until") == null ? null : rs.getTimestamp("locked_until").toInstant()))
                .single();
    }

    /** A username's row, if it has one: until when it is locked (null: not locked now). */
    record Account(Instant lockedUntil) {
    }

    /** The username's failures and lock, if any are recorded; one indexed read per sign-in. */
    Optional<Account> account(String username, Instant now) {
        return jdbc.sql("select locked_until from login_throttle where kind = 'ACCOUNT' and key = ?").param(username)
                .query((rs, row) -> {
                    Timestamp until = rs.getTimestamp("locked_until");
                    return new Account(until == null || !until.toInstant().isAfter(now) ? null : until.toInstant());
                }).optional();
    }

    /** Until when this username is locked, if it is locked now. */
    Optional<Instant> lockedUntil(String username, Instant now) {
        return account(username, now).map(Account::lockedUntil);
    }

    /** Failures counted for this username in its current window (0 if none). */
    int failures(Kind kind, String key, Instant now, Duration window) {
        return jdbc.sql("select failures from login_throttle where kind = ? and key = ? and window_started_at > ?")
                .params(kind.name(), key, Timestamp.from(now.minus(window))).query(Integer.class).optional().orElse(0);
    }

    /** Until when sign-ins from this address are refused, if it has reached {@code max} failures in its window. */
    Optional<Instant> addressBlockedUntil(String address, Instant now, Duration window, int max) {
        return jdbc.sql("""
                select window_started_at from login_throttle
                where kind = 'ADDRESS' and key = ? and failures >= ? and window_started_at > ?""")
                .params(address, max, Timestamp.from(now.minus(window))).query(Timestamp.class).optional()
                .map(started -> started.toInstant().plus(window));
    }

    /** Forgets a username's failures and lock; says whether there were any. */
    boolean clearAccount(String username) {
        return jdbc.sql("delete from login_throttle where kind = 'ACCOUNT' and key = ?").param(username).update() > 0;
    }

    /** Drops rows nobody needs any more: their last failure is older than {@code before} and no lock is in force. */
    void sweep(Instant before, Instant now) {
        jdbc.sql("delete from login_throttle where last_failure_at < ? and (locked_until is null or locked_until <= ?)")
                .params(Timestamp.from(before), Timestamp.from(now)).update();
    }
}
