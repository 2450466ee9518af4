package org.homeward.rota;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.homeward.shared.OrganisationId;
import org.homeward.shared.Skill;
import org.homeward.shared.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ShiftRepository {

    private final JdbcClient jdbc;

    ShiftRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(StaffShift s) {
        jdbc.sql("""
                insert into staff_shift (id, user_id, organisation_id, staff_name, starts_at, ends_at, skills,
                    start_latitude, start_longitude, end_latitude, end_longitude, break_minutes, max_visits, added_by,
                    added_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(s.id(), s.userId().value(), s.organisationId().value(), s.staffName(), Timestamp.from(s.startsAt()),
                        Timestamp.from(s.endsAt()),
                        s.skills().stream().map(Enum::name).sorted().collect(Collectors.joining(",")),
                        s.startLatitude(), s.startLongitude(), s.endLatitude(), s.endLongitude(),
                        (int) s.breakLength().toMinutes(), s.maxVisits(), s.addedBy(), Timestamp.from(s.addedAt()))
                .update();
    }

    /** Whether the staff member already has a shift (not cancelled) overlapping this one. */
    boolean overlaps(UserId user, Instant from, Instant to) {
        return jdbc.sql("""
                select count(*) from staff_shift where user_id = ? and cancelled_at is null
                and starts_at < ? and ends_at > ?""")
                .params(user.value(), Timestamp.from(to), Timestamp.from(from)).query(Long.class).single() > 0;
    }

    Optional<StaffShift> find(UUID id) {
        return jdbc.sql("select * from staff_shift where id = ?").param(id).query(ShiftRepository::shift).optional();
    }

    boolean cancel(UUID id, String by, Instant at) {
        return jdbc.sql("update staff_shift set cancelled_by = ?, cancelled_at = ? where id = ? and cancelled_at is null")
                .params(by, Timestamp.from(at), id).update() == 1;
    }

    /**
     * An organisation's shifts, not cancelled, that start at or after {@code from} and before {@code to}, by start
     * time.
     */
    /** The organisations with shifts starting in the interval, the one with most shifts first. */
    List<OrganisationId> organisationsOnShift(Instant from, Instant to) {
        return jdbc.sql("""
                select organisation_id from staff_shift where cancelled_at is null and starts_at >= ? and starts_at < ?
                group by organisation_id order by count(*) desc, organisation_id""")
                .params(Timestamp.from(from), Timestamp.from(to))
                .query((rs, n) -> new OrganisationId(rs.getObject(1, UUID.class))).list();
    }

    List<StaffShift> startingBetween(OrganisationId organisation, Instant from, Instant to) {
        return jdbc.sql("""
                select * from staff_shift where organisation_id = ? and cancelled_at is null and starts_at >= ?
                and starts_at < ? order by starts_at, staff_name""")
                .params(organisation.value(), Timestamp.from(from), Timestamp.from(to)).query(ShiftRepository::shift).list();
    }

    private static StaffShift shift(ResultSet rs, int row) throws SQLException {
        Timestamp cancelled = rs.getTimestamp("cancelled_at");
        EnumSet<Skill> skills = EnumSet.noneOf(Skill.class);
        Arrays.stream(rs.getString("skills").split(",")).filter(s -> !s.isBlank()).map(Skill::valueOf)
                .forEach(skills::add);
        return new StaffShift(rs.getObject("id", UUID.class), new UserId(rs.getObject("user_id", UUID.class)),
                new OrganisationId(rs.getObject("organisation_id", UUID.class)), rs.getString("staff_name"), rs.getTimestamp("starts_at").toInstant(),
                rs.getTimestamp("ends_at").toInstant(), skills, rs.getDouble("start_latitude"),
                rs.getDouble("start_longitude"), rs.getDouble("end_latitude"), rs.getDouble("end_longitude"),
                Duration.ofMinutes(rs.getInt("break_minutes")), rs.getInt("max_visits"), rs.getString("added_by"),
                rs.getTimestamp("added_at").toInstant(), rs.getString("cancelled_by"),
                cancelled == null ? null : cancelled.toInstant());
    }
}
