package org.homeward.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.homeward.support.Api;
import org.homeward.support.Api.RawResponse;
import org.homeward.support.Fixtures;
import org.homeward.support.IntegrationTest;
import org.homeward.support.PageSession;
import org.homeward.support.PageSession.Page;
import org.homeward.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Password guessing is slowed, over real HTTP, through the sign-in form and the API's HTTP Basic alike: five failures
 * lock a username for fifteen minutes (the defaults), a username nobody has is answered exactly like a real one, a
 * successful sign-in starts the count again, and an administrator of the user's organisation can unlock at once.
 * The clock is stopped at a moment of the test's choosing so the times in the answers are known.
 */
@IntegrationTest
class LoginThrottleIT {

    private static final String WRONG = "not-the-password";
    private static final Instant NINE_AM = Instant.parse("2031-03-12T09:00:00Z");

    @Autowired Fixtures fixtures;
    @Autowired Api api;
    @Autowired TestClock clock;
    @Autowired JdbcClient jdbc;

    Organisation trust;
    CurrentUser nurse;
    CurrentUser admin;

    @BeforeEach
    void setUp() {
        trust = fixtures.organisation(OrganisationType.ACUTE_TRUST);
        nurse = fixtures.user(Role.CLINICIAN, trust);
        admin = fixtures.user(Role.ADMIN, trust);
        clock.set(NINE_AM);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void sixWrongPasswordsByHttpBasicThenTheRightOneIsRefusedWith429EvenWhenItsPasswordIsRemembered() {
        assertThat(basic(nurse.username(), Fixtures.PASSWORD).status()).as("right password, now remembered").isEqualTo(200);

        List<Integer> wrong = java.util.stream.IntStream.range(0, 6)
                .mapToObj(i -> basic(nurse.username(), WRONG).status()).toList();
        RawResponse right = basic(nurse.username(), Fixtures.PASSWORD);

        assertThat(wrong).containsExactly(401, 401, 401, 401, 401, 429);
        assertThat(right.status()).as(right.toString()).isEqualTo(429);
        assertThat(right.contentType()).startsWith("application/problem+json");
        assertThat(api.json(right).path("detail").asText()).isEqualTo(
                "Too many failed sign-ins. Try again after 09:15 or ask your administrator to unlock the account.");
        assertThat(right.header("Retry-After")).containsExactly("900");
        assertThat(right.header("WWW-Authenticate")).as("not told its credentials are wrong").isEmpty();
        assertThat(PageSession.anonymous(api.baseUrl()).get("/login").status()).isEqualTo(200);
    }

    @Test
    void sixWrongPasswordsOnTheSignInFormThenTheRightOneIsRefusedWithTheTimeToTryAgain() {
        PageSession session = PageSession.anonymous(api.baseUrl());
        for (int i = 0; i < 6; i++) {
            Page failed = form(session, nurse.username(), WRONG);
            assertThat(failed.status()).isEqualTo(302);
            assertThat(failed.location()).endsWith(i < 5 ? "/login?error" : "/login?locked=09:15");
        }

        Page right = form(session, nurse.username(), Fixtures.PASSWORD);

        assertThat(right.location()).as("the right password is refused while locked").endsWith("/login?locked=09:15");
        Page shown = session.follow(right);
        assertThat(shown.testId("login-locked")).isEqualTo(
                "Too many failed sign-ins. Try again after 09:15 or ask your administrator to unlock the account.");
        assertThat(basic(nurse.username(), Fixtures.PASSWORD).status()).as("the API too").isEqualTo(429);
    }

    @Test
    void aUsernameNobodyHasGetsExactlyTheAnswersARealOneGets() {
        String unknown = Fixtures.unique("nobody");
        for (int i = 0; i < 7; i++) {
            RawResponse real = basic(nurse.username(), WRONG);
            RawResponse nobody = basic(unknown, WRONG);
            assertThat(nobody.status()).as("attempt %d", i + 1).isEqualTo(real.status());
            assertThat(nobody.body()).isEqualTo(real.body());
            assertThat(nobody.header("Retry-After")).isEqualTo(real.header("Retry-After"));
            assertThat(nobody.header("WWW-Authenticate")).isEqualTo(real.header("WWW-Authenticate"));
        }
        PageSession session = PageSession.anonymous(api.baseUrl());
        assertThat(form(session, unknown, WRONG).location()).isEqualTo(form(session, nurse.username(), WRONG).location())
                .endsWith("/login?locked=09:15");
    }

    @Test
    void aSuccessfulSignInStartsTheCountAgain() {
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 4; i++) {
                assertThat(basic(nurse.username(), WRONG).status()).isEqualTo(401);
            }
            assertThat(basic(nurse.username(), Fixtures.PASSWORD).status()).as("round %d", round).isEqualTo(200);
        }
    }

    @Test
    void theLockEndsByItselfAfterFifteenMinutes() {
        lock(nurse);
        clock.set(NINE_AM.plus(Duration.ofMinutes(14)).plusSeconds(59));
        RawResponse stillLocked = basic(nurse.username(), Fixtures.PASSWORD);
        assertThat(stillLocked.status()).isEqualTo(429);
        assertThat(stillLocked.header("Retry-After")).containsExactly("1");

        clock.set(NINE_AM.plus(Duration.ofMinutes(15)));

        assertThat(basic(nurse.username(), Fixtures.PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void anAdministratorOfTheUsersOrganisationUnlocksAtOnceAndItIsAudited() {
        lock(nurse);
        RawResponse status = api.raw("GET", lockPath(nurse), admin, null);
        assertThat(api.json(status).path("locked").asBoolean()).as(status.toString()).isTrue();
        assertThat(api.json(status).path("recentFailures").asInt()).isEqualTo(5);

        RawResponse unlocked = api.raw("DELETE", lockPath(nurse), admin, null);

        assertThat(unlocked.status()).as(unlocked.toString()).isEqualTo(200);
        assertThat(api.json(unlocked).path("locked").asBoolean()).isFalse();
        assertThat(basic(nurse.username(), Fixtures.PASSWORD).status()).isEqualTo(200);
        assertThat(audit("UPDATE", "SignInLock", admin.username()))
                .containsExactly("Unlocked " + nurse.username() + " (was locked until 09:15)");
        assertThat(audit("UPDATE", "SignInLock", nurse.username()))
                .containsExactly("Locked until 09:15 after 5 failed sign-ins in 15 min");
        assertThat(audit("DENIED", "SignIn", nurse.username())).hasSize(6)
                .anySatisfy(line -> assertThat(line).startsWith("Failed sign-in from 127.0.0.1 (5 of 5"))
                .anySatisfy(line -> assertThat(line).contains("locked after too many failed sign-ins"));
    }

    @Test
    void onlyAnAdministratorOfTheSameOrganisationMayUnlock() {
        lock(nurse);
        CurrentUser otherAdmin = fixtures.user(Role.ADMIN, fixtures.organisation(OrganisationType.COMMUNITY_PROVIDER));
        CurrentUser colleague = fixtures.user(Role.SENIOR_DECISION_MAKER, trust);

        for (CurrentUser refused : List.of(otherAdmin, colleague)) {
            RawResponse answer = api.raw("DELETE", lockPath(nurse), refused, null);
            assertThat(answer.status()).as(answer.toString()).isEqualTo(403);
            assertThat(answer.contentType()).startsWith("application/problem+json");
        }
        assertThat(api.raw("DELETE", "/api/v1/users/" + Fixtures.unique("nobody") + "/sign-in-lock", admin, null)
                .status()).isEqualTo(404);
        assertThat(basic(nurse.username(), Fixtures.PASSWORD).status()).as("still locked").isEqualTo(429);
    }

    private void lock(CurrentUser user) {
        for (int i = 0; i < 5; i++) {
            assertThat(basic(user.username(), WRONG).status()).isEqualTo(401);
        }
        assertThat(basic(user.username(), Fixtures.PASSWORD).status()).as("locked").isEqualTo(429);
    }

    private RawResponse basic(String username, String password) {
        return api.raw("GET", "/api/v1/wards", username, password, null);
    }

    private static Page form(PageSession session, String username, String password) {
        return session.submit(session.get("/login"), "form", Map.of("username", username, "password", password));
    }

    private static String lockPath(CurrentUser user) {
        return "/api/v1/users/" + user.username() + "/sign-in-lock";
    }

    private List<String> audit(String action, String recordType, String username) {
        return jdbc.sql("select detail from audit_event where action = ? and record_type = ? and username = ?"
                        + " order by id").params(action, recordType, username).query(String.class).list();
    }
}
