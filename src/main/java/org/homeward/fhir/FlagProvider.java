package org.homeward.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Validate;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import java.util.List;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.IdType;
import org.homeward.escalation.AlertService;
import org.homeward.shared.PatientId;
import org.springframework.stereotype.Component;

/** Flag (alerts): read one, and search a patient's by status (active: open; inactive: closed). */
@Component
class FlagProvider implements FhirResourceProvider {

    private static final SearchStatus STATUS = new SearchStatus("status", "an alert's flag", "active",
            "inactive");

    private final AlertService alerts;
    private final FhirUsers users;
    private final Validation validation;

    FlagProvider(AlertService alerts, FhirUsers users, Validation validation) {
        this.alerts = alerts;
        this.users = users;
        this.validation = validation;
    }

    @Override
    public Class<Flag> getResourceType() {
        return Flag.class;
    }

    @Read
    public Flag read(@IdParam IdType id) {
        return FlagTranslator.toFhir(alerts.alert(users.current(), FhirIds.uuid(id, "Flag")));
    }

    @Search
    public List<Flag> search(@RequiredParam(name = Flag.SP_PATIENT) ReferenceParam patient,
            @OptionalParam(name = "status") TokenParam status) {
        String wanted = STATUS.wanted(status);
        PatientId id = FhirIds.patient(patient);
        return alerts.alertsOf(users.current(), id).stream().map(FlagTranslator::toFhir)
                .filter(f -> SearchStatus.matches(wanted, f.getStatus().toCode())).toList();
    }

    /** {@code POST /fhir/Flag/$validate}: the resource checked against UK Core STU2, nothing stored. */
    @Validate
    public MethodOutcome validate(@ResourceParam Flag resource) {
        return validation.validate(resource);
    }
}
