package org.homeward.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.homeward.security.CurrentUser;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/** Real HTTP calls to the running application, signed in with HTTP Basic as a fixture user. */
@TestComponent
public class Api {

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
