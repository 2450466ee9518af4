package org.homeward.security;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.homeward.shared.OrganisationId;
import org.homeward.shared.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SystemClientRepository {

    private static final String COLUMNS = """
            c.client_id, c.name, c.organisation_id, u.username as acts_as, u.enabled as acts_as_enabled,
            u.organisation_id as acts_as_organisation_id, c.scopes, c.jwk_set_url, c.registered_by, c.registered_at,
            c.revoked_at, c.revoked_by
            from system_client c join app_user u on u.id = c.acts_as
            """;

    private final JdbcClient jdbc;

    SystemClientRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(SystemClient client, UserId actsAs) {
        jdbc.sql("""
                insert into system_client (client_id, name, organisation_id, acts_as, scopes, jwk_set_url,
                    registered_by, registered_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(client.clientId(), client.name(), client.organisationId().value(), actsAs.value(),
                        client.scopes().toArray(new String[0]), client.jwkSetUrl(), client.registeredBy(),
                        Timestamp.from(client.registeredAt()))
                .update();
    }

    Optional<Stored> find(String clientId) {
        return jdbc.sql("select " + COLUMNS + " where c.client_id = ?").param(clientId)
                .query(SystemClientRepository::stored).optional();
    }

    List<SystemClient> ofOrganisation(OrganisationId organisation) {
        return jdbc.sql("select " + COLUMNS + " where c.organisation_id = ? order by c.registered_at, c.client_id")
                .param(organisation.value()).query(SystemClientRepository::stored).list()
                .stream().map(Stored::client).toList();
    }

    /** The registered names of these clients, by client id; unknown ids are left out. */
    java.util.Map<String, String> names(java.util.Collection<String> clientIds) {
        java.util.Map<String, String> names = new java.util.HashMap<>();
        if (clientIds.isEmpty()) {
            return names;
        }
        jdbc.sql("select client_id, name from system_client where client_id = any(?)")
                .param(clientIds.toArray(new String[0]))
                .query(rs -> {
                    names.put(rs.getString("client_id"), rs.getString("name"));
                });
        return names;
    }

    /** Revokes the client if it is not revoked already; whether it was revoked now. */
    boolean revoke(String clientId, Instant at, String by) {
        return jdbc.sql("update system_client set revoked_at = ?, revoked_by = ? where client_id = ? and revoked_at is null")
                .params(Timestamp.from(at), by, clientId).update() == 1;
    }

    private static Stored stored(ResultSet rs, int row) throws SQLException {
        Array scopes = rs.getArray("scopes");
        Timestamp revokedAt = rs.getTimestamp("revoked_at");
        SystemClient client = new SystemClient(rs.getString("client_id"), rs.getString("name"),
                new OrganisationId(rs.getObject("organisation_id", UUID.class)), rs.getString("acts_as"),
                List.of((String[]) scopes.getArray()), rs.getString("jwk_set_url"), rs.getString("registered_by"),
                rs.getTimestamp("registered_at").toInstant(), revokedAt == null ? null : revokedAt.toInstant(),
                rs.getString("revoked_by"));
        return new Stored(client, rs.getBoolean("acts_as_enabled"),
                new OrganisationId(rs.getObject("acts_as_organisation_id", UUID.class)));
    }

    /**
     * A registration with what decides whether it may still be used: the acting account enabled and still of the
     * client's organisation.
     */
    record Stored(SystemClient client, boolean actsAsEnabled, OrganisationId actsAsOrganisation) {

        /** Not revoked, and its account active in its organisation: it may get and use tokens. */
        boolean usable() {
            return client.revokedAt() == null && actsAsEnabled && actsAsOrganisation.equals(client.organisationId());
        }
    }
}
