package org.homeward.fhir;

import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.param.TokenParam;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.homeward.patient.PatientNotFoundException;
import org.homeward.patient.PatientRecord;
import org.homeward.patient.PatientService;
import org.homeward.patient.RegisterPatient;
import org.homeward.shared.NhsNumber;
import org.homeward.shared.PatientId;
import org.springframework.stereotype.Component;

/**
 * Patient: read, search by NHS number, create. Each call goes through {@link PatientService}, so who may see or
 * register a patient, the care team and the audit are exactly those of the pages and the JSON API: a patient outside
 * the caller's organisation's care is answered 404 like an unknown one.
 */
@Component
class PatientProvider implements FhirResourceProvider {

    /** Where each registration field is in a Patient resource, so a refusal names the element. */
    private static final Map<String, String> PATHS = Map.ofEntries(
            Map.entry("nhsNumber", "Patient.identifier"), Map.entry("givenName", "Patient.name.given"),
            Map.entry("familyName", "Patient.name.family"), Map.entry("dateOfBirth", "Patient.birthDate"),
            Map.entry("sex", "Patient.gender"), Map.entry("ethnicCategory", "Patient.extension"),
            Map.entry("addressLine1", "Patient.address.line"), Map.entry("addressLine2", "Patient.address.line"),
            Map.entry("town", "Patient.address.city"), Map.entry("postcode", "Patient.address.postalCode"),
            Map.entry("phone", "Patient.telecom.value"),
            Map.entry("gpPracticeCode", "Patient.generalPractitioner.identifier.value"),
            Map.entry("gpPracticeName", "Patient.generalPractitioner.display"));

    private final PatientService patients;
    private final FhirUsers users;
    private final Validator validator;

    PatientProvider(PatientService patients, FhirUsers users, Validator validator) {
        this.patients = patients;
        this.users = users;
        this.validator = validator;
    }

    @Override
    public Class<Patient> getResourceType() {
        return Patient.class;
    }

    @Read
    public Patient read(@IdParam IdType id) {
        return PatientTranslator.toFhir(patients.record(users.current(), new PatientId(FhirIds.uuid(id, "Patient"))));
    }

    /** {@code GET /fhir/Patient?identifier=https://fhir.nhs.uk/Id/nhs-number|9434765919}: 0 or 1 patient. */
    @Search
    public List<Patient> byNhsNumber(@RequiredParam(name = Patient.SP_IDENTIFIER) TokenParam identifier) {
        if (identifier.getSystem() != null && !identifier.getSystem().isEmpty()
                && !UkCore.NHS_NUMBER.equals(identifier.getSystem())) {
            throw Outcomes.invalid("identifier", "Patients are found by NHS number: use the system "
                    + UkCore.NHS_NUMBER);
        }
        String problem = NhsNumber.problemWith(identifier.getValue());
        if (problem != null) {
            throw Outcomes.invalid("identifier", problem);
        }
        try {
            return List.of(PatientTranslator.toFhir(
                    patients.recordByNhsNumber(users.current(), NhsNumber.of(identifier.getValue()))));
        } catch (PatientNotFoundException notFound) {
            // a search that finds nobody is an empty Bundle, not a 404; the refusal is audited by the service
            return List.of();
        }
    }

    @Create
    public MethodOutcome create(@ResourceParam Patient patient) {
        RegisterPatient registration = PatientTranslator.toRegistration(patient);
        Set<ConstraintViolation<RegisterPatient>> violations = validator.validate(registration);
        violations.stream().min(Comparator.comparing(v -> v.getPropertyPath().toString())).ifPresent(v -> {
            String field = v.getPropertyPath().toString();
            throw Outcomes.invalid(PATHS.getOrDefault(field, "Patient"), field + " " + v.getMessage());
        });
        PatientRecord record = patients.register(users.current(), registration);
        Patient created = PatientTranslator.toFhir(record);
        return new MethodOutcome(new IdType("Patient", created.getIdElement().getIdPart()), true).setResource(created);
    }
}
