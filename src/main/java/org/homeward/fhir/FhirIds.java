package org.homeward.fhir;

import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.UUID;
import org.hl7.fhir.instance.model.api.IIdType;

/** Homeward's records are identified by UUIDs; a FHIR id that is not one names nothing Homeward holds. */
final class FhirIds {

    private FhirIds() {
    }

    static UUID uuid(IIdType id, String resourceType) {
        try {
            return UUID.fromString(id.getIdPart());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ResourceNotFoundException(resourceType + "/" + id.getIdPart() + " is not known");
        }
    }
}
