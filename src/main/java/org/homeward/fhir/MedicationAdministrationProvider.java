package org.homeward.fhir;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Validate;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.ReferenceParam;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.homeward.medication.AdministrationService;
import org.homeward.shared.PatientId;
import org.springframework.stereotype.Component;

/**
 * MedicationAdministration: the doses recorded for a patient at home (given and not given), read by anyone in the
 * patient's care team through the medication module's {@link AdministrationService}, with its care-team rule and
 * audit; a search is paged ({@code _count}, {@code _offset}).
 */
@Component
class MedicationAdministrationProvider implements FhirResourceProvider {

    private final AdministrationService administrations;
    private final FhirUsers users;
    private final Validation validation;

    MedicationAdministrationProvider(AdministrationService administrations, FhirUsers users, Validation validation) {
        this.administrations = administrations;
        this.users = users;
        this.validation = validation;
    }

    @Override
    public Class<MedicationAdministration> getResourceType() {
        return MedicationAdministration.class;
    }

    @Read
    public MedicationAdministration read(@IdParam IdType id) {
        return MedicationAdministrationTranslator.toFhir(
                administrations.administration(users.current(), FhirIds.uuid(id, "MedicationAdministration")));
    }

    /** The patient's recorded doses, by when they were due. */
    @Search
    public IBundleProvider search(@RequiredParam(name = MedicationAdministration.SP_PATIENT) ReferenceParam patient,
            @Offset Integer offset, @Count Integer count) {
        PatientId id = FhirIds.patient(patient);
        return Pages.of(administrations.administrationsOf(users.current(), id).stream()
                .map(MedicationAdministrationTranslator::toFhir).toList(), offset, count);
    }

    /** {@code POST /fhir/MedicationAdministration/$validate}: the resource checked against UK Core STU2, nothing stored. */
    @Validate
    public MethodOutcome validate(@ResourceParam MedicationAdministration resource) {
        return validation.validate(resource);
    }
}
