package org.homeward.security;

import java.util.stream.Collectors;

/** Writes the {@link Permissions} table as {@code docs/permissions.md}, for people choosing a user's role. */
final class PermissionsDocument {

    private PermissionsDocument() {
    }

    static String markdown() {
        StringBuilder doc = new StringBuilder();
        doc.append("# Who may do what\n\n");
        doc.append("Generated from `org.homeward.security.Permissions` by `PermissionsTests`; do not edit by hand.\n");
        doc.append("Each user has one role; a role may do what its rows grant. Most permissions also need the\n");
        doc.append("user's organisation to be in the patient's care team, which the modules check separately.\n");
        doc.append("A refusal reads \"Your role (...) may not *allows*; this needs: *roles*.\"\n\n");
        doc.append("| permission | allows | roles |\n");
        doc.append("|---|---|---|\n");
        for (Permission permission : Permission.values()) {
            doc.append("| `").append(permission.name()).append("` | ").append(permission.words()).append(" | ")
                    .append(Permissions.rolesWith(permission).stream().map(Role::label)
                            .collect(Collectors.joining(", ")))
                    .append(" |\n");
        }
        doc.append("\n## By role\n\n");
        doc.append("| role | may |\n");
        doc.append("|---|---|\n");
        for (Role role : Role.values()) {
            String may = Permissions.of(role).stream().map(Permission::words).collect(Collectors.joining("; "));
            doc.append("| ").append(role.label()).append(" | ")
                    .append(may.isEmpty() ? "only what every signed-in user may (e.g. the service overview)" : may)
                    .append(" |\n");
        }
        return doc.toString();
    }
}
