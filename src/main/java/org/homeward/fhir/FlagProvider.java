package org.homeward.fhir;

import ca.uhn.fhir.model.api.Include;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.IncludeParam;
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
import java.util.Set;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.IdType;
import org.homeward.escalation.AlertService;
import org.homeward.shared.PatientId;
import org.springframework.stereotype.Component;

/**
 * Flag (alerts): read one (outside the care team, the same 404 as an id nobody holds), and search a patient's by status (active: open; inactive: closed), with
 * {@code _include=Flag:patient} the Patient too (one read, audited).
 */
@Component
class FlagProvider implements FhirResourceProvider {

    private static final SearchStatus STATUS = new SearchStatus("status", "an alert's flag", "active",
            "inactive");

    static final String INCLUDE_PATIENT = "Flag:patient";
    static final String INCLUDE_SUBJECT = "Flag:subject";

    private final AlertService alerts;
    private final IncludedPatients includedPatients;
    private final FhirUsers users;
    private final Validation validation;

    FlagProvider(AlertService alerts, IncludedPatients includedPatients, FhirUsers users, Validation validation) {
        this.alerts = alerts;
        this.includedPatients = includedPatients;
        this.users = users;
        this.validation = validation;
    }

    @Override
    public Class<Flag> getResourceType() {
        return Flag.class;
    }

    @Read
    public Flag read(@IdParam IdType id) {
        return FlagTranslator.toFhir(alerts.visibleAlert(users.current(), FhirIds.uuid(id, "Flag")));
    }

    @Search
    public List<Flag> search(@RequiredParam(name = Flag.SP_PATIENT) ReferenceParam patient,
            @OptionalParam(name = "status") TokenParam status,
            @IncludeParam(allow = {INCLUDE_PATIENT, INCLUDE_SUBJECT}) Set<Include> includes) {
        String wanted = STATUS.wanted(status);
        PatientId id = FhirIds.patient(patient);
        var user = users.current();
        List<Flag> found = alerts.alertsOf(user, id).stream().map(FlagTranslator::toFhir)
                .filter(f -> SearchStatus.matches(wanted, f.getStatus().toCode())).toList();
        if (IncludedPatients.wanted(includes, INCLUDE_PATIENT, INCLUDE_SUBJECT)) {
            IncludedPatients.Reads reads = includedPatients.reads(user);
            found.forEach(f -> f.getSubject().setResource(reads.patient(id)));
        }
        return found;
    }

    /** {@code POST /fhir/Flag/$validate}: the resource checked against UK Core STU2, nothing stored. */
    @Validate
    public MethodOutcome validate(@ResourceParam Flag resource) {
        return validation.validate(resource);
    }
}
