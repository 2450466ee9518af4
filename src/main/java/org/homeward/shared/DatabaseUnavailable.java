package org.homeward.shared;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * The one rule for "the database cannot be reached": such a failure is a 503 with Retry-After, so that a device
 * gateway keeps its readings and sends them again, and a load balancer may route elsewhere. Never a 401: when the
 * user lookup fails because the database is down, the credentials were not found wrong, and a gateway told so would
 * stop sending. Used by the API's exception handler, the page error handler and the security entry points.
 */
public final class DatabaseUnavailable {

    /** Long enough for a restarted server to come back (the embedded one's watchdog checks every 2 s). */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(10);

    public static final String TITLE = "Service temporarily unavailable";

    public static final String DETAIL = "The database cannot be reached just now. Nothing was stored; send the same "
            + "request again in " + RETRY_AFTER.toSeconds() + " seconds.";

    /** The same, in words for the error page. */
    public static final String PAGE_DETAIL =
            "The records cannot be reached just now. Nothing was changed; try again in a few seconds.";

    private DatabaseUnavailable() {
    }

    /**
     * Whether this failure, or anything that caused it, is the database being unreachable (no connection to be had,
     * a connection lost, the server shutting down) rather than a problem with the request.
     */
    public static boolean causedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException // includes CannotGetJdbcConnectionException
                    || cause instanceof TransientDataAccessResourceException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof SQLTransientConnectionException // Hikari: no connection within the timeout
                    || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLException sql && isConnectionState(sql.getSQLState())) {
                return true;
            }
            // a connection lost mid-transaction also fails the rollback, which then hides the original failure
            if (cause instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
                    && causedBy(rollback.getApplicationException())) {
                return true;
            }
        }
        return false;
    }

    /** SQLSTATE class 08 (connection exception), 57P01-57P03 (server shutting down or starting up). */
    private static boolean isConnectionState(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("57P0"));
    }

    /** The problem detail, with Retry-After set on the response. */
    public static ProblemDetail problem(HttpServletResponse response) {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER.toSeconds()));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, DETAIL);
        problem.setTitle(TITLE);
        problem.setType(URI.create("about:blank"));
        return problem;
    }

    /** Writes the 503 problem detail, for callers outside Spring MVC (security entry points). */
    public static void write(HttpServletResponse response, ObjectMapper objectMapper) throws IOException {
        ProblemDetail problem = problem(response);
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        objectMapper.writeValue(response.getOutputStream(), problem);
    }

    /**
     * For the sign-in form: a sign-in that failed because the database is down gets the error page with 503 (and
     * Retry-After), not "wrong username or password"; any other failure goes to {@code otherwise}.
     */
    public static AuthenticationFailureHandler orElse(AuthenticationFailureHandler otherwise) {
        return (request, response, e) -> {
            if (causedBy(e)) {
                problem(response);
                response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value());
            } else {
                otherwise.onAuthenticationFailure(request, response, e);
            }
        };
    }
}
