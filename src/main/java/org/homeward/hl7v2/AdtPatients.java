package org.homeward.hl7v2;

import ca.uhn.hl7v2.ErrorCode;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.homeward.patient.CorrectAddress;
import org.homeward.patient.CorrectDemographics;
import org.homeward.patient.CorrectGpPractice;
import org.homeward.patient.Correction;
import org.homeward.patient.EthnicCategory;
import org.homeward.patient.PatientNotFoundException;
import org.homeward.patient.PatientRecord;
import org.homeward.patient.PatientService;
import org.homeward.patient.RegisterPatient;
import org.homeward.security.CurrentUser;
import org.homeward.shared.InvalidInputException;
import org.homeward.shared.PatientId;
import org.springframework.stereotype.Component;

/**
 * Creates or updates a patient from an ADT message through the patient module's own register and correction methods,
 * so the same checks, care-team rules, history of changes and audit apply as for a person at the keyboard.
 */
@Component
class AdtPatients {

    private static final List<String> FIELD_ORDER = List.of("nhsNumber", "familyName", "givenName", "dateOfBirth",
            "sex", "ethnicCategory", "addressLine1", "addressLine2", "town", "postcode", "phone", "gpPracticeCode",
            "gpPracticeName");

    private final PatientService patients;
    private final Validator validator;

    AdtPatients(PatientService patients, Validator validator) {
        this.patients = patients;
        this.validator = validator;
    }

    record Upserted(PatientId patient, String whatWasDone) {
    }

    /**
     * The patient with this NHS number as the user sees them, or empty when unknown (or not in their care). Called
     * outside the applying transaction: the patient module's refusal marks the transaction it runs in for rollback.
     */
    Optional<PatientRecord> find(CurrentUser user, AdtPatient p) {
        try {
            return Optional.of(patients.recordByNhsNumber(user, p.nhsNumber()));
        } catch (PatientNotFoundException e) {
            return Optional.empty();
        }
    }

    Upserted createOrUpdate(CurrentUser user, AdtPatient p, Optional<PatientRecord> existing, String reason) {
        try {
            return existing.isEmpty() ? register(user, p) : update(user, existing.get(), p, reason);
        } catch (InvalidInputException e) {
            throw invalid(e.field(), e.getMessage());
        }
    }

    private Upserted register(CurrentUser user, AdtPatient p) {
        RegisterPatient command = new RegisterPatient(p.nhsNumber().value(), p.givenName(), p.familyName(),
                p.dateOfBirth(), p.sex(), p.ethnicCategory() == null ? EthnicCategory.NOT_KNOWN : p.ethnicCategory(),
                p.addressLine1(), p.addressLine2(), p.town(), p.postcode(), null, null, p.phone(), p.gpPracticeCode(),
                p.gpPracticeName());
        requireValid(command);
        PatientRecord registered = patients.register(user, command);
        return new Upserted(registered.summary().id(), "registered the patient");
    }

    private Upserted update(CurrentUser user, PatientRecord before, AdtPatient p, String reason) {
        PatientId id = before.summary().id();
        CorrectDemographics demographics = new CorrectDemographics(p.givenName(), p.familyName(), p.dateOfBirth(),
                p.sex(), p.ethnicCategory() == null ? before.ethnicCategory() : p.ethnicCategory(), reason, null);
        requireValid(demographics);
        int changed = patients.correctDemographics(user, id, demographics).changes().size();
        if (p.hasAddress()) {
            CorrectAddress address = new CorrectAddress(p.addressLine1(), p.addressLine2(), p.town(), p.postcode(),
                    p.phone() == null ? before.phone() : p.phone(), reason, null);
            requireValid(address);
            changed += patients.correctAddress(user, id, address).changes().size();
        }
        if (p.hasGpPractice()) {
            CorrectGpPractice gp = new CorrectGpPractice(p.gpPracticeCode(), p.gpPracticeName(), reason, null);
            requireValid(gp);
            Correction done = patients.correctGpPractice(user, id, gp);
            changed += done.changes().size();
        }
        return new Upserted(id, changed == 0 ? "no change to the patient's details"
                : "updated " + changed + (changed == 1 ? " detail" : " details") + " of the patient");
    }

    private <T> void requireValid(T command) {
        Set<ConstraintViolation<T>> violations = validator.validate(command);
        violations.stream().min(Comparator.comparingInt(v -> order(v.getPropertyPath().toString())))
                .ifPresent(v -> {
                    throw invalid(v.getPropertyPath().toString(), v.getMessage());
                });
    }

    private static int order(String field) {
        int i = FIELD_ORDER.indexOf(field);
        return i < 0 ? FIELD_ORDER.size() : i;
    }

    private static AdtRefusal invalid(String field, String why) {
        String where = AdtPatient.FIELDS.getOrDefault(field, "PID");
        String segment = where.substring(0, 3);
        int position = where.length() > 4 ? Integer.parseInt(where.substring(4).split("\\.")[0]) : 0;
        ErrorCode code = why.startsWith("is required") ? ErrorCode.REQUIRED_FIELD_MISSING : ErrorCode.DATA_TYPE_ERROR;
        return AdtRefusal.error(code, segment, position, where + " (" + words(field) + ") " + why);
    }

    private static String words(String field) {
        return field.replaceAll("([A-Z])", " $1").toLowerCase();
    }
}
