package org.homeward.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import ca.uhn.fhir.rest.server.exceptions.UnclassifiedServerFailureException;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.homeward.shared.DatabaseUnavailable;
import org.homeward.shared.ForbiddenException;
import org.homeward.shared.InvalidInputException;
import org.homeward.shared.NotFoundException;
import org.homeward.shared.RefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the modules' refusals into FHIR answers with an OperationOutcome, as the JSON API's exception handler turns
 * them into problem details: bad input 422 naming the field (FHIR answers a resource that breaks a rule with 422), not allowed 403, not found (or outside the care team)
 * 404, refused 409, database down 503. Anything else is logged and answered 500 without its message, so no stack
 * trace or internal detail reaches a client.
 */
class ModuleExceptionInterceptor {

    private static final Logger log = LoggerFactory.getLogger(ModuleExceptionInterceptor.class);

    @Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
    public BaseServerResponseException translate(Throwable thrown) {
        Throwable e = unwrap(thrown);
        if (e instanceof BaseServerResponseException hapi) {
            return hapi;
        }
        if (e instanceof InvalidInputException invalid) {
            return new UnprocessableEntityException(invalid.getMessage(),
                    Outcomes.error(OperationOutcome.IssueType.INVALID, invalid.field(), invalid.getMessage()));
        }
        if (e instanceof ForbiddenException forbidden) {
            return new ForbiddenOperationException(forbidden.getMessage(),
                    Outcomes.error(OperationOutcome.IssueType.FORBIDDEN, null, forbidden.getMessage()));
        }
        if (e instanceof NotFoundException notFound) {
            return new ResourceNotFoundException(notFound.getMessage(),
                    Outcomes.error(OperationOutcome.IssueType.NOTFOUND, null, notFound.getMessage()));
        }
        if (e instanceof RefusedException refused) {
            return new ResourceVersionConflictException(refused.getMessage(), null,
                    Outcomes.error(OperationOutcome.IssueType.CONFLICT, null, refused.getMessage()));
        }
        if (DatabaseUnavailable.causedBy(e)) {
            String words = "The database is not reachable just now; nothing was stored. Try again shortly.";
            return new UnclassifiedServerFailureException(503, words,
                    Outcomes.error(OperationOutcome.IssueType.TRANSIENT, null, words));
        }
        log.error("FHIR request failed", e);
        String words = "Homeward could not complete this request; the failure is logged. Nothing was stored.";
        return new InternalErrorException(words, Outcomes.error(OperationOutcome.IssueType.EXCEPTION, null, words));
    }

    private static Throwable unwrap(Throwable thrown) {
        Throwable e = thrown;
        // HAPI wraps what a provider method throws in its own InternalErrorException with the cause inside
        while (e instanceof InternalErrorException && e.getCause() != null) {
            e = e.getCause();
        }
        while (e instanceof java.lang.reflect.InvocationTargetException && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }
}
