package org.homeward;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;
import org.springframework.web.util.HtmlUtils;

/**
 * Errors that no controller answers still get Homeward's answer: a problem detail under {@code /api}, the NHS.UK error
 * page elsewhere. Two places produce them.
 * <ul>
 * <li>{@link #errorPages}: Spring Boot's {@code /error}, reached when a filter or the container sends an error
 * (Spring Security's firewall refusing an encoded slash, for example). It replaces Boot's default JSON and
 * whitelabel answers.</li>
 * <li>{@link ProblemErrorReportValve}: requests Tomcat refuses before any servlet runs (a malformed path such as
 * {@code /api/v1/%ZZ}, a request line or headers too large). Tomcat's own report is an HTML page; this writes the
 * same two answers instead, with no stack trace and no server version.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class ContainerErrorConfiguration {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemDetailsFromTomcat() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof org.apache.catalina.core.StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        });
    }

    /** Whether the path is the JSON API's (it gets problem details) rather than a page. */
    static boolean isApi(String path) {
        return path != null && (path.equals("/api") || path.startsWith("/api/"));
    }

    static String titleFor(int status) {
        return switch (status) {
            case 400 -> "This request cannot be answered";
            case 401 -> "Sign in to continue";
            case 403 -> "You cannot see this";
            case 404 -> "Page not found";
            case 405 -> "This request cannot be answered";
            case 413, 414, 431 -> "This request is too large";
            default -> status >= 500 ? "Something went wrong" : "This request cannot be answered";
        };
    }

    static String detailFor(int status, boolean api) {
        if (status == 404) {
            return api ? "There is nothing at this address." : "Check the address, or go back to the service overview.";
        }
        if (status == 401 || status == 403) {
            return api ? "You may not do this." : "You do not have access to this. Go back to the service overview.";
        }
        if (status >= 500) {
            return "Nothing was changed. Try again, or go back to the service overview.";
        }
        if (status == 413 || status == 414 || status == 431) {
            return "The request, its address or its headers are too large to be read. Nothing was changed.";
        }
        return api ? "The request is malformed (for example an invalid character or escape in its address) and was not read. Nothing was changed."
                : "The address or the form is not valid. Go back and try again from the page you came from.";
    }

    /**
     * Spring Boot's error path, for errors sent by filters or the container after the request was read. A functional
     * route (not a controller class, which would belong in a module's web package); declaring an
     * {@link ErrorController} makes Spring Boot drop its own JSON and whitelabel answers.
     */
    @Bean
    RouterFunction<ServerResponse> errorPages(@Value("${server.error.path:/error}") String errorPath) {
        return RouterFunctions.route(RequestPredicates.path(errorPath), request -> {
            HttpServletRequest servlet = request.servletRequest();
            Object code = servlet.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
            int status = code instanceof Integer number && number >= 400 ? number : 404;
            String path = (String) servlet.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
            if (isApi(path == null ? null : path.substring(servlet.getContextPath().length()))) {
                ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status), detailFor(status, true));
                problem.setTitle(HttpStatus.valueOf(status).getReasonPhrase());
                problem.setType(URI.create("about:blank"));
                return ServerResponse.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
            }
            return ServerResponse.status(status).render("error", Map.of("status", status, "title", titleFor(status),
                    "detail", detailFor(status, false)));
        });
    }

    @Bean
    ErrorController homewardErrorPath() {
        return new ErrorController() { };
    }

    /**
     * Tomcat's error report for requests it refuses itself. Public with a no-argument constructor because Tomcat
     * creates it by class name.
     */
    public static class ProblemErrorReportValve extends ErrorReportValve {

        public ProblemErrorReportValve() {
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            AtomicBoolean ioAllowed = new AtomicBoolean(true);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
            if (!ioAllowed.get()) {
                return;
            }
            // the raw path as sent: a request Tomcat refused may have no decoded path at all
            String path = request.getCoyoteRequest().requestURI().toString();
            // A request line Tomcat could not read (an illegal character, or longer than the header buffer) leaves no
            // path to go by. Such requests come from programs, not from links a browser follows, so they get the
            // machine-readable answer.
            boolean api = path == null || path.isEmpty() || isApi(path);
            String title = titleFor(status);
            String detail = detailFor(status, api);
            try {
                response.setCharacterEncoding("UTF-8");
                if (api) {
                    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                    String reason = HttpStatus.resolve(status) == null ? "Error" : HttpStatus.resolve(status).getReasonPhrase();
                    write(response, "{\"type\":\"about:blank\",\"title\":\"" + reason + "\",\"status\":" + status
                            + ",\"detail\":\"" + detail + "\"}");
                } else {
                    response.setContentType(MediaType.TEXT_HTML_VALUE);
                    write(response, page(status, title, detail));
                }
            } catch (IOException | IllegalStateException notWritten) {
                // the client has gone or the response cannot be written: there is nobody to tell
            }
        }

        private static void write(Response response, String text) throws IOException {
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(text);
                response.finishResponse();
            }
        }

        /** The NHS.UK error page (templates/error.html) without the signed-in header, which needs a request. */
        static String page(int status, String title, String detail) {
            return """
                    <!DOCTYPE html>
                    <html lang="en">
                    <head>
                      <meta charset="utf-8">
                      <meta name="viewport" content="width=device-width, initial-scale=1">
                      <title>%1$s - Homeward</title>
                      <link rel="stylesheet" href="/nhsuk-frontend.min.css">
                      <link rel="stylesheet" href="/css/homeward.css">
                    </head>
                    <body>
                    <header class="nhsuk-header" role="banner">
                      <div class="nhsuk-width-container hw-header">
                        <a class="hw-service-name" href="/">Homeward <span class="hw-service-tag">Hospital at Home</span></a>
                      </div>
                    </header>
                    <div class="nhsuk-width-container">
                      <main class="nhsuk-main-wrapper" id="maincontent">
                        <h1 data-testid="error-title">%1$s</h1>
                        <p data-testid="error-detail">%2$s</p>
                        <p data-testid="error-status">Error %3$d</p>
                        <p><a href="/">Go to the service overview</a></p>
                      </main>
                    </div>
                    </body>
                    </html>
                    """.formatted(HtmlUtils.htmlEscape(title), HtmlUtils.htmlEscape(detail), status);
        }
    }
}
