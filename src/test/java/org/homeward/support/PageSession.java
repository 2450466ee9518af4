package org.homeward.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.homeward.security.CurrentUser;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The pages as a browser without JavaScript uses them, over real HTTP: signed in through the login form with a session
 * cookie, forms posted url-encoded with the CSRF token the page's form carries, redirects not followed (so a test sees
 * where the server sends it). Lighter than {@link Browser} for page flows that need no script.
 */
public final class PageSession {

    private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private final String baseUrl;
    private String sessionCookie;

    private PageSession(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Signs in through the login page, as a person would, and keeps the session cookie. */
    public static PageSession signIn(String baseUrl, CurrentUser user) {
        PageSession session = new PageSession(baseUrl);
        Page login = session.get("/login");
        Page signedIn = session.submit(login, "form", Map.of("username", user.username(), "password", Fixtures.PASSWORD));
        assertThat(signedIn.status()).as("sign-in of %s", user.username()).isEqualTo(302);
        assertThat(signedIn.location()).as("sign-in of %s", user.username()).doesNotContain("error");
        return session;
    }

    /** A session with no one signed in: a patient or carer opening their personal link. */
    public static PageSession anonymous(String baseUrl) {
        return new PageSession(baseUrl);
    }

    /** The same signed-in session, sent to another app node (they share sessions through the database). */
    public PageSession on(String otherBaseUrl) {
        PageSession elsewhere = new PageSession(otherBaseUrl);
        elsewhere.sessionCookie = sessionCookie;
        return elsewhere;
    }

    /** The session cookie as a browser would send it ({@code name=value}), for requests this class does not make. */
    public String cookie() {
        return sessionCookie;
    }

    public Page get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    /** A file the page links to (a PDF): status, content type and the bytes as sent. */
    public Download download(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).GET();
        if (sessionCookie != null) {
            request.header("Cookie", sessionCookie);
        }
        try {
            HttpResponse<byte[]> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Download(int status, String contentType, byte[] body) {
    }

    /**
     * Submits the form of {@code page} found by the CSS {@code formSelector}, as a browser would: to the form's action,
     * with its CSRF token, and the given fields (radios and text the person chose).
     */
    public Page submit(Page page, String formSelector, Map<String, String> fields) {
        Element form = page.html().selectFirst(formSelector);
        assertThat(form).as("form %s on the page", formSelector).isNotNull();
        Map<String, String> body = new LinkedHashMap<>();
        Element csrf = form.selectFirst("input[name=_csrf]");
        assertThat(csrf).as("CSRF token in form %s", formSelector).isNotNull();
        body.put("_csrf", csrf.attr("value"));
        body.putAll(fields);
        return post(form.attr("action"), body);
    }

    /** A form post exactly as given: for posts the page does not offer, with or without a {@code _csrf} field. */
    public Page post(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    /** Follows a redirect the server answered with. */
    public Page follow(Page redirect) {
        assertThat(redirect.status()).as(redirect.toString()).isEqualTo(302);
        return get(URI.create(redirect.location()).getRawPath() + (URI.create(redirect.location()).getRawQuery() == null
                ? "" : "?" + URI.create(redirect.location()).getRawQuery()));
    }

    private Page send(HttpRequest.Builder request) {
        if (sessionCookie != null) {
            request.header("Cookie", sessionCookie);
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                    .findFirst().ifPresent(c -> sessionCookie = c.substring(0, c.indexOf(';')));
            return new Page(response.statusCode(), response.headers().firstValue("Location").orElse(null),
                    Jsoup.parse(response.body(), baseUrl), response.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Status, redirect target and the parsed page. */
    public record Page(int status, String location, Document html, Map<String, java.util.List<String>> headers) {

        /** The first value of a response header, by name in any case, or {@code null}. */
        public String header(String name) {
            return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name))
                    .flatMap(h -> h.getValue().stream()).findFirst().orElse(null);
        }

        /** The text of the element with this {@code data-testid}, or {@code null} when the page has none. */
        public String testId(String id) {
            Element element = html.selectFirst("[data-testid='" + id + "']");
            return element == null ? null : element.text();
        }

        public String text() {
            return html.text();
        }

        @Override
        public String toString() {
            return status + (location == null ? "" : " -> " + location) + " " + html.title();
        }
    }
}
