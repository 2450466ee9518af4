package org.homeward.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.homeward.HomewardApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The per-address limit, in an application of its own started with a low limit (3 failures), because the shared
 * test configuration keeps it out of reach of the rest of the suite. Requests reach it as from behind a proxy
 * (X-Forwarded-For from 127.0.0.1), so one test can play several addresses: one shared address that failed too often
 * is refused, even with a right password and on a username it never tried, while other addresses sign in as usual.
 */
class AddressThrottleIT {

    private static final String PASSWORD = "a-long-enough-password";
    private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @TempDir
    static Path dataDir;

    static ConfigurableApplicationContext app;
    static String baseUrl;

    @BeforeAll
    static void start() {
        // command-line arguments, so they win over the test classpath's config/application.yml (see EmbeddedDatabaseRestartIT)
        app = new SpringApplicationBuilder(HomewardApplication.class).run("--homeward.data-dir=" + dataDir,
                "--server.port=0", "--homeward.demo-data=never", "--homeward.embedded-db.clean-on-start=true",
                "--homeward.security.login.address-max-failures=3", "--spring.main.banner-mode=off");
        baseUrl = "http://localhost:" + app.getEnvironment().getRequiredProperty("local.server.port");
        SecurityService security = app.getBean(SecurityService.class);
        Organisation trust = security.createOrganisation("RXX01", "Test acute trust", OrganisationType.ACUTE_TRUST);
        for (String username : new String[] {"nurse", "doctor"}) {
            security.createUser(username, PASSWORD, "Test " + username, "Nurse", Role.CLINICIAN, trust.id());
        }
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void anAddressThatFailedTooOftenIsRefusedForEveryUsernameWhileOthersSignIn() throws Exception {
        String ward = "203.0.113.7";
        String elsewhere = "198.51.100.20";
        assertThat(basic(ward, "someone-1", "guess").statusCode()).isEqualTo(401);
        assertThat(basic(ward, "someone-2", "guess").statusCode()).isEqualTo(401);
        assertThat(basic(ward, "someone-3", "guess").statusCode()).isEqualTo(401);

        HttpResponse<String> refused = basic(ward, "nurse", PASSWORD);
        HttpResponse<String> form = formSignIn(ward, "doctor", PASSWORD);
        HttpResponse<String> other = basic(elsewhere, "nurse", PASSWORD);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(new ObjectMapper().readTree(refused.body()).path("detail").asText())
                .startsWith("Too many failed sign-ins from your network. Try again after ");
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 900L);
        assertThat(form.statusCode()).isEqualTo(302);
        assertThat(form.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).matches(".*/login\\?throttled=\\d\\d:\\d\\d"));
        assertThat(other.statusCode()).as("another address is not affected").isEqualTo(200);
        assertThat(basic("192.0.2.50", "nurse", PASSWORD).statusCode()).isEqualTo(200);
    }

    private static HttpResponse<String> basic(String from, String username, String password) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/wards")).header("X-Forwarded-For", from)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (username + ":" + password).getBytes(StandardCharsets.UTF_8))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The sign-in form's post, with the CSRF token and session cookie its page gave. */
    private static HttpResponse<String> formSignIn(String from, String username, String password) throws Exception {
        HttpResponse<String> page = CLIENT.send(HttpRequest.newBuilder(URI.create(baseUrl + "/login"))
                .header("X-Forwarded-For", from).GET().build(), HttpResponse.BodyHandlers.ofString());
        String cookie = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
        String csrf = org.jsoup.Jsoup.parse(page.body()).selectFirst("input[name=_csrf]").attr("value");
        String body = "_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8) + "&username=" + username
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return CLIENT.send(HttpRequest.newBuilder(URI.create(baseUrl + "/login")).header("X-Forwarded-For", from)
                .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
