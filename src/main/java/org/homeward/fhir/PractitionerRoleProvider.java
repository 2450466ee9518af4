package org.homeward.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Validate;
import ca.uhn.fhir.rest.api.MethodOutcome;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.homeward.security.SecurityService;
import org.homeward.security.UserAccount;
import org.springframework.stereotype.Component;

/** PractitionerRole: what a member of staff does and for which organisation, by the user's id, for any signed-in caller. */
@Component
class PractitionerRoleProvider implements FhirResourceProvider {

    private final SecurityService security;
    private final FhirUsers users;
    private final Validation validation;

    PractitionerRoleProvider(SecurityService security, FhirUsers users, Validation validation) {
        this.security = security;
        this.users = users;
        this.validation = validation;
    }

    @Override
    public Class<PractitionerRole> getResourceType() {
        return PractitionerRole.class;
    }

    @Read
    public PractitionerRole read(@IdParam IdType id) {
        users.current();
        UserAccount user = PractitionerProvider.find(security, id, "PractitionerRole");
        return PractitionerTranslator.role(user, security.findActiveUser(user.username()).isPresent());
    }

    /** {@code POST /fhir/PractitionerRole/$validate}: the resource checked against UK Core STU2, nothing stored. */
    @Validate
    public MethodOutcome validate(@ResourceParam PractitionerRole resource) {
        return validation.validate(resource);
    }
}
