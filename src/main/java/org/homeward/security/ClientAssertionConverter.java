package org.homeward.security;

import com.nimbusds.jwt.JWTParser;
import jakarta.servlet.http.HttpServletRequest;
import java.text.ParseException;
import java.util.Map;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Reads a token request's client assertion as NHS England's signed-JWT authentication sends it: {@code
 * client_assertion_type} and {@code client_assertion}, with no {@code client_id} parameter (RFC 7521 4.2 makes it
 * optional; the client is named by the assertion's {@code sub}). Spring Authorization Server's own converter requires
 * {@code client_id}; this one takes it from the assertion when it is absent. Nothing here is trusted: the assertion's
 * signature, {@code iss}, {@code sub}, {@code aud} and expiry are checked afterwards by SAS's
 * {@code JwtClientAssertionAuthenticationProvider} against the client found by that id.
 */
final class ClientAssertionConverter implements AuthenticationConverter {

    static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    private static final ClientAuthenticationMethod JWT_CLIENT_ASSERTION = new ClientAuthenticationMethod(JWT_BEARER);

    @Override
    public Authentication convert(HttpServletRequest request) {
        if (!HttpMethod.POST.matches(request.getMethod())) {
            return null;
        }
        String type = single(request, "client_assertion_type");
        String assertion = single(request, "client_assertion");
        if (type == null && assertion == null) {
            return null;
        }
        if (!JWT_BEARER.equals(type) || assertion == null || assertion.isBlank()) {
            throw refused(OAuth2ErrorCodes.INVALID_REQUEST, "client_assertion_type must be " + JWT_BEARER
                    + " and client_assertion the signed JWT");
        }
        String clientId = single(request, "client_id");
        if (clientId == null || clientId.isBlank()) {
            try {
                clientId = JWTParser.parse(assertion).getJWTClaimsSet().getSubject();
            } catch (ParseException e) {
                throw refused(OAuth2ErrorCodes.INVALID_CLIENT, "client_assertion is not a JWT");
            }
            if (clientId == null || clientId.isBlank()) {
                throw refused(OAuth2ErrorCodes.INVALID_CLIENT, "client_assertion names no client (sub)");
            }
        }
        return new OAuth2ClientAuthenticationToken(clientId, JWT_CLIENT_ASSERTION, assertion, Map.of());
    }

    /** The parameter's one value, null if absent; sent twice, refused (RFC 6749 3.1). */
    private static String single(HttpServletRequest request, String name) {
        String[] values = request.getParameterValues(name);
        if (values == null) {
            return null;
        }
        if (values.length != 1) {
            throw refused(OAuth2ErrorCodes.INVALID_REQUEST, name + " must be sent once");
        }
        return values[0];
    }

    private static OAuth2AuthenticationException refused(String code, String description) {
        return new OAuth2AuthenticationException(new OAuth2Error(code, description,
                "https://datatracker.ietf.org/doc/html/rfc7523#section-3"));
    }
}
