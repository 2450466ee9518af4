package org.homeward.patient;

import java.time.Instant;
import java.util.List;
import org.homeward.shared.OrganisationId;

/** A patient's full demographic record with carers and care team. */
public record PatientRecord(PatientSummary summary, EthnicCategory ethnicCategory, String addressLine1,
        String addressLine2, String town, String postcode, Double latitude, Double longitude, String phone,
        String gpPracticeCode, String gpPracticeName, List<Carer> carers, List<OrganisationId> careTeam,
        Instant createdAt) {

    public boolean hasLocation() {
        return latitude != null && longitude != null;
    }
}
