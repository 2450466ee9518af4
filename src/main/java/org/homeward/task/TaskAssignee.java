package org.homeward.task;

import org.homeward.security.Role;
import org.homeward.shared.OrganisationId;

/**
 * Who a task is for: a person (their {@code username}), a role within an organisation ({@code role} and
 * {@code organisationId}: whoever of the community provider's pharmacists looks first), or an organisation's team
 * ({@code organisationId} only: anyone there with a worklist). A stored task's assignee always names the organisation,
 * a person's included.
 */
public record TaskAssignee(String username, Role role, OrganisationId organisationId) {

    /** The three ways to hand work on. */
    public enum Kind { PERSON, ROLE, TEAM }

    public static TaskAssignee person(String username) {
        return new TaskAssignee(username, null, null);
    }

    public static TaskAssignee role(Role role, OrganisationId organisationId) {
        return new TaskAssignee(null, role, organisationId);
    }

    public static TaskAssignee team(OrganisationId organisationId) {
        return new TaskAssignee(null, null, organisationId);
    }

    public Kind kind() {
        return username != null ? Kind.PERSON : role != null ? Kind.ROLE : Kind.TEAM;
    }
}
