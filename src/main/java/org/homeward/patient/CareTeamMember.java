package org.homeward.patient;

import java.time.Instant;
import org.homeward.shared.OrganisationId;

/** An organisation in the patient's care team: why, since when and on whose action. */
public record CareTeamMember(OrganisationId organisationId, String organisationName, CareTeamBasis basis,
        String reason, Instant since, String addedBy) {

    /** What the record shows as "why": the rule, with the senior's reason or the rule's detail. */
    public String why() {
        return reason == null || reason.isBlank() ? basis.label() : basis.label() + ": " + reason;
    }
}
