package org.homeward.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local stand-in of GOV.UK Notify's HTTP API, enough for sending texts: {@code POST /v2/notifications/sms} answers
 * 201 with the body Notify sends, or, for the numbers told to fail, 500 with Notify's error body. Every request is
 * kept with its bearer token, so tests see what the client really sent.
 */
public final class NotifyStandIn implements AutoCloseable {

    public record Received(String authorization, JsonNode body) {
        public String phoneNumber() {
            return body.path("phone_number").asText();
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Set<String> failing = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final ObjectMapper json = new ObjectMapper();

    public NotifyStandIn(String baseUrl) throws IOException {
        URI uri = URI.create(baseUrl);
        server = HttpServer.create(new InetSocketAddress(uri.getHost(), uri.getPort()), 0);
        server.createContext("/v2/notifications/sms", this::sms);
        server.start();
    }

    public void failFor(String phoneNumber) {
        failing.add(phoneNumber);
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<Received> receivedFor(String phoneNumber) {
        return received.stream().filter(r -> r.phoneNumber().equals(phoneNumber)).toList();
    }

    private void sms(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                answer(exchange, 405, "{\"errors\":[{\"error\":\"MethodNotAllowed\",\"message\":\"POST only\"}],\"status_code\":405}");
                return;
            }
            JsonNode body = json.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            Received request = new Received(exchange.getRequestHeaders().getFirst("Authorization"), body);
            received.add(request);
            if (request.authorization() == null || !request.authorization().startsWith("Bearer ")) {
                answer(exchange, 403, "{\"errors\":[{\"error\":\"AuthError\",\"message\":\"Unauthorized: authentication token must be provided\"}],\"status_code\":403}");
            } else if (failing.contains(request.phoneNumber())) {
                answer(exchange, 500, "{\"errors\":[{\"error\":\"Exception\",\"message\":\"Internal server error\"}],\"status_code\":500}");
            } else {
                String id = UUID.randomUUID().toString();
                String templateId = body.path("template_id").asText();
                answer(exchange, 201, """
                        {"id": "%s", "reference": null,
                         "content": {"body": %s, "from_number": "Homeward"},
                         "uri": "https://api.notifications.service.gov.uk/v2/notifications/%s",
                         "template": {"id": "%s", "version": 1,
                                      "uri": "https://api.notifications.service.gov.uk/v2/template/%s"}}"""
                        .formatted(id, json.writeValueAsString(body.path("personalisation").path("message").asText()),
                                id, templateId, templateId));
            }
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
