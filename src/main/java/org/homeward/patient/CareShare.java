package org.homeward.patient;

import org.homeward.shared.OrganisationId;

/** An organisation a rule brings into a patient's care team, e.g. the visiting organisation of their ward. */
public record CareShare(OrganisationId organisationId, CareTeamBasis basis, String reason) {
}
