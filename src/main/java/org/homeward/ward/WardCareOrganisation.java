package org.homeward.ward;

import org.homeward.shared.OrganisationId;

/** An organisation sharing the care of a ward's patients, and why. */
public record WardCareOrganisation(OrganisationId organisationId, String organisationName, WardCareRole role) {
}
