package org.homeward.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Validate;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import java.util.List;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.homeward.diagnostics.DiagnosticsService;
import org.springframework.stereotype.Component;

/**
 * ServiceRequest: a patient's test orders, read by anyone in the patient's care team through the diagnostics module's
 * {@link DiagnosticsService}, with its care-team rule and audit.
 */
@Component
class ServiceRequestProvider implements FhirResourceProvider {

    private static final SearchStatus STATUS = new SearchStatus(ServiceRequest.SP_STATUS,
            "a test order Homeward holds", "active", "completed", "revoked");

    private final DiagnosticsService diagnostics;
    private final FhirUsers users;
    private final Validation validation;

    ServiceRequestProvider(DiagnosticsService diagnostics, FhirUsers users, Validation validation) {
        this.diagnostics = diagnostics;
        this.users = users;
        this.validation = validation;
    }

    @Override
    public Class<ServiceRequest> getResourceType() {
        return ServiceRequest.class;
    }

    @Read
    public ServiceRequest read(@IdParam IdType id) {
        return DiagnosticsTranslator.serviceRequest(
                diagnostics.order(users.current(), FhirIds.uuid(id, "ServiceRequest")));
    }

    /**
     * The patient's test orders, newest first; {@code status=active} those still awaiting results (ordered, sampled
     * or at the lab), {@code completed} resulted, {@code revoked} cancelled.
     */
    @Search
    public List<ServiceRequest> search(@RequiredParam(name = ServiceRequest.SP_PATIENT) ReferenceParam patient,
            @OptionalParam(name = ServiceRequest.SP_STATUS) TokenParam status) {
        String wanted = STATUS.wanted(status);
        return diagnostics.ordersOf(users.current(), FhirIds.patient(patient)).stream()
                .map(DiagnosticsTranslator::serviceRequest)
                .filter(r -> SearchStatus.matches(wanted, r.getStatus().toCode())).toList();
    }

    /** {@code POST /fhir/ServiceRequest/$validate}: the resource checked against UK Core STU2, nothing stored. */
    @Validate
    public MethodOutcome validate(@ResourceParam ServiceRequest resource) {
        return validation.validate(resource);
    }
}
