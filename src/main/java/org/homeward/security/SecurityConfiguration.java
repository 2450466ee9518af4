package org.homeward.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import org.homeward.shared.DatabaseUnavailable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AccountExpiredException;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * Two filter chains (and, before them, the authorization server's: {@link AuthorizationServerConfiguration}). The
 * JSON API ({@code /api/**}) and the FHIR API ({@code /fhir/**}) are stateless with HTTP Basic: no session cookie
 * authenticates them, so it needs no CSRF token. The FHIR API also takes a system client's access token
 * ({@code Authorization: Bearer}, checked by {@link SystemClientTokens}); the JSON API does not. The pages use form
 * login with a session cookie (HttpOnly, Secure, SameSite=Lax) and CSRF tokens on every form.
 *
 * <p>Sign-ins through either are throttled by {@link LoginThrottle}: a username locked after repeated failures is
 * refused before its password is checked, and an address with very many failures is refused by
 * {@link AddressThrottleFilter} before Spring Security's own authentication filters. The API answers both with 429
 * and Retry-After rather than 401: the credentials may well be right, and a device gateway told 401 would be told,
 * wrongly, to change them; 429 tells it to wait, which is what will work.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties(LoginThrottleProperties.class)
class SecurityConfiguration {

    private static final String REALM = "Homeward";

    static final String LOCKED_MESSAGE = "Too many failed sign-ins. Try again after %s or ask your administrator to"
            + " unlock the account.";
    static final String ADDRESS_BLOCKED_MESSAGE = "Too many failed sign-ins from your network. Try again after %s.";

    /**
     * No inline script or style runs unless it carries this request's nonce; style attributes are not allowed at all
     * (the pages use classes from /css/homeward.css and set positions from script).
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' 'nonce-%1$s'; "
            + "style-src 'self' 'nonce-%1$s'; img-src 'self' data:; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    /**
     * The API documentation (Swagger UI, a third-party bundle) sets inline styles as it draws; there, and only there,
     * styles may be inline (no nonce, which would make browsers ignore 'unsafe-inline'); its scripts stay nonce-only.
     */
    static final String API_DOCS_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY
            .replace("style-src 'self' 'nonce-%1$s'", "style-src 'self' 'unsafe-inline'");

    /** No page uses any of these browser features (no page asks for the location, camera or microphone). */
    static final String PERMISSIONS_POLICY = "accelerometer=(), camera=(), display-capture=(), geolocation=(), "
            + "gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), usb=(), serial=(), bluetooth=(), "
            + "hid=(), xr-spatial-tracking=(), browsing-topics=()";

    /** No Spring MVC handler look-up on each API request: {@link ApiRequestsSkipMvcIntrospection}. */
    @Bean
    static ApiRequestsSkipMvcIntrospection apiRequestsSkipMvcIntrospection() {
        return new ApiRequestsSkipMvcIntrospection();
    }

    /** Spring Security's strict firewall, checking names and values without a regular expression. */
    @Bean
    org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer requestFirewall() {
        return web -> web.httpFirewall(RequestFirewall.strict());
    }

    @Bean
    PasswordEncoder passwordEncoder(java.time.Clock clock) {
        return new VerifiedPasswordCache(new BCryptPasswordEncoder(), clock);
    }

    /**
     * Spring Security's own provider, with one change: a locked username is refused with the time its lock ends, so
     * the sign-in page and the API can say when to try again.
     */
    @Bean
    DaoAuthenticationProvider authenticationProvider(HomewardUserDetailsService users, PasswordEncoder passwordEncoder) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(passwordEncoder);
        provider.setPreAuthenticationChecks(user -> {
            if (user instanceof HomewardUserDetailsService.SignInUser signIn && signIn.lockedUntil() != null) {
                throw new SignInLockedException(signIn.lockedUntil());
            }
            if (!user.isEnabled()) {
                throw new DisabledException("User account is disabled");
            }
            if (!user.isAccountNonExpired()) {
                throw new AccountExpiredException("User account has expired");
            }
        });
        provider.setPostAuthenticationChecks(user -> {
            if (!user.isCredentialsNonExpired()) {
                throw new CredentialsExpiredException("User credentials have expired");
            }
        });
        return provider;
    }

    /** Spring Boot's publisher, told that our locked-username refusal is a "locked" failure. */
    @Bean
    AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher publisher) {
        DefaultAuthenticationEventPublisher events = new DefaultAuthenticationEventPublisher(publisher);
        events.setAdditionalExceptionMappings(Map.of(SignInLockedException.class, AuthenticationFailureLockedEvent.class));
        return events;
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, ObjectMapper objectMapper, LoginThrottle throttle,
            SystemClientTokens systemClientTokens, JwtDecoder systemClientTokenDecoder) throws Exception {
        AddressThrottleFilter addressThrottle = new AddressThrottleFilter(throttle,
                // a password sign-in (HTTP Basic); a system client's signed token is no guess at a password
                request -> startsWithIgnoringCase(request.getHeader(HttpHeaders.AUTHORIZATION), "Basic "),
                (request, response, until) -> tooManyAttempts(request, response, objectMapper, throttle, until,
                        ADDRESS_BLOCKED_MESSAGE));
        AuthenticationEntryPoint signIn = (request, response, e) -> {
            if (DatabaseUnavailable.causedBy(e)) {
                DatabaseUnavailable.write(response, objectMapper);
                return;
            }
            if (e instanceof SignInLockedException locked) {
                tooManyAttempts(request, response, objectMapper, throttle, locked.until(), LOCKED_MESSAGE);
                return;
            }
            // RFC 9110 11.6.1: a 401 must say how to authenticate; the FHIR API also takes a system client's token
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\"");
            if (isFhir(request)) {
                response.addHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"" + REALM + "\"");
            }
            answer(request, response, objectMapper, HttpStatus.UNAUTHORIZED, isFhir(request)
                    ? "Sign in with your Homeward username and password (HTTP Basic), or, for a system client, send an"
                            + " access token from " + AuthorizationServerConfiguration.TOKEN_ENDPOINT + " (Bearer)."
                    : "Sign in with your Homeward username and password (HTTP Basic).");
        };
        BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
        bearer.setRealmName(REALM);
        AuthenticationEntryPoint tokenRefused = (request, response, e) -> {
            if (DatabaseUnavailable.causedBy(e)) {
                DatabaseUnavailable.write(response, objectMapper);
                return;
            }
            // status 401 and WWW-Authenticate: Bearer error="invalid_token", error_description="..." (RFC 6750 3)
            bearer.commence(request, response, e);
            String why = e instanceof OAuth2AuthenticationException oauth && oauth.getError().getDescription() != null
                    ? oauth.getError().getDescription() : "The token cannot be used.";
            HttpStatus status = HttpStatus.resolve(response.getStatus());
            answer(request, response, objectMapper, status == null ? HttpStatus.UNAUTHORIZED : status,
                    "The bearer token was refused: " + why + (why.endsWith(".") ? "" : ".")
                    + " Get a new one from " + AuthorizationServerConfiguration.TOKEN_ENDPOINT + ".");
        };
        // bearer tokens are taken on the FHIR API only: on the JSON API a token is no sign-in (HTTP Basic only)
        DefaultBearerTokenResolver tokens = new DefaultBearerTokenResolver();
        BearerTokenResolver fhirOnly = request -> isFhir(request) ? tokens.resolve(request) : null;
        // path matchers on the whole path: /fhir is its own servlet (HAPI FHIR's), not Spring MVC's
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        return http.securityMatcher(new OrRequestMatcher(paths.matcher("/api/**"), paths.matcher("/fhir/**")))
                // a FHIR server's CapabilityStatement and SMART configuration are read before signing in, to learn how to
                .authorizeHttpRequests(auth -> auth.requestMatchers(paths.matcher(HttpMethod.GET, "/fhir/metadata"),
                                paths.matcher(HttpMethod.GET, "/fhir/.well-known/smart-configuration"))
                        .permitAll().anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(signIn))
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .bearerTokenResolver(fhirOnly)
                        .authenticationEntryPoint(tokenRefused)
                        .jwt(jwt -> jwt.decoder(systemClientTokenDecoder)
                                .jwtAuthenticationConverter(systemClientTokens::authentication)))
                .addFilterBefore(addressThrottle, BasicAuthenticationFilter.class)
                .exceptionHandling(ex -> ex.authenticationEntryPoint(signIn).accessDeniedHandler((request, response, e) ->
                        answer(request, response, objectMapper, HttpStatus.FORBIDDEN, "You may not do this.")))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                // no cross-origin caller is allowed (no CORS mapping anywhere): without this, Spring Security would
                // ask Spring MVC, on every request, for a mapping it does not have (ApiRequestsSkipMvcIntrospection)
                .cors(cors -> cors.disable())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .permissionsPolicyHeader(policy -> policy.policy(PERMISSIONS_POLICY)))
                .build();
    }

    private static boolean startsWithIgnoringCase(String text, String prefix) {
        return text != null && text.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    /** The FHIR API: its base ({@code POST /fhir}, a transaction) and everything under it. */
    private static boolean isFhir(HttpServletRequest request) {
        String fhir = request.getContextPath() + "/fhir";
        String uri = request.getRequestURI();
        return uri.equals(fhir) || uri.startsWith(fhir + "/");
    }

    @Bean
    @Order(2)
    SecurityFilterChain pageSecurity(HttpSecurity http, LoginThrottle throttle) throws Exception {
        AddressThrottleFilter addressThrottle = new AddressThrottleFilter(throttle,
                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/login"),
                (request, response, until) -> response.sendRedirect(
                        request.getContextPath() + "/login?throttled=" + throttle.timeOfDay(until)));
        return http
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/error", "/nhsuk-frontend.min.css", "/nhsuk-frontend.min.js",
                                "/assets/**", "/webjars/**", "/css/**", "/js/**", "/favicon.ico",
                                "/actuator/health/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html",
                                "/home/**")
                        .permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", true)
                        .failureHandler(DatabaseUnavailable.orElse(signInFailure(throttle))).permitAll())
                .addFilterBefore(addressThrottle, UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(new CspNonceFilter(), HeaderWriterFilter.class)
                .logout(logout -> logout.logoutSuccessUrl("/login?signedOut"))
                .headers(headers -> headers
                        .referrerPolicy(ref -> ref.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .addHeaderWriter(contentSecurityPolicy())
                        .permissionsPolicyHeader(policy -> policy.policy(PERMISSIONS_POLICY)))
                .build();
    }

    /** The page policy with this request's nonce (made here if the request never passed {@link CspNonceFilter}). */
    private static HeaderWriter contentSecurityPolicy() {
        return (request, response) -> {
            if (response.containsHeader("Content-Security-Policy")) {
                return;
            }
            Object nonce = request.getAttribute(CspNonceFilter.ATTRIBUTE);
            if (nonce == null) {
                nonce = CspNonceFilter.nonce();
                request.setAttribute(CspNonceFilter.ATTRIBUTE, nonce);
            }
            String policy = request.getRequestURI().startsWith(request.getContextPath() + "/swagger-ui/")
                    ? API_DOCS_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY;
            response.setHeader("Content-Security-Policy", policy.formatted(nonce));
        };
    }

    /** The sign-in form after a failure: a locked username is told until when; anything else the one usual message. */
    private static AuthenticationFailureHandler signInFailure(LoginThrottle throttle) {
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException e) -> {
            String query = e instanceof SignInLockedException locked
                    ? "locked=" + throttle.timeOfDay(locked.until())
                    : "error";
            response.sendRedirect(request.getContextPath() + "/login?" + query);
        };
    }

    private static void tooManyAttempts(HttpServletRequest request, HttpServletResponse response,
            ObjectMapper objectMapper, LoginThrottle throttle, Instant until, String message) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(throttle.secondsUntil(until)));
        answer(request, response, objectMapper, HttpStatus.TOO_MANY_REQUESTS,
                message.formatted(throttle.timeOfDay(until)));
    }

    /**
     * A refusal in the caller's language: a problem detail for the JSON API, an OperationOutcome for the FHIR API
     * (whose clients read nothing else).
     */
    private static void answer(HttpServletRequest request, HttpServletResponse response, ObjectMapper objectMapper,
            HttpStatus status, String detail) throws IOException {
        if (!request.getRequestURI().startsWith(request.getContextPath() + "/fhir")) {
            problem(response, objectMapper, status, detail);
            return;
        }
        String code = switch (status) {
            case UNAUTHORIZED -> "login";
            case FORBIDDEN -> "forbidden";
            case TOO_MANY_REQUESTS -> "throttled";
            default -> "processing";
        };
        response.setStatus(status.value());
        response.setContentType("application/fhir+json;charset=UTF-8");
        objectMapper.writeValue(response.getOutputStream(), Map.of("resourceType", "OperationOutcome",
                "issue", java.util.List.of(Map.of("severity", "error", "code", code, "diagnostics", detail))));
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
