package org.homeward.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request a fresh random nonce for the Content-Security-Policy: the page's own inline scripts carry it
 * ({@code th:attr="nonce=${cspNonce}"}), so a script injected into a page, which cannot know it, does not run.
 */
final class CspNonceFilter extends OncePerRequestFilter {

    /** The request attribute, and so the Thymeleaf variable, holding the nonce. */
    static final String ATTRIBUTE = "cspNonce";

    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        request.setAttribute(ATTRIBUTE, nonce());
        chain.doFilter(request, response);
    }

    static String nonce() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
