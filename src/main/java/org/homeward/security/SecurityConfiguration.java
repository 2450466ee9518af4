package org.homeward.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.homeward.shared.DatabaseUnavailable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Two filter chains. The JSON API ({@code /api/**}) is stateless with HTTP Basic: no session cookie authenticates it,
 * so it needs no CSRF token. The pages use form login with a session cookie (HttpOnly, Secure, SameSite=Lax) and
 * CSRF tokens on every form.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    private static final String REALM = "Homeward";

    @Bean
    PasswordEncoder passwordEncoder(java.time.Clock clock) {
        return new VerifiedPasswordCache(new BCryptPasswordEncoder(), clock);
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, ObjectMapper objectMapper) throws Exception {
        return http.securityMatcher("/api/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> {
                    if (DatabaseUnavailable.causedBy(e)) {
                        DatabaseUnavailable.write(response, objectMapper);
                        return;
                    }
                    // RFC 9110 11.6.1: a 401 must say how to authenticate
                    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\"");
                    problem(response, objectMapper, HttpStatus.UNAUTHORIZED,
                            "Sign in with your Homeward username and password (HTTP Basic).");
                }))
                .exceptionHandling(ex -> ex.accessDeniedHandler((request, response, e) ->
                        problem(response, objectMapper, HttpStatus.FORBIDDEN, "You may not do this.")))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pageSecurity(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/error", "/nhsuk-frontend.min.css", "/nhsuk-frontend.min.js",
                                "/assets/**", "/webjars/**", "/css/**", "/favicon.ico",
                                "/actuator/health/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html",
                                "/home/**")
                        .permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", true).permitAll()
                        .failureHandler(DatabaseUnavailable.orElse(new SimpleUrlAuthenticationFailureHandler("/login?error"))))
                .logout(logout -> logout.logoutSuccessUrl("/login?signedOut"))
                .headers(headers -> headers
                        .referrerPolicy(ref -> ref.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
                                        + "img-src 'self' data:; frame-ancestors 'none'")))
                .build();
    }

    private static void problem(HttpServletResponse response, ObjectMapper objectMapper, HttpStatus status,
            String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        objectMapper.writeValue(response.getOutputStream(),
                Map.of("type", "about:blank", "title", status.getReasonPhrase(), "status", status.value(),
                        "detail", detail));
    }
}
