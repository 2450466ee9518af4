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
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.homeward.medication.MedicinesChart;
import org.homeward.medication.PrescriptionLine;
import org.homeward.medication.PrescriptionService;
import org.homeward.shared.PatientId;
import org.springframework.stereotype.Component;

/**
 * MedicationRequest: a patient's prescriptions for home (in force, stopped and completed), read by anyone in the
 * patient's care team through the medication module's {@link PrescriptionService}, with its care-team rule and audit.
 */
@Component
class MedicationRequestProvider implements FhirResourceProvider {

    private static final SearchStatus STATUS = new SearchStatus(MedicationRequest.SP_STATUS,
            "a prescription Homeward holds", "active", "stopped", "completed");

    private final PrescriptionService prescriptions;
    private final FhirUsers users;
    private final Validation validation;
    private final Clock clock;

    MedicationRequestProvider(PrescriptionService prescriptions, FhirUsers users, Validation validation, Clock clock) {
        this.prescriptions = prescriptions;
        this.users = users;
        this.validation = validation;
        this.clock = clock;
    }

    @Override
    public Class<MedicationRequest> getResourceType() {
        return MedicationRequest.class;
    }

    @Read
    public MedicationRequest read(@IdParam IdType id) {
        return MedicationRequestTranslator.toFhir(
                prescriptions.prescription(users.current(), FhirIds.uuid(id, "MedicationRequest")), clock.instant());
    }

    /** The patient's prescriptions, in force first (by start), then stopped or completed (newest first). */
    @Search
    public List<MedicationRequest> search(@RequiredParam(name = MedicationRequest.SP_PATIENT) ReferenceParam patient,
            @OptionalParam(name = MedicationRequest.SP_STATUS) TokenParam status) {
        String wanted = STATUS.wanted(status);
        PatientId id = FhirIds.patient(patient);
        MedicinesChart chart = prescriptions.chart(users.current(), id);
        Instant now = clock.instant();
        return Stream.concat(chart.active().stream(), chart.stopped().stream()).map(PrescriptionLine::prescription)
                .map(p -> MedicationRequestTranslator.toFhir(p, now))
                .filter(r -> SearchStatus.matches(wanted, r.getStatus().toCode())).toList();
    }

    /** {@code POST /fhir/MedicationRequest/$validate}: the resource checked against UK Core STU2, nothing stored. */
    @Validate
    public MethodOutcome validate(@ResourceParam MedicationRequest resource) {
        return validation.validate(resource);
    }
}
