package org.homeward.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Validate;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Read;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.homeward.security.Organisation;
import org.homeward.security.SecurityService;
import org.homeward.shared.OrganisationId;
import org.springframework.stereotype.Component;

/** Organization: the organisations sharing care (trusts, community providers, GP practices, ICBs), by id. */
@Component
class OrganizationProvider implements FhirResourceProvider {

    private final SecurityService security;
    private final FhirUsers users;
    private final Validation validation;

    OrganizationProvider(SecurityService security, FhirUsers users, Validation validation) {
        this.security = security;
        this.users = users;
        this.validation = validation;
    }

    @Override
    public Class<Organization> getResourceType() {
        return Organization.class;
    }

    @Read
    public Organization read(@IdParam IdType id) {
        users.current();
        return toFhir(security.organisation(new OrganisationId(FhirIds.uuid(id, "Organization"))));
    }

    /** UK Core Organization: ODS code, name, and the kind of organisation in words. */
    static Organization toFhir(Organisation organisation) {
        Organization resource = new Organization();
        resource.setId(organisation.id().value().toString());
        resource.getMeta().addProfile(UkCore.profile("Organization"));
        resource.addIdentifier(new Identifier().setSystem(UkCore.ODS_CODE).setValue(organisation.odsCode()));
        resource.setActive(true);
        resource.setName(organisation.name());
        resource.addType(new CodeableConcept().setText(organisation.type().label()));
        return resource;
    }

    /** {@code POST /fhir/Organization/$validate}: the resource checked against UK Core STU2, nothing stored. */
    @Validate
    public MethodOutcome validate(@ResourceParam Organization resource) {
        return validation.validate(resource);
    }
}
