package org.homeward.patient;

import java.time.Instant;
import java.util.List;
import org.homeward.shared.OrganisationId;

/**
 * A patient's full demographic record with carers and care team.
 *
 * @param version counts the corrections made to the record; a correction that names it is refused if it is stale
 */
public record PatientRecord(PatientSummary summary, EthnicCategory ethnicCategory, String addressLine1,
        String addressLine2, String town, String postcode, Double latitude, Double longitude, String phone,
        String gpPracticeCode, String gpPracticeName, List<Carer> carers, List<OrganisationId> careTeam,
        Instant createdAt, int version) {

    public boolean hasLocation() {
        return latitude != null && longitude != null;
    }
}
