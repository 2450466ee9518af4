package org.homeward.security;

import org.homeward.shared.ForbiddenException;
import org.homeward.shared.OrganisationId;
import org.homeward.shared.RecordAccessed;
import org.homeward.shared.UserId;

/**
 * The signed-in user on whose behalf a service method acts. Controllers receive it as a method argument and pass it
 * on, so every access decision and audit entry names a person, an organisation and a role (and, when a system client
 * acts as the person, the client too: {@code viaSystemClient}, its client id; null otherwise).
 */
public record CurrentUser(UserId id, String username, String displayName, Role role, OrganisationId organisationId,
        String organisationName, String viaSystemClient) implements RecordAccessed.By {

    public CurrentUser(UserId id, String username, String displayName, Role role, OrganisationId organisationId,
            String organisationName) {
        this(id, username, displayName, role, organisationId, organisationName, null);
    }

    public static CurrentUser of(UserAccount account) {
        return new CurrentUser(account.id(), account.username(), account.displayName(), account.role(),
                account.organisationId(), account.organisationName());
    }

    /** The same user, acting through the system client {@code clientId} (every audit line names the client). */
    CurrentUser viaSystemClient(String clientId) {
        return new CurrentUser(id, username, displayName, role, organisationId, organisationName, clientId);
    }

    /** Whether this user's role has {@code permission} in the {@link Permissions} table. */
    public boolean can(Permission permission) {
        return Permissions.grants(role, permission);
    }

    /** Refuses with 403, naming the roles that may, unless this user's role has {@code permission}. */
    public void require(Permission permission) {
        if (!can(permission)) {
            throw new ForbiddenException("Your role (" + role.label() + ") may not " + permission.words()
                    + "; this needs: " + String.join(", ", Permissions.rolesWith(permission).stream()
                            .map(Role::label).toList()) + ".");
        }
    }

    /**
     * How a record names who decided something, for people reading it later: "Dr Asha Patel (apatel)", the name a
     * colleague knows and the username that tells two people of one name apart.
     */
    public String signature() {
        return displayName + " (" + username + ")";
    }

    @Override
    public RecordAccessed.Actor actor() {
        return new RecordAccessed.Actor(username, organisationId.value(), organisationName, role.name(),
                viaSystemClient);
    }
}
