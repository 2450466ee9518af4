package org.homeward.security;

import org.homeward.shared.OrganisationId;
import org.homeward.shared.UserId;

/** A user as other modules see it: never the password hash. */
public record UserAccount(UserId id, String username, String displayName, String jobTitle, Role role,
        OrganisationId organisationId, String organisationName) {
}
