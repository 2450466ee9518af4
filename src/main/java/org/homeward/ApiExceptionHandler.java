package org.homeward;

import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
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
        // a message that is not a sentence ("must be a time of day ...") is about the field it names
        String message = e.getMessage();
        String detail = !message.isEmpty() && Character.isLowerCase(message.charAt(0)) ? e.field() + " " + message : message;
        return withFields(problem(HttpStatus.BAD_REQUEST, "Invalid input", detail),
                List.of(Map.of("field", e.field(), "message", message)));
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
        // a repeated key: which value would count is a guess, so neither does (spring.jackson.parser.strict-duplicate-detection)
        StreamReadException duplicate = causeOf(e, StreamReadException.class);
        if (duplicate != null && duplicate.getOriginalMessage() != null
                && duplicate.getOriginalMessage().startsWith("Duplicate field '")) {
            String message = duplicate.getOriginalMessage();
            String field = message.substring("Duplicate field '".length(), message.length() - 1);
            return withFields(problem(HttpStatus.BAD_REQUEST, "Invalid input",
                    message + ": each field may appear only once in a request"),
                    List.of(Map.of("field", field, "message", "appears more than once")));
        }
        // text after the JSON value: the request is not what the client meant to send, so nothing is acted on
        // (spring.jackson.deserialization.fail-on-trailing-tokens)
        if (e.getCause() instanceof MismatchedInputException trailing && trailing.getOriginalMessage() != null
                && trailing.getOriginalMessage().startsWith("Trailing token")) {
            return problem(HttpStatus.BAD_REQUEST, "Unreadable request",
                    "Unexpected text after the JSON body: send exactly one JSON value.");
        }
        if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            String message = describe(mapping);
            return withFields(problem(HttpStatus.BAD_REQUEST, "Invalid input", field + ": " + message),
                    List.of(Map.of("field", field, "message", message)));
        }
        if (e.getCause() instanceof InputCoercionException number) {
            return problem(HttpStatus.BAD_REQUEST, "Invalid input", "A number is out of range: "
                    + number.getOriginalMessage());
        }
        if (e.getCause() instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return problem(HttpStatus.BAD_REQUEST, "Invalid input",
                    "The request body must be a JSON " + (mismatch.getTargetType().isArray()
                            || java.util.Collection.class.isAssignableFrom(mismatch.getTargetType()) ? "array" : "object")
                            + " of the documented fields.");
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
        if (mapping instanceof StrictInputConfiguration.ImplausibleValueException) {
            return mapping.getOriginalMessage();
        }
        if (mapping.getCause() instanceof InputCoercionException number) {
            return "is out of range (" + number.getOriginalMessage() + ")";
        }
        if (mapping instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null
                && !(mapping instanceof InvalidFormatException) && !(mapping instanceof UnrecognizedPropertyException)) {
            return "must be " + kindOf(mismatch.getTargetType());
        }
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

    /** How a client would describe the JSON a Java type is read from. */
    private static String kindOf(Class<?> type) {
        if (type == String.class || type.isEnum()) {
            return "text";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (type.getName().startsWith("java.time.")) {
            return "a date or time in ISO 8601 form";
        }
        return "a JSON value of type " + type.getSimpleName();
    }

    /** The nearest cause of this type, or {@code null}. */
    private static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
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
