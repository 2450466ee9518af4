package org.homeward.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.homeward.security.OAuthEndpoints;
import org.homeward.security.SystemClientScopes;

/**
 * {@code GET /fhir/.well-known/smart-configuration}: SMART App Launch 2.x discovery (section 'SMART configuration'),
 * read before signing in, as {@code /fhir/metadata} is, by a backend service (a device platform, an integration
 * engine) learning how to get a token. It says only what Homeward does: the client credentials grant, a JWT assertion
 * signed RS512 (private_key_jwt, as NHS England's APIs ask), the system scopes of the types served
 * ({@link SystemClientScopes}), and Homeward's own token and key-set addresses. No user-facing launch, no
 * authorization endpoint: people sign in with their own logins.
 */
class SmartConfiguration {

    static final String PATH = "/.well-known/smart-configuration";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Answers the discovery document before HAPI reads the path as a resource type; anything else goes on. */
    @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_PROCESSED)
    public boolean serve(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.equals("/fhir" + PATH)) {
            return true;
        }
        if (!"GET".equals(request.getMethod())) {
            response.setStatus(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            response.setHeader("Allow", "GET");
            return false;
        }
        String url = request.getRequestURL().toString();
        String root = url.substring(0, url.length() - ("/fhir" + PATH).length());
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        JSON.writeValue(response.getWriter(), document(root));
        return false;
    }

    /** The document for a server whose root address (before {@code /fhir}) is {@code root}. */
    static Map<String, Object> document(String root) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("issuer", root);
        document.put("jwks_uri", root + OAuthEndpoints.JWKS);
        document.put("token_endpoint", root + OAuthEndpoints.TOKEN);
        document.put("grant_types_supported", List.of("client_credentials"));
        document.put("token_endpoint_auth_methods_supported", List.of("private_key_jwt"));
        document.put("token_endpoint_auth_signing_alg_values_supported", List.of("RS512"));
        document.put("scopes_supported", List.copyOf(new TreeSet<>(SystemClientScopes.allowed())));
        document.put("capabilities", List.of("client-confidential-asymmetric", "permission-v1"));
        document.put("code_challenge_methods_supported", List.of());
        return document;
    }
}
