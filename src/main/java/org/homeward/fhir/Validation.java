package org.homeward.fhir;

import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.homeward.fhir.validation.UkCoreValidator;
import org.homeward.fhir.validation.ValidationOutcome;
import org.springframework.stereotype.Component;

/**
 * UK Core validation where the providers use it. Patients sent to Homeward are validated before they are
 * translated; {@code $validate} is offered on every resource type Homeward serves.
 * <p>
 * Observations from device platforms are not run through the profile validator on ingest: it takes 100-200 ms a
 * resource on this machine, so a device platform's 10-reading bundle would wait seconds and the ingest rate would
 * fall far below what a national service needs (bench/README). Their translator accepts only the codes, units and
 * value types of its one code table, so what is stored is what UK Core's vital-signs profiles describe; a platform
 * checks its resources against UK Core with {@code POST /fhir/Observation/$validate}.
 */
@Component
class Validation {

    private final UkCoreValidator validator;

    Validation(UkCoreValidator validator) {
        this.validator = validator;
    }

    /** Refuses the resource with 422 and every error (with its path) if it breaks UK Core. */
    void require(IBaseResource resource) {
        ValidationOutcome outcome = validator.validate(resource);
        if (outcome.hasErrors()) {
            throw new UnprocessableEntityException("The resource does not conform to UK Core: "
                    + outcome.errors().get(0).path() + ": " + outcome.errors().get(0).message(),
                    outcome.toOperationOutcome());
        }
    }

    /** {@code $validate}: 200 with the OperationOutcome (errors, warnings) whatever it finds. */
    MethodOutcome validate(IBaseResource resource) {
        return new MethodOutcome().setOperationOutcome(validator.validate(resource).toOperationOutcome());
    }
}
