package org.homeward.audit;

import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.homeward.shared.RecordAccessed;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AuditRepository {

    private final JdbcClient jdbc;

    AuditRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void append(RecordAccessed event, java.time.Instant at) {
        appendAll(List.of(event), at);
    }

    void appendAll(List<RecordAccessed> events, java.time.Instant at) {
        jdbc.sql("""
                insert into audit_event (occurred_at, username, organisation_id, organisation_name, role, action,
                                         record_type, record_id, patient_id, detail, via_system_client)
                select ?, username, organisation_id::uuid, organisation_name, role, action, record_type, record_id,
                       patient_id::uuid, detail, via_system_client
                from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                            ?::text[])
                    as e(username, organisation_id, organisation_name, role, action, record_type, record_id, patient_id,
                         detail, via_system_client)""")
                .params(Timestamp.from(at), column(events, e -> e.actor().username()),
                        column(events, e -> text(e.actor().organisationId())),
                        column(events, e -> e.actor().organisationName()), column(events, e -> e.actor().role()),
                        column(events, e -> e.action().name()), column(events, RecordAccessed::recordType),
                        column(events, RecordAccessed::recordId), column(events, e -> text(e.patientId())),
                        column(events, e -> truncate(e.detail())),
                        column(events, e -> e.actor().viaSystemClient()))
                .update();
    }

    private static String[] column(List<RecordAccessed> events, java.util.function.Function<RecordAccessed, String> field) {
        return events.stream().map(field).toArray(String[]::new);
    }

    private static String text(UUID id) {
        return id == null ? null : id.toString();
    }

    /** A line as stored, with the organisation of whoever it records. */
    record Stored(long id, java.time.Instant occurredAt, String username, String organisationName, String role,
            String action, String recordType, String recordId, UUID patientId, String detail, boolean masked,
            UUID organisationId, String viaSystemClient) {

        AuditEntry entry() {
            return new AuditEntry(id, occurredAt, username, organisationName, role, action, recordType, recordId,
                    patientId, detail, masked, viaSystemClient, null);
        }
    }

    List<Stored> search(AuditQuery query, ZoneId zone) {
        return search(query, zone, query.limitOrDefault(), 0);
    }

    /** One page of the lines matching the query, newest first. */
    List<Stored> search(AuditQuery query, ZoneId zone, int limit, long offset) {
        List<Object> params = new ArrayList<>();
        String where = where(query, zone, params);
        params.add(limit);
        params.add(offset);
        return jdbc.sql("select * from audit_event where true" + where + " order by id desc limit ? offset ?")
                .params(params).query((rs, row) -> new Stored(rs.getLong("id"),
                rs.getTimestamp("occurred_at").toInstant(), rs.getString("username"),
                rs.getString("organisation_name"), rs.getString("role"), rs.getString("action"),
                rs.getString("record_type"), rs.getString("record_id"), rs.getObject("patient_id", UUID.class),
                rs.getString("detail"), false, rs.getObject("organisation_id", UUID.class),
                rs.getString("via_system_client"))).list();
    }

    long count(AuditQuery query, ZoneId zone) {
        List<Object> params = new ArrayList<>();
        String where = where(query, zone, params);
        return jdbc.sql("select count(*) from audit_event where true" + where).params(params).query(Long.class)
                .single();
    }

    private static String where(AuditQuery query, ZoneId zone, List<Object> params) {
        StringBuilder sql = new StringBuilder();
        if (query.username() != null && !query.username().isBlank()) {
            sql.append(" and username = ?");
            params.add(query.username().trim());
        }
        if (query.patientId() != null) {
            sql.append(" and patient_id = ?");
            params.add(query.patientId());
        }
        if (query.action() != null && !query.action().isBlank()) {
            sql.append(" and action = ?");
            params.add(query.action());
        }
        if (query.from() != null) {
            sql.append(" and occurred_at >= ?");
            params.add(Timestamp.from(query.from().atStartOfDay(zone).toInstant()));
        }
        if (query.to() != null) {
            sql.append(" and occurred_at < ?");
            params.add(Timestamp.from(query.to().plusDays(1).atStartOfDay(zone).toInstant()));
        }
        return sql.toString();
    }

    private static String truncate(String detail) {
        return detail == null || detail.length() <= 500 ? detail : detail.substring(0, 497) + "...";
    }
}
