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
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.IdType;
import org.homeward.medication.AllergyService;
import org.homeward.medication.NoKnownAllergiesOnRecord;
import org.homeward.medication.PatientAllergies;
import org.homeward.security.CurrentUser;
import org.homeward.shared.NotFoundException;
import org.homeward.shared.PatientId;
import org.springframework.stereotype.Component;

/**
 * AllergyIntolerance: a patient's allergies and adverse reactions (in force and entered in error) and their statement
 * of no known allergies in force, read by anyone in the patient's care team through the medication module's
 * {@link AllergyService}, with its care-team rule and audit.
 */
@Component
class AllergyIntoleranceProvider implements FhirResourceProvider {

    private static final SearchStatus CLINICAL_STATUS = new SearchStatus(AllergyIntolerance.SP_CLINICAL_STATUS,
            "an allergy Homeward holds", "active", "inactive");

    private final AllergyService allergies;
    private final FhirUsers users;
    private final Validation validation;

    AllergyIntoleranceProvider(AllergyService allergies, FhirUsers users, Validation validation) {
        this.allergies = allergies;
        this.users = users;
        this.validation = validation;
    }

    @Override
    public Class<AllergyIntolerance> getResourceType() {
        return AllergyIntolerance.class;
    }

    /** An allergy, or a statement of no known allergies (in force or superseded), by its id. */
    @Read
    public AllergyIntolerance read(@IdParam IdType id) {
        UUID uuid = FhirIds.uuid(id, "AllergyIntolerance");
        CurrentUser user = users.current();
        try {
            return AllergyIntoleranceTranslator.toFhir(allergies.allergy(user, uuid));
        } catch (NotFoundException notAnAllergy) {
            try {
                NoKnownAllergiesOnRecord statement = allergies.noKnownAllergies(user, uuid);
                return AllergyIntoleranceTranslator.toFhir(statement.statement(), statement.patientId());
            } catch (NotFoundException neither) {
                // one answer whether there is no such record or it is outside the caller's care teams
                throw new ResourceNotFoundException("AllergyIntolerance/" + uuid + " is not known");
            }
        }
    }

    /**
     * The patient's allergies in force, those entered in error, and the statement of no known allergies in force;
     * {@code clinical-status=active} leaves out what is entered in error (it has no clinical status).
     */
    @Search
    public List<AllergyIntolerance> search(@RequiredParam(name = AllergyIntolerance.SP_PATIENT) ReferenceParam patient,
            @OptionalParam(name = AllergyIntolerance.SP_CLINICAL_STATUS) TokenParam clinicalStatus) {
        String wanted = CLINICAL_STATUS.wanted(clinicalStatus);
        PatientId id = FhirIds.patient(patient);
        PatientAllergies recorded = allergies.allergiesOf(users.current(), id);
        List<AllergyIntolerance> found = new ArrayList<>();
        recorded.allergies().forEach(a -> found.add(AllergyIntoleranceTranslator.toFhir(a)));
        recorded.enteredInError().forEach(a -> found.add(AllergyIntoleranceTranslator.toFhir(a)));
        if (recorded.noKnownAllergies() != null) {
            found.add(AllergyIntoleranceTranslator.toFhir(recorded.noKnownAllergies(), id));
        }
        return found.stream().filter(a -> wanted == null
                || (a.hasClinicalStatus() && a.getClinicalStatus().getCodingFirstRep().getCode().equals(wanted)))
                .toList();
    }

    /** {@code POST /fhir/AllergyIntolerance/$validate}: the resource checked against UK Core STU2, nothing stored. */
    @Validate
    public MethodOutcome validate(@ResourceParam AllergyIntolerance resource) {
        return validation.validate(resource);
    }
}
