package org.homeward.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Validate;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Practitioner;
import org.homeward.security.SecurityService;
import org.homeward.security.UserAccount;
import org.homeward.shared.UserId;
import org.springframework.stereotype.Component;

/**
 * Practitioner: a member of staff of any organisation sharing care, by id, for any signed-in caller (a name and that
 * they are staff, as an NHS directory shows: no patient data).
 */
@Component
class PractitionerProvider implements FhirResourceProvider {

    private final SecurityService security;
    private final FhirUsers users;
    private final Validation validation;

    PractitionerProvider(SecurityService security, FhirUsers users, Validation validation) {
        this.security = security;
        this.users = users;
        this.validation = validation;
    }

    @Override
    public Class<Practitioner> getResourceType() {
        return Practitioner.class;
    }

    @Read
    public Practitioner read(@IdParam IdType id) {
        users.current();
        UserAccount user = find(security, id, "Practitioner");
        return PractitionerTranslator.practitioner(user, security.findActiveUser(user.username()).isPresent());
    }

    static UserAccount find(SecurityService security, IdType id, String type) {
        return security.findUser(new UserId(FhirIds.uuid(id, type)))
                .orElseThrow(() -> new ResourceNotFoundException(type + "/" + id.getIdPart() + " is not known"));
    }

    /** {@code POST /fhir/Practitioner/$validate}: the resource checked against UK Core STU2, nothing stored. */
    @Validate
    public MethodOutcome validate(@ResourceParam Practitioner resource) {
        return validation.validate(resource);
    }
}
