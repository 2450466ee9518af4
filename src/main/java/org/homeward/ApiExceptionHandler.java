package org.homeward;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.homeward.shared.DatabaseUnavailable;
import org.homeward.shared.ForbiddenException;
import org.homeward.shared.InvalidInputException;
import org.homeward.shared.NotFoundException;
import org.homeward.shared.RefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.ErrorResponse;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Maps every failure of the JSON API to an RFC 9457 problem detail with a message a person can act on. Validation
 * problems name each field. Unexpected errors are logged with their stack trace and answered with a reference only.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalidInput(InvalidInputException e) {
        return withFields(problem(HttpStatus.BAD_REQUEST, "Invalid input", e.getMessage()),
                List.of(Map.of("field", e.field(), "message", e.getMessage())));
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalidBody(MethodArgumentNotValidException e) {
        List<Map<String, String>> fields = e.getBindingResult().getFieldErrors().stream()
                .map(error -> Map.of("field", error.getField(), "message", messageOf(error)))
                .toList();
        String detail = fields.stream().map(f -> f.get("field") + ": " + f.get("message"))
                .collect(Collectors.joining("; "));
        return withFields(problem(HttpStatus.BAD_REQUEST, "Invalid input", detail), fields);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            String message = describe(mapping);
            return withFields(problem(HttpStatus.BAD_REQUEST, "Invalid input", field + ": " + message),
                    List.of(Map.of("field", field, "message", message)));
        }
        return problem(HttpStatus.BAD_REQUEST, "Unreadable request", "The request body is not valid JSON.");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        String message = "cannot be read as " + (e.getRequiredType() == null ? "value" : e.getRequiredType().getSimpleName());
        return withFields(problem(HttpStatus.BAD_REQUEST, "Invalid input", e.getName() + ": " + message),
                List.of(Map.of("field", e.getName(), "message", message)));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missingParameter(MissingServletRequestParameterException e) {
        return withFields(problem(HttpStatus.BAD_REQUEST, "Invalid input", e.getParameterName() + ": is required"),
                List.of(Map.of("field", e.getParameterName(), "message", "is required")));
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ProblemDetail noResource(NoResourceFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", "There is nothing at " + e.getResourcePath());
    }

    @ExceptionHandler(RefusedException.class)
    ProblemDetail refused(RefusedException e) {
        return problem(HttpStatus.CONFLICT, "Refused", e.getMessage());
    }

    @ExceptionHandler({ForbiddenException.class, AccessDeniedException.class})
    ProblemDetail forbidden(RuntimeException e) {
        return problem(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage());
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ProblemDetail concurrentChange(OptimisticLockingFailureException e) {
        return problem(HttpStatus.CONFLICT, "Changed by someone else",
                "This record was changed by someone else while you were working on it. Reload it and try again.");
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail integrity(DataIntegrityViolationException e) {
        log.warn("Refused by a database constraint", e);
        return problem(HttpStatus.CONFLICT, "Refused",
                "The change conflicts with the records as they now stand (another user may have made the same change). Reload and try again.");
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e, HttpServletResponse response) {
        if (DatabaseUnavailable.causedBy(e)) {
            return DatabaseUnavailable.problem(response);
        }
        if (e instanceof ErrorResponse known && known.getStatusCode().is4xxClientError()) {
            ProblemDetail problem = known.getBody();
            problem.setType(URI.create("about:blank"));
            return problem;
        }
        String reference = java.util.UUID.randomUUID().toString().substring(0, 8);
        log.error("Unexpected error, reference {}", reference, e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong",
                "Nothing was changed. If this happens again, report reference " + reference + ".");
    }

    private static String describe(JsonMappingException mapping) {
        if (mapping instanceof UnrecognizedPropertyException) {
            return "is not a known field";
        }
        if (mapping instanceof InvalidFormatException format) {
            Class<?> target = format.getTargetType();
            return target.isEnum() ? "must be one of " + Arrays.toString(target.getEnumConstants())
                    : "cannot be read as " + target.getSimpleName() + " (" + format.getValue() + ")";
        }
        return "cannot be read";
    }

    private static String messageOf(FieldError error) {
        return error.getDefaultMessage() == null ? "is not valid" : error.getDefaultMessage();
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create("about:blank"));
        return problem;
    }

    private static ProblemDetail withFields(ProblemDetail problem, List<Map<String, String>> fields) {
        problem.setProperty("errors", fields);
        return problem;
    }
}
