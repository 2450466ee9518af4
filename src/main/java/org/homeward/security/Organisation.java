package org.homeward.security;

import org.homeward.shared.OrganisationId;

/** An organisation taking part in the service, with its ODS code. */
public record Organisation(OrganisationId id, String odsCode, String name, OrganisationType type) {
}
