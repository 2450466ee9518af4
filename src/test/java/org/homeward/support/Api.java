package org.homeward.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.homeward.security.CurrentUser;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/** Real HTTP calls to the running application, signed in with HTTP Basic as a fixture user. */
@TestComponent
public class Api {

    private static final HttpClient RAW_CLIENT = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private final Environment environment;
    private final ObjectMapper json;
    private RestClient client;

    Api(Environment environment, ObjectMapper json) {
        this.environment = environment;
        this.json = json;
    }

    /** The server's port is known only once it has started, after this bean was made. */
    public String baseUrl() {
        return "http://localhost:" + environment.getRequiredProperty("local.server.port");
    }

    private RestClient client() {
        if (client == null) {
            client = RestClient.builder().baseUrl(baseUrl()).build();
        }
        return client;
    }

    public Response get(CurrentUser user, String path) {
        return exchange(client().get().uri(path).headers(h -> signIn(h, user)));
    }

    public Response getAnonymous(String path) {
        return exchange(client().get().uri(path));
    }

    public Response post(CurrentUser user, String path, Object body) {
        return exchange(client().post().uri(path).headers(h -> signIn(h, user)).contentType(MediaType.APPLICATION_JSON)
                .body(body instanceof String s ? s : toJson(body)));
    }

    public Response put(CurrentUser user, String path, Object body) {
        return exchange(client().put().uri(path).headers(h -> signIn(h, user)).contentType(MediaType.APPLICATION_JSON)
                .body(body instanceof String s ? s : toJson(body)));
    }

    public Response delete(CurrentUser user, String path) {
        return exchange(client().delete().uri(path).headers(h -> signIn(h, user)));
    }

    /**
     * Any request exactly as given, answered as text and never following redirects: for bodies that are not JSON,
     * for checking what the server writes (no stack traces), and for unauthenticated or wrong-password calls.
     *
     * @param username {@code null} for no Authorization header
     * @param body {@code null} for no body; otherwise sent as application/json
     */
    public RawResponse raw(String method, String path, String username, String password, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE);
        }
        if (username != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder()
                    .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpResponse<String> response = RAW_CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new RawResponse(response.statusCode(),
                    response.headers().firstValue(HttpHeaders.CONTENT_TYPE).orElse(""),
                    response.headers().firstValue(HttpHeaders.LOCATION).orElse(null), response.body(),
                    response.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@link #raw} signed in as a fixture user. */
    public RawResponse raw(String method, String path, CurrentUser user, String body) {
        return raw(method, path, user.username(), Fixtures.PASSWORD, body);
    }

    /** Parses a raw JSON body, e.g. to read a problem detail's fields. */
    public JsonNode json(RawResponse response) {
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String toJson(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void signIn(HttpHeaders headers, CurrentUser user) {
        headers.setBasicAuth(user.username(), Fixtures.PASSWORD);
    }

    private Response exchange(RestClient.RequestHeadersSpec<?> spec) {
        return spec.exchange((request, response) -> {
            String text = new String(response.getBody().readAllBytes());
            JsonNode body = text.isBlank() ? json.nullNode() : json.readTree(text);
            return new Response(response.getStatusCode().value(),
                    response.getHeaders().getContentType() == null ? "" : response.getHeaders().getContentType().toString(),
                    body);
        });
    }

    /** Status, content type, Location header and the body as the server wrote it, with every header. */
    public record RawResponse(int status, String contentType, String location, String body,
            Map<String, List<String>> headers) {

        /** Every value of the header, by name in any case. */
        public List<String> header(String name) {
            return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name))
                    .flatMap(h -> h.getValue().stream()).toList();
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + (location == null ? "" : location + " ") + body;
        }
    }

    /** Status, content type and the JSON body. */
    public record Response(int status, String contentType, JsonNode body) {

        public String text(String field) {
            return body.path(field).asText();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
