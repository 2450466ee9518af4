package org.homeward;

import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.homeward.shared.DatabaseUnavailable;
import org.homeward.shared.ForbiddenException;
import org.homeward.shared.InvalidInputException;
import org.homeward.shared.NotFoundException;
import org.homeward.shared.RefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.ErrorResponse;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Failures on pages become an error page that says what happened and what to do; never a stack trace. Form pages
 * catch their own refusals and show them on the form; this handles what is left.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(PageExceptionHandler.class);

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound(NotFoundException e) {
        return page(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView badLink(MethodArgumentTypeMismatchException e) {
        return page(HttpStatus.NOT_FOUND, "Not found", "This link is not valid: check the address.");
    }

    @ExceptionHandler({ForbiddenException.class, AccessDeniedException.class})
    ModelAndView forbidden(RuntimeException e) {
        return page(HttpStatus.FORBIDDEN, "You cannot see this", e.getMessage());
    }

    @ExceptionHandler({RefusedException.class, InvalidInputException.class})
    ModelAndView refused(RuntimeException e) {
        return page(HttpStatus.CONFLICT, "This cannot be done", e.getMessage());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ModelAndView noPage(NoResourceFoundException e) {
        return page(HttpStatus.NOT_FOUND, "Page not found", "Check the address, or go back to the service overview.");
    }

    /** The client went away (a board closed its event stream): there is nobody to answer and nothing went wrong. */
    @ExceptionHandler(org.springframework.web.context.request.async.AsyncRequestNotUsableException.class)
    void clientGone() {
        log.debug("client disconnected");
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e, HttpServletResponse response) {
        if (DatabaseUnavailable.causedBy(e)) {
            DatabaseUnavailable.problem(response);
            return page(HttpStatus.SERVICE_UNAVAILABLE, DatabaseUnavailable.TITLE,
                    DatabaseUnavailable.PAGE_DETAIL);
        }
        if (e instanceof ErrorResponse known && known.getStatusCode().is4xxClientError()) {
            return page(HttpStatus.valueOf(known.getStatusCode().value()), "This request cannot be answered",
                    "Go back and try again from the page you came from.");
        }
        String reference = UUID.randomUUID().toString().substring(0, 8);
        log.error("Unexpected error on a page, reference {}", reference, e);
        return page(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong",
                "Nothing was changed. If this happens again, report reference " + reference + ".");
    }

    private static ModelAndView page(HttpStatus status, String title, String detail) {
        ModelAndView page = new ModelAndView("error", status);
        page.addObject("status", status.value());
        page.addObject("title", title);
        page.addObject("detail", detail);
        return page;
    }
}
