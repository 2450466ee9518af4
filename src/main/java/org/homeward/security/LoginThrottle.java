package org.homeward.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.homeward.security.LoginThrottleRepository.Counted;
import org.homeward.security.LoginThrottleRepository.Kind;
import org.homeward.shared.AuditedRecord;
import org.homeward.shared.ForbiddenException;
import org.homeward.shared.NotFoundException;
import org.homeward.shared.RecordAccessed;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Slows password guessing: counts failed sign-ins per username and per source address in the database (shared by
 * every app node), locks a username for a short while after repeated failures, refuses sign-ins from an address that
 * has failed very many times, and writes each failure, lock and unlock to the audit trail. Usernames nobody has are
 * counted and locked exactly like real ones, so the answers never tell whether an account exists.
 *
 * <p>Failures and successes arrive as Spring Security's authentication events, for the sign-in form and the API's
 * HTTP Basic alike.
 */
@Service
public class LoginThrottle {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private final LoginThrottleRepository repository;
    private final SecurityRepository users;
    private final LoginThrottleProperties settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    LoginThrottle(LoginThrottleRepository repository, SecurityRepository users, LoginThrottleProperties settings,
            ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.users = users;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    /** What an administrator sees of a username's sign-in lock. */
    public record LockStatus(String username, boolean locked, Instant lockedUntil, int recentFailures) {
    }

    /**
     * What sign-in needs to know of a username: until when it is locked (null: not), and whether failures are
     * recorded against it (so a successful sign-in has a count to clear; most have none and cost no write).
     */
    record AccountState(Instant lockedUntil, boolean hasFailures) {
    }

    /**
     * A username's state from its throttle row, read together with the account ({@link SecurityRepository#forSignIn}):
     * {@code recorded} whether the username has a row, {@code lockedUntil} the row's lock (run out or not; null: none).
     */
    AccountState accountState(boolean recorded, Instant lockedUntil) {
        return new AccountState(lockedUntil == null || !lockedUntil.isAfter(clock.instant()) ? null : lockedUntil,
                recorded);
    }

    /** The key under which a username's failures are counted (the username as typed, at most 200 characters). */
    static String accountKey(String username) {
        return key(username);
    }

    /** Until when sign-ins from this address are refused, if they are (one indexed read, no transaction needed). */
    Optional<Instant> addressBlockedUntil(String address) {
        return repository.addressBlockedUntil(address, clock.instant(), settings.addressWindow(),
                settings.addressMaxFailures());
    }

    /** A wrong password, or a username nobody has: one more failure for the username and for the address. */
    @EventListener
    @Transactional
    void on(AuthenticationFailureBadCredentialsEvent event) {
        if (isPasswordSignIn(event.getAuthentication())) {
            failed(event.getAuthentication().getName(), addressOf(event.getAuthentication()));
        }
    }

    /** A sign-in attempt refused because the username is locked: audited, not counted (a lock is never lengthened). */
    @EventListener
    void on(AuthenticationFailureLockedEvent event) {
        String username = key(event.getAuthentication().getName());
        events.publishEvent(RecordAccessed.denied(actor(username), AuditedRecord.SIGN_IN, null, null,
                "Sign-in refused from " + addressOf(event.getAuthentication())
                        + ": locked after too many failed sign-ins"));
    }

    /**
     * A successful sign-in starts the username's count again. Most sign-ins (every API request of a device gateway)
     * had no failures recorded when their user was loaded, and write nothing.
     */
    @EventListener
    void on(AuthenticationSuccessEvent event) {
        if (!isPasswordSignIn(event.getAuthentication())) {
            return;
        }
        Object principal = event.getAuthentication().getPrincipal();
        if (!(principal instanceof HomewardUserDetailsService.SignInUser user) || user.hadFailures()) {
            repository.clearAccount(key(event.getAuthentication().getName()));
        }
    }

    void failed(String username, String address) {
        Instant now = clock.instant();
        String key = key(username);
        Counted account = repository.countFailure(Kind.ACCOUNT, key, now, settings.window(), settings.maxFailures(),
                now.plus(settings.lockout()));
        Counted fromAddress = repository.countFailure(Kind.ADDRESS, address, now, settings.addressWindow(),
                settings.addressMaxFailures(), null);
        repository.sweep(now.minus(max(settings.window(), settings.addressWindow())), now);

        RecordAccessed.Actor actor = actor(key);
        events.publishEvent(RecordAccessed.denied(actor, AuditedRecord.SIGN_IN, null, null,
                "Failed sign-in from " + address + " (" + Math.min(account.failures(), settings.maxFailures())
                        + " of " + settings.maxFailures() + " allowed in " + minutes(settings.window()) + ")"));
        if (account.failures() == settings.maxFailures() && account.lockedUntil() != null) {
            events.publishEvent(RecordAccessed.updated(actor, AuditedRecord.SIGN_IN_LOCK, truncate(key, 60), null,
                    "Locked until " + timeOfDay(account.lockedUntil()) + " after " + account.failures()
                            + " failed sign-ins in " + minutes(settings.window())));
        }
        if (fromAddress.failures() == settings.addressMaxFailures()) {
            events.publishEvent(RecordAccessed.updated(actor, AuditedRecord.SIGN_IN_LOCK, null, null,
                    "Sign-ins from " + address + " refused for up to " + minutes(settings.addressWindow()) + " after "
                            + fromAddress.failures() + " failed sign-ins"));
        }
    }

    /** The administrator's view of a user's sign-in lock, for users of their own organisation. */
    @Transactional(readOnly = true)
    public LockStatus status(CurrentUser admin, String username) {
        StoredUserCheck.administeredBy(admin, users, username, Permission.SEE_ACCOUNT_LOCKS);
        return statusOf(key(username));
    }

    /**
     * Unlocks a user's account at once and forgets its failed sign-ins, so they can sign in straight away (the
     * clinician locked out at the bedside). Only an administrator of the user's own organisation may; audited.
     */
    @Transactional
    public LockStatus unlock(CurrentUser admin, String username) {
        StoredUserCheck.administeredBy(admin, users, username, Permission.UNLOCK_ACCOUNTS);
        String key = key(username);
        LockStatus before = statusOf(key);
        repository.clearAccount(key);
        events.publishEvent(RecordAccessed.updated(admin, AuditedRecord.SIGN_IN_LOCK, truncate(key, 60), null,
                "Unlocked " + key + (before.locked()
                        ? " (was locked until " + timeOfDay(before.lockedUntil()) + ")"
                        : " (was not locked; " + before.recentFailures() + " recent failed sign-ins forgotten)")));
        return statusOf(key);
    }

    /** "HH:mm" in the service's time zone: how the sign-in page says until when an account is locked. */
    public String timeOfDay(Instant instant) {
        return LocalTime.ofInstant(instant, clock.getZone()).format(HH_MM);
    }

    /** Whole seconds from now until {@code instant}, at least 1: a Retry-After value. */
    long secondsUntil(Instant instant) {
        return Math.max(1, Duration.between(clock.instant(), instant).toSeconds()
                + (Duration.between(clock.instant(), instant).toNanosPart() > 0 ? 1 : 0));
    }

    private LockStatus statusOf(String key) {
        Instant now = clock.instant();
        Optional<Instant> until = repository.lockedUntil(key, now);
        return new LockStatus(key, until.isPresent(), until.orElse(null),
                repository.failures(Kind.ACCOUNT, key, now, settings.window()));
    }

    private RecordAccessed.Actor actor(String username) {
        return users.findUserByUsername(username).map(user -> CurrentUser.of(user.account()).actor())
                .orElseGet(() -> new RecordAccessed.Actor(truncate(username, 80), null, null, null));
    }

    /**
     * A username and password (the sign-in form, HTTP Basic): what this throttle counts. A system client's bearer
     * token (whose "name" would be the token itself, or the account it acts as) and its JWT assertion at the token
     * endpoint are not password guesses: a refused token is answered 401 by the resource server, and a client's
     * successful call must not clear the failures counted against the account it acts as.
     */
    private static boolean isPasswordSignIn(Authentication authentication) {
        return authentication instanceof UsernamePasswordAuthenticationToken;
    }

    private static String addressOf(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details
                && details.getRemoteAddress() != null ? details.getRemoteAddress() : "unknown";
    }

    /** Usernames are matched exactly, as sign-in matches them; very long ones are cut to fit the table. */
    private static String key(String username) {
        return truncate(username == null ? "" : username, 200);
    }

    private static String truncate(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static String minutes(Duration duration) {
        return duration.toMinutes() + " min";
    }

    /** Who may administer whose account: one rule for status and unlock. */
    private static final class StoredUserCheck {

        static void administeredBy(CurrentUser admin, SecurityRepository users, String username,
                Permission permission) {
            admin.require(permission);
            UserAccount user = users.findUserByUsername(username).map(SecurityRepository.StoredUser::account)
                    .orElseThrow(() -> new NotFoundException("No user with username " + username));
            if (!user.organisationId().equals(admin.organisationId())) {
                throw new ForbiddenException("You administer " + admin.organisationName() + "; " + username
                        + " belongs to another organisation, whose own administrator can unlock it");
            }
        }
    }
}
