package org.homeward.fhir;

import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Validate;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Update;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
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
import org.homeward.patient.CorrectAddress;
import org.homeward.patient.CorrectDemographics;
import org.homeward.patient.CorrectGpPractice;
import org.homeward.patient.Correction;
import org.homeward.patient.PatientMergedException;
import org.homeward.patient.PatientNotFoundException;
import org.homeward.patient.PatientRecord;
import org.homeward.patient.PatientService;
import org.homeward.patient.RegisterPatient;
import org.homeward.shared.NhsNumber;
import org.homeward.shared.PatientId;
import org.homeward.security.CurrentUser;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Patient: read, search by NHS number, create, update. Each call goes through {@link PatientService}, so who may see or
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
    private final Validation validation;
    private final Validator validator;
    private final TransactionTemplate transactions;

    PatientProvider(PatientService patients, FhirUsers users, Validator validator, TransactionTemplate transactions, Validation validation) {
        this.patients = patients;
        this.users = users;
        this.validation = validation;
        this.validator = validator;
        this.transactions = transactions;
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
        } catch (PatientNotFoundException | PatientMergedException notFound) {
            // a search that finds nobody is an empty Bundle, not a 404; the refusal is audited by the service. A
            // record merged into another (ADT^A40) is not found by its old NHS number: the survivor holds its history
            return List.of();
        }
    }

    @Create
    public MethodOutcome create(@ResourceParam Patient patient) {
        RegisterPatient registration = valid(PatientTranslator.toRegistration(patient));
        validation.require(patient);
        PatientRecord record = patients.register(users.current(), registration);
        Patient created = PatientTranslator.toFhir(record);
        return new MethodOutcome(new IdType("Patient", created.getIdElement().getIdPart()), true).setResource(created);
    }

    /**
     * {@code PUT /fhir/Patient/{id}}: the whole resource as the sender now holds it. The changed sections (names, date
     * of birth, sex and ethnic category; address and phone; GP practice) are corrected as a person corrects them on
     * the details page, with history and audit, all in one transaction. The NHS number is the patient's identity and
     * is never changed by an update. With {@code If-Match}, a record changed meanwhile is not overwritten (412).
     */
    @Update
    public MethodOutcome update(@IdParam IdType id, @ResourceParam Patient patient) {
        CurrentUser user = users.current();
        PatientId patientId = new PatientId(FhirIds.uuid(id, "Patient"));
        RegisterPatient wanted = valid(PatientTranslator.toRegistration(patient));
        validation.require(patient);
        String reason = "Updated through the FHIR API";
        PatientRecord updated = transactions.execute(status -> {
            PatientRecord current = patients.record(user, patientId);
            if (!current.summary().nhsNumber().equals(NhsNumber.of(wanted.nhsNumber()))) {
                throw Outcomes.invalid("Patient.identifier", "the NHS number is the patient's identity and is not "
                        + "changed by an update; this record has " + current.summary().nhsNumber().formatted());
            }
            if (id.hasVersionIdPart() && !id.getVersionIdPart().equals(String.valueOf(current.version()))) {
                throw new PreconditionFailedException("Patient/" + patientId.value() + " is at version "
                        + current.version() + ", not " + id.getVersionIdPart() + ": someone changed it meanwhile; "
                        + "read it again and send your change on top of theirs");
            }
            Correction done = patients.correctDemographics(user, patientId, new CorrectDemographics(wanted.givenName(),
                    wanted.familyName(), wanted.dateOfBirth(), wanted.sex(), wanted.ethnicCategory(), reason,
                    current.version()));
            done = patients.correctAddress(user, patientId, new CorrectAddress(wanted.addressLine1(),
                    wanted.addressLine2(), wanted.town(), wanted.postcode(), wanted.phone(), reason,
                    done.record().version()));
            done = patients.correctGpPractice(user, patientId, new CorrectGpPractice(wanted.gpPracticeCode(),
                    wanted.gpPracticeName(), reason, done.record().version()));
            return done.record();
        });
        Patient resource = PatientTranslator.toFhir(updated);
        return new MethodOutcome(resource.getIdElement(), false).setResource(resource);
    }

    /** The registration's own field rules (those the JSON API checks), each refused with its element's path. */
    private RegisterPatient valid(RegisterPatient registration) {
        Set<ConstraintViolation<RegisterPatient>> violations = validator.validate(registration);
        violations.stream().min(Comparator.comparing(v -> v.getPropertyPath().toString())).ifPresent(v -> {
            String field = v.getPropertyPath().toString();
            throw Outcomes.invalid(PATHS.getOrDefault(field, "Patient"), field + " " + v.getMessage());
        });
        return registration;
    }

    /** {@code POST /fhir/Patient/$validate}: the resource checked against UK Core STU2, nothing stored. */
    @Validate
    public MethodOutcome validate(@ResourceParam Patient resource) {
        return validation.validate(resource);
    }
}
