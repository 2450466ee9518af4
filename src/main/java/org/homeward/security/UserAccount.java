package org.homeward.security;

import org.homeward.shared.OrganisationId;
import org.homeward.shared.UserId;

/** A user as other modules see it: never the password hash. */
public record UserAccount(UserId id, String username, String displayName, String jobTitle, Role role,
        OrganisationId organisationId, String organisationName) {

    /** Whether this user's role has {@code permission} (for rules about someone other than the signed-in user). */
    public boolean can(Permission permission) {
        return Permissions.grants(role, permission);
    }
}
