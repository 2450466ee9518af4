package org.homeward;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.homeward.shared.DatabaseUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The outermost filter: a database failure raised outside any controller still gets the 503 answer of
 * {@link DatabaseUnavailable}. Sessions are kept in PostgreSQL (Spring Session JDBC), so a signed-in page request
 * reads the database before Spring Security or any controller runs, and writes it again after; when the database is
 * down those reads fail in Spring Session's own filter, which no exception handler sees. Without this filter such a
 * request would be a 500 "Something went wrong"; with it, a problem detail with Retry-After under {@code /api} and
 * the NHS.UK error page elsewhere. Ordered before Spring Session's filter, so it wraps it.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseUnavailableFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> databaseUnavailableAnswer(ObjectMapper objectMapper) {
        FilterRegistrationBean<OncePerRequestFilter> registration =
                new FilterRegistrationBean<>(new Answer(objectMapper));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setName("databaseUnavailableAnswer");
        return registration;
    }

    private static final class Answer extends OncePerRequestFilter {

        private final ObjectMapper objectMapper;

        Answer(ObjectMapper objectMapper) {
            this.objectMapper = objectMapper;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            try {
                chain.doFilter(request, response);
            } catch (ServletException | IOException | RuntimeException e) {
                if (!DatabaseUnavailable.causedBy(e) || response.isCommitted()) {
                    throw e;
                }
                log.warn("Database unreachable while answering {} {}: {}", request.getMethod(),
                        request.getRequestURI(), e.toString());
                response.reset();
                if (ContainerErrorConfiguration.isApi(request.getRequestURI()
                        .substring(request.getContextPath().length()))) {
                    DatabaseUnavailable.write(response, objectMapper);
                    return;
                }
                DatabaseUnavailable.problem(response); // Retry-After
                response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
                response.setContentType(MediaType.TEXT_HTML_VALUE);
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                response.getWriter().write(ContainerErrorConfiguration.ProblemErrorReportValve.page(
                        HttpStatus.SERVICE_UNAVAILABLE.value(), DatabaseUnavailable.TITLE,
                        DatabaseUnavailable.PAGE_DETAIL));
            }
        }
    }
}
