package org.homeward.hl7v2;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code hl7_message} table. */
@Repository
class Hl7MessageRepository {

    private final JdbcClient jdbc;
    private final ZoneId zone;

    Hl7MessageRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.zone = clock.getZone();
    }

    void insert(Hl7MessageView m) {
        jdbc.sql("""
                insert into hl7_message (id, received_at, sending_application, sending_facility, control_id,
                    message_type, trigger_event, version, raw, outcome, error, error_location, nhs_number,
                    local_number, patient_id, acted_as, organisation_id, what_was_done, ack_code, ack)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(m.id(), Timestamp.from(m.receivedAt()), m.sendingApplication(), m.sendingFacility(),
                        m.controlId(), m.messageType(), m.triggerEvent(), m.version(), m.raw(), m.outcome().name(),
                        m.error(), m.errorLocation(), m.nhsNumber(), m.localNumber(), m.patientId(), m.actedAs(),
                        m.organisationId(), m.whatWasDone(), m.ackCode(), m.ack())
                .update();
    }

    void recordApplied(UUID id, String nhsNumber, String localNumber, UUID patientId, String whatWasDone, String ack) {
        jdbc.sql("""
                update hl7_message set nhs_number = ?, local_number = ?, patient_id = ?, what_was_done = ?,
                    ack_code = 'AA', ack = ? where id = ?""")
                .params(nhsNumber, localNumber, patientId, whatWasDone, ack, id).update();
    }

    /**
     * The patients the applied messages from this facility (MSH-4) named with this local number (PID-3 of type MR or
     * PI): the trust's number is kept only on the messages, so this is how an A40 naming the retired record by its
     * local number alone finds it. More than one is an ambiguity the caller refuses.
     */
    List<UUID> patientsWithLocalNumber(String facility, String localNumber) {
        return jdbc.sql("""
                select distinct patient_id from hl7_message where sending_facility = ? and local_number = ?
                    and outcome = 'APPLIED' and patient_id is not null""")
                .params(facility, localNumber).query(UUID.class).list();
    }

    /** The applied message with this control id from this sender, if there is one. */
    Optional<Hl7MessageView> applied(String application, String facility, String controlId) {
        return jdbc.sql("""
                select * from hl7_message where sending_application = ? and sending_facility = ? and control_id = ?
                    and outcome = 'APPLIED'""")
                .params(application, facility, controlId).query(Hl7MessageRepository::map).optional();
    }

    Optional<Hl7MessageView> find(UUID organisation, UUID id) {
        return jdbc.sql("select * from hl7_message where id = ? and (organisation_id = ? or organisation_id is null)")
                .params(id, organisation).query(Hl7MessageRepository::map).optional();
    }

    /** The messages of one organisation's integration engine (and those no engine account could be found for). */
    List<Hl7MessageView> search(UUID organisation, Hl7MessageQuery q, int offset, int limit) {
        List<Object> params = new ArrayList<>();
        String where = where(organisation, q, params);
        params.add(limit);
        params.add(offset);
        return jdbc.sql("select * from hl7_message" + where + " order by received_at desc, id limit ? offset ?")
                .params(params).query(Hl7MessageRepository::map).list();
    }

    long count(UUID organisation, Hl7MessageQuery q) {
        List<Object> params = new ArrayList<>();
        String where = where(organisation, q, params);
        return jdbc.sql("select count(*) from hl7_message" + where).params(params).query(Long.class).single();
    }

    private String where(UUID organisation, Hl7MessageQuery q, List<Object> params) {
        List<String> conditions = new ArrayList<>();
        conditions.add("(organisation_id = ? or organisation_id is null)");
        params.add(organisation);
        if (q.controlId() != null) {
            conditions.add("control_id = ?");
            params.add(q.controlId());
        }
        if (q.nhsNumber() != null) {
            conditions.add("nhs_number = ?");
            params.add(q.nhsNumber());
        }
        if (q.event() != null) {
            conditions.add("trigger_event = ?");
            params.add(q.event());
        }
        if (q.outcome() != null) {
            conditions.add("outcome = ?");
            params.add(q.outcome().name());
        }
        if (q.from() != null) {
            conditions.add("received_at >= ?");
            params.add(Timestamp.from(q.from().atStartOfDay(zone).toInstant()));
        }
        if (q.to() != null) {
            conditions.add("received_at < ?");
            params.add(Timestamp.from(q.to().plusDays(1).atStartOfDay(zone).toInstant()));
        }
        return " where " + String.join(" and ", conditions);
    }

    private static Hl7MessageView map(ResultSet rs, int row) throws SQLException {
        Hl7Outcome outcome = Hl7Outcome.valueOf(rs.getString("outcome"));
        return new Hl7MessageView(rs.getObject("id", UUID.class), rs.getTimestamp("received_at").toInstant(),
                rs.getString("sending_application"), rs.getString("sending_facility"), rs.getString("control_id"),
                rs.getString("message_type"), rs.getString("trigger_event"), rs.getString("version"), outcome,
                outcome.label(), rs.getString("error"), rs.getString("error_location"), rs.getString("nhs_number"),
                rs.getString("local_number"), rs.getObject("patient_id", UUID.class), rs.getString("acted_as"),
                rs.getObject("organisation_id", UUID.class),
                rs.getString("what_was_done"), rs.getString("ack_code"), rs.getString("raw"), rs.getString("ack"));
    }

    /** Outbound messages of the organisation not yet acknowledged by the trust, oldest first. */
    List<Hl7OutboundView> waitingOutbound(UUID organisation, int limit) {
        return jdbc.sql("""
                select * from hl7_outbound where status = 'PENDING' and (organisation_id = ? or organisation_id is null)
                order by created_at, id limit ?""")
                .params(organisation, limit)
                .query((rs, row) -> new Hl7OutboundView(rs.getObject("id", UUID.class),
                        rs.getTimestamp("created_at").toInstant(), rs.getString("control_id"),
                        rs.getString("trigger_event"), rs.getObject("patient_id", UUID.class),
                        rs.getString("nhs_number"), "SENT".equals(rs.getString("status")), rs.getInt("attempts"),
                        rs.getTimestamp("next_attempt_at").toInstant(), instant(rs.getTimestamp("last_attempt_at")),
                        rs.getString("last_error"), instant(rs.getTimestamp("acknowledged_at")),
                        rs.getString("message"), rs.getString("ack")))
                .list();
    }

    private static java.time.Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
