package org.homeward.fhir;

import ca.uhn.fhir.model.api.Include;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.Patient;
import org.homeward.patient.PatientService;
import org.homeward.security.CurrentUser;
import org.homeward.shared.PatientId;
import org.springframework.stereotype.Component;

/**
 * The Patient a search's {@code _include} brings in ({@code Encounter:patient}, {@code Flag:patient},
 * {@code EpisodeOfCare:patient}): read through {@link PatientService#record}, with its care-team rule and audit, once
 * a patient a search however many of the patient's resources it found.
 */
@Component
class IncludedPatients {

    private final PatientService patients;

    IncludedPatients(PatientService patients) {
        this.patients = patients;
    }

    /** Whether the search asked for any of these includes. */
    static boolean wanted(Set<Include> includes, String... values) {
        if (includes == null) {
            return false;
        }
        for (Include include : includes) {
            for (String value : values) {
                if (value.equals(include.getValue())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** One search's reads, as this user. */
    Reads reads(CurrentUser user) {
        return new Reads(user);
    }

    final class Reads {

        private final CurrentUser user;
        private final Map<PatientId, Patient> read = new HashMap<>();

        private Reads(CurrentUser user) {
            this.user = user;
        }

        /** The patient's UK Core Patient: read (and audited) the first time this search asks for them. */
        Patient patient(PatientId id) {
            return read.computeIfAbsent(id, p -> PatientTranslator.toFhir(patients.record(user, p)));
        }
    }
}
