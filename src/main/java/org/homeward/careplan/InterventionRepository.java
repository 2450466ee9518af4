package org.homeward.careplan;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.homeward.shared.PatientId;
import org.homeward.shared.Skill;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class InterventionRepository {

    private final JdbcClient jdbc;

    InterventionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Intervention i) {
        jdbc.sql("""
                insert into care_intervention (id, patient_id, kind, description, duration_minutes, skill, staff_needed,
                    times_of_day, tolerance_minutes, window_from, window_to, follow_up_kind, follow_up_minutes,
                    follow_up_min_gap_minutes, follow_up_max_gap_minutes, starts_on, ends_on, added_by, added_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(i.id(), i.patientId().value(), i.kind().name(), i.description(), minutes(i.duration()),
                        i.skill().name(), i.staffNeeded(),
                        i.times().isEmpty() ? null : i.times().stream().map(LocalTime::toString).collect(Collectors.joining(",")),
                        minutes(i.tolerance()), i.windowFrom() == null ? null : Time.valueOf(i.windowFrom()),
                        i.windowTo() == null ? null : Time.valueOf(i.windowTo()),
                        i.followUpKind() == null ? null : i.followUpKind().name(), minutes(i.followUpDuration()),
                        minutes(i.followUpMinGap()), minutes(i.followUpMaxGap()), Date.valueOf(i.startsOn()),
                        i.endsOn() == null ? null : Date.valueOf(i.endsOn()), i.addedBy(), Timestamp.from(i.addedAt()))
                .update();
    }

    Optional<Intervention> find(UUID id) {
        return jdbc.sql("select * from care_intervention where id = ?").param(id)
                .query(InterventionRepository::intervention).optional();
    }

    /** Ends it from {@code lastDay} on; false if it had already ended. */
    boolean end(UUID id, LocalDate lastDay, String by, Instant at) {
        return jdbc.sql("""
                update care_intervention set ends_on = least(coalesce(ends_on, ?), ?), ended_by = ?, ended_at = ?
                where id = ? and ended_at is null""")
                .params(Date.valueOf(lastDay), Date.valueOf(lastDay), by, Timestamp.from(at), id).update() == 1;
    }

    /** Ends every intervention of the patient still going on, from {@code lastDay} on; how many. */
    int endAll(PatientId patient, LocalDate lastDay, String by, Instant at) {
        return jdbc.sql("""
                update care_intervention set ends_on = least(coalesce(ends_on, ?), ?), ended_by = ?, ended_at = ?
                where patient_id = ? and ended_at is null and (ends_on is null or ends_on >= ?)""")
                .params(Date.valueOf(lastDay), Date.valueOf(lastDay), by, Timestamp.from(at), patient.value(),
                        Date.valueOf(lastDay)).update();
    }

    List<Intervention> ofPatient(PatientId patient) {
        return jdbc.sql("select * from care_intervention where patient_id = ? order by added_at")
                .param(patient.value()).query(InterventionRepository::intervention).list();
    }

    /** Every intervention due on {@code day}, for any patient. */
    List<Intervention> dueOn(LocalDate day) {
        return jdbc.sql("""
                select * from care_intervention where starts_on <= ? and (ends_on is null or ends_on >= ?)
                order by patient_id, added_at""")
                .params(Date.valueOf(day), Date.valueOf(day)).query(InterventionRepository::intervention).list();
    }

    private static Integer minutes(Duration d) {
        return d == null ? null : (int) d.toMinutes();
    }

    private static Duration duration(ResultSet rs, String column) throws SQLException {
        Integer minutes = (Integer) rs.getObject(column);
        return minutes == null ? null : Duration.ofMinutes(minutes);
    }

    private static Intervention intervention(ResultSet rs, int row) throws SQLException {
        String times = rs.getString("times_of_day");
        Time from = rs.getTime("window_from");
        Time to = rs.getTime("window_to");
        String followUp = rs.getString("follow_up_kind");
        Date endsOn = rs.getDate("ends_on");
        Timestamp endedAt = rs.getTimestamp("ended_at");
        return new Intervention(rs.getObject("id", UUID.class), new PatientId(rs.getObject("patient_id", UUID.class)),
                InterventionKind.valueOf(rs.getString("kind")), rs.getString("description"),
                duration(rs, "duration_minutes"), Skill.valueOf(rs.getString("skill")), rs.getInt("staff_needed"),
                times == null ? List.of() : Arrays.stream(times.split(",")).map(LocalTime::parse).toList(),
                duration(rs, "tolerance_minutes"), from == null ? null : from.toLocalTime(),
                to == null ? null : to.toLocalTime(), followUp == null ? null : InterventionKind.valueOf(followUp),
                duration(rs, "follow_up_minutes"), duration(rs, "follow_up_min_gap_minutes"),
                duration(rs, "follow_up_max_gap_minutes"), rs.getDate("starts_on").toLocalDate(),
                endsOn == null ? null : endsOn.toLocalDate(), rs.getString("added_by"),
                rs.getTimestamp("added_at").toInstant(), rs.getString("ended_by"),
                endedAt == null ? null : endedAt.toInstant());
    }
}
