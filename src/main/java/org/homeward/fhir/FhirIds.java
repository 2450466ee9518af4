package org.homeward.fhir;

import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.UUID;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.IdType;
import org.homeward.shared.PatientId;

/** Homeward's records are identified by UUIDs; a FHIR id that is not one names nothing Homeward holds. */
final class FhirIds {

    private FhirIds() {
    }

    /** The patient a search's {@code patient} (or {@code subject}) parameter names. */
    static PatientId patient(ReferenceParam patient) {
        return new PatientId(uuid(new IdType("Patient", patient.getIdPart()), "Patient"));
    }

    static UUID uuid(IIdType id, String resourceType) {
        try {
            return UUID.fromString(id.getIdPart());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ResourceNotFoundException(resourceType + "/" + id.getIdPart() + " is not known");
        }
    }
}
