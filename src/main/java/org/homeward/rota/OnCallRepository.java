package org.homeward.rota;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.homeward.shared.OrganisationId;
import org.homeward.shared.UserId;
import org.homeward.shared.WardId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class OnCallRepository {

    private static final String SELECT = """
            select o.*, w.name as ward_name, u.display_name, u.job_title
            from on_call o join virtual_ward w on w.id = o.ward_id join app_user u on u.id = o.user_id
            """;

    private final JdbcClient jdbc;

    OnCallRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(OnCall entry, String addedBy, Instant addedAt) {
        jdbc.sql("""
                insert into on_call (id, organisation_id, ward_id, tier, user_id, starts_at, ends_at, added_by, added_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(entry.id(), entry.organisationId().value(), entry.wardId().value(), entry.tier().name(),
                        entry.userId().value(), Timestamp.from(entry.startsAt()), Timestamp.from(entry.endsAt()),
                        addedBy, Timestamp.from(addedAt))
                .update();
    }

    List<OnCall> onCall(WardId ward, OnCallTier tier, Instant at) {
        return jdbc.sql(SELECT + " where o.ward_id = ? and o.tier = ? and o.starts_at <= ? and o.ends_at > ? order by o.starts_at, u.display_name")
                .params(ward.value(), tier.name(), Timestamp.from(at), Timestamp.from(at))
                .query(OnCallRepository::onCall).list();
    }

    List<OnCall> onCallAt(Instant at) {
        return jdbc.sql(SELECT + " where o.starts_at <= ? and o.ends_at > ? order by w.name, o.tier, u.display_name")
                .params(Timestamp.from(at), Timestamp.from(at))
                .query(OnCallRepository::onCall).list();
    }

    private static OnCall onCall(ResultSet rs, int row) throws SQLException {
        return new OnCall(rs.getObject("id", UUID.class), new OrganisationId(rs.getObject("organisation_id", UUID.class)),
                new WardId(rs.getObject("ward_id", UUID.class)), rs.getString("ward_name"),
                OnCallTier.valueOf(rs.getString("tier")), new UserId(rs.getObject("user_id", UUID.class)),
                rs.getString("display_name"), rs.getString("job_title"), rs.getTimestamp("starts_at").toInstant(),
                rs.getTimestamp("ends_at").toInstant());
    }
}
