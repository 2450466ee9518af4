package org.homeward.boardround;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.homeward.security.Role;
import org.homeward.shared.AdmissionId;
import org.homeward.shared.PatientId;
import org.homeward.shared.UserId;
import org.homeward.shared.WardId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class BoardRoundRepository {

    private final JdbcClient jdbc;

    BoardRoundRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // rounds ------------------------------------------------------------------------------------------------------

    void insertRound(BoardRound round) {
        jdbc.sql("""
                insert into board_round (id, ward_id, round_date, lead_user_id, lead_name, started_by, started_at,
                    written_up_later)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(round.id(), round.wardId() == null ? null : round.wardId().value(),
                        Date.valueOf(round.roundDate()), round.leadUserId().value(), round.leadName(),
                        round.startedBy(), Timestamp.from(round.startedAt()), round.writtenUpLater())
                .update();
        int position = 0;
        for (BoardRound.RoundAttendee attendee : round.attendees()) {
            jdbc.sql("insert into board_round_attendee (round_id, position, user_id, name, role) values (?, ?, ?, ?, ?)")
                    .params(round.id(), position++, attendee.userId() == null ? null : attendee.userId().value(),
                            attendee.name(), attendee.role())
                    .update();
        }
    }

    /** The round with its attendees; {@code wardName} is filled in by the service. */
    Optional<BoardRound> findRound(UUID id) {
        List<BoardRound.RoundAttendee> attendees = jdbc.sql(
                "select * from board_round_attendee where round_id = ? order by position").param(id)
                .query((rs, row) -> new BoardRound.RoundAttendee(
                        rs.getObject("user_id") == null ? null : new UserId(rs.getObject("user_id", UUID.class)),
                        rs.getString("name"), rs.getString("role")))
                .list();
        return jdbc.sql("select * from board_round where id = ?").param(id)
                .query((rs, row) -> new BoardRound(rs.getObject("id", UUID.class),
                        rs.getObject("ward_id") == null ? null : new WardId(rs.getObject("ward_id", UUID.class)), null,
                        rs.getDate("round_date").toLocalDate(), new UserId(rs.getObject("lead_user_id", UUID.class)),
                        rs.getString("lead_name"), rs.getString("started_by"),
                        rs.getTimestamp("started_at").toInstant(), attendees, rs.getBoolean("written_up_later")))
                .optional();
    }

    // reviews -----------------------------------------------------------------------------------------------------

    int nextVersion(PatientId patient, LocalDate day) {
        return jdbc.sql("select coalesce(max(version), 0) + 1 from board_round_review where patient_id = ? and review_date = ?")
                .params(patient.value(), Date.valueOf(day)).query(Integer.class).single();
    }

    void insertReview(Review r) {
        jdbc.sql("""
                insert into board_round_review (id, round_id, patient_id, admission_id, review_date, version, day_colour,
                    waiting_for, decision, revised_edd, note, reviewed_by, reviewed_by_name, reviewed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(r.id(), r.roundId(), r.patientId().value(), r.admissionId().value(),
                        Date.valueOf(r.reviewDate()), r.version(), r.dayColour().name(), r.waitingFor(),
                        r.decision().name(),
                        r.revisedEstimatedDischargeDate() == null ? null : Date.valueOf(r.revisedEstimatedDischargeDate()),
                        r.note(), r.reviewedBy(), r.reviewedByName(), Timestamp.from(r.reviewedAt()))
                .update();
        for (AgreedAction a : r.actions()) {
            jdbc.sql("""
                    insert into board_round_action (id, review_id, round_id, patient_id, text, assigned_role, due_date,
                        priority, task_id, agreed_by, agreed_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(a.id(), a.reviewId(), a.roundId(), a.patientId().value(), a.text(),
                            a.assignedRole().name(), Date.valueOf(a.dueDate()), a.priority().name(), a.taskId(),
                            a.agreedBy(), Timestamp.from(a.agreedAt()))
                    .update();
        }
    }

    boolean linkTask(UUID actionId, UUID taskId) {
        return jdbc.sql("update board_round_action set task_id = ? where id = ? and task_id is null")
                .params(taskId, actionId).update() == 1;
    }

    /** Every review made at the round, every version, oldest first, with its actions. */
    List<Review> reviewsOfRound(UUID roundId) {
        List<Review> reviews = jdbc.sql("select * from board_round_review where round_id = ? order by reviewed_at, version")
                .param(roundId).query(BoardRoundRepository::review).list();
        return withActions(reviews, "round_id = ?", roundId);
    }

    /**
     * The newest review of {@code day} of each of these patients reviewed that day, with its actions: two queries,
     * each reading only these patients' rows (index on review date, patient, version).
     */
    Map<PatientId, Review> latestReviewsOn(LocalDate day, Collection<PatientId> patients) {
        Map<PatientId, Review> byPatient = new HashMap<>();
        if (patients.isEmpty()) {
            return byPatient;
        }
        List<Review> reviews = jdbc.sql("""
                select distinct on (patient_id) * from board_round_review
                where review_date = ? and patient_id = any(?)
                order by patient_id, version desc""")
                .params(Date.valueOf(day), patients.stream().map(PatientId::value).toArray(UUID[]::new))
                .query(BoardRoundRepository::review).list();
        for (Review r : withActions(reviews, "review_id = any(?)",
                reviews.stream().map(Review::id).toArray(UUID[]::new))) {
            byPatient.put(r.patientId(), r);
        }
        return byPatient;
    }

    /**
     * The admission each of these patients' latest review on {@code day} was of, nothing else of it: whether they
     * were reviewed that day, for every patient on a board before its page is read in full.
     */
    Map<PatientId, AdmissionId> reviewedAdmissionsOn(LocalDate day, Collection<PatientId> patients) {
        Map<PatientId, AdmissionId> byPatient = new HashMap<>();
        if (patients.isEmpty()) {
            return byPatient;
        }
        jdbc.sql("""
                select distinct on (patient_id) patient_id, admission_id from board_round_review
                where review_date = ? and patient_id = any(?)
                order by patient_id, version desc""")
                .params(Date.valueOf(day), patients.stream().map(PatientId::value).toArray(UUID[]::new))
                .query(rs -> {
                    byPatient.put(new PatientId(rs.getObject("patient_id", UUID.class)),
                            new AdmissionId(rs.getObject("admission_id", UUID.class)));
                });
        return byPatient;
    }

    /** Every version of the patient's reviews, newest first, with their actions. */
    List<Review> reviewsOfPatient(PatientId patient) {
        List<Review> reviews = jdbc.sql("""
                select * from board_round_review where patient_id = ? order by review_date desc, version desc""")
                .param(patient.value()).query(BoardRoundRepository::review).list();
        return withActions(reviews, "patient_id = ?", patient.value());
    }

    private List<Review> withActions(List<Review> reviews, String where, Object param) {
        if (reviews.isEmpty()) {
            return reviews;
        }
        Map<UUID, List<AgreedAction>> byReview = new HashMap<>();
        jdbc.sql("select * from board_round_action where " + where + " order by agreed_at, id").param(param)
                .query(BoardRoundRepository::action).list()
                .forEach(a -> byReview.computeIfAbsent(a.reviewId(), k -> new ArrayList<>()).add(a));
        return reviews.stream().map(r -> r.withActions(byReview.getOrDefault(r.id(), List.of()))).toList();
    }

    // scores ------------------------------------------------------------------------------------------------------

    record LatestScore(String scoreName, int latestTotal, Instant latestAt, Integer previousTotal) {
    }

    record ScoreToKeep(PatientId patient, String scoreName, int total, Instant at) {
    }

    /**
     * Keeps each patient's newest score and the one before it; a set older than the newest kept is ignored. One
     * statement for the batch; at most one score per patient.
     */
    void keepScores(Collection<ScoreToKeep> scores) {
        if (scores.isEmpty()) {
            return;
        }
        jdbc.sql("""
                insert into board_round_score (patient_id, score_name, latest_total, latest_at, previous_total)
                select s.patient_id, s.score_name, s.total, s.at, null
                from unnest(?::uuid[], ?::varchar[], ?::integer[], ?::timestamptz[]) as s(patient_id, score_name, total, at)
                on conflict (patient_id) do update set
                    previous_total = case when board_round_score.latest_at = excluded.latest_at
                                          then board_round_score.previous_total
                                          else board_round_score.latest_total end,
                    score_name = excluded.score_name, latest_total = excluded.latest_total,
                    latest_at = excluded.latest_at
                where excluded.latest_at >= board_round_score.latest_at""")
                .params(scores.stream().map(s -> s.patient().value()).toArray(UUID[]::new),
                        scores.stream().map(ScoreToKeep::scoreName).toArray(String[]::new),
                        scores.stream().map(ScoreToKeep::total).toArray(Integer[]::new),
                        scores.stream().map(s -> Timestamp.from(s.at())).toArray(Timestamp[]::new))
                .update();
    }

    /** These patients' latest NEWS2 or PEWS totals, nothing else: what orders a board. */
    Map<PatientId, Integer> latestTotals(Collection<PatientId> patients) {
        Map<PatientId, Integer> totals = new HashMap<>();
        if (patients.isEmpty()) {
            return totals;
        }
        jdbc.sql("select patient_id, latest_total from board_round_score where patient_id = any(?)")
                .param(patients.stream().map(PatientId::value).toArray(UUID[]::new))
                .query(rs -> {
                    totals.put(new PatientId(rs.getObject("patient_id", UUID.class)), rs.getInt("latest_total"));
                });
        return totals;
    }

    Map<PatientId, LatestScore> latestScores(Collection<PatientId> patients) {
        Map<PatientId, LatestScore> scores = new LinkedHashMap<>();
        if (patients.isEmpty()) {
            return scores;
        }
        jdbc.sql("select * from board_round_score where patient_id = any(?)")
                .param(patients.stream().map(PatientId::value).toArray(UUID[]::new))
                .query(rs -> {
                    scores.put(new PatientId(rs.getObject("patient_id", UUID.class)), new LatestScore(
                            rs.getString("score_name"), rs.getInt("latest_total"),
                            rs.getTimestamp("latest_at").toInstant(), (Integer) rs.getObject("previous_total")));
                });
        return scores;
    }

    private static Review review(ResultSet rs, int row) throws SQLException {
        Date revised = rs.getDate("revised_edd");
        return new Review(rs.getObject("id", UUID.class), rs.getObject("round_id", UUID.class),
                new PatientId(rs.getObject("patient_id", UUID.class)),
                new AdmissionId(rs.getObject("admission_id", UUID.class)), rs.getDate("review_date").toLocalDate(),
                rs.getInt("version"), DayColour.valueOf(rs.getString("day_colour")), rs.getString("waiting_for"),
                Decision.valueOf(rs.getString("decision")), revised == null ? null : revised.toLocalDate(),
                rs.getString("note"), rs.getString("reviewed_by"), rs.getString("reviewed_by_name"),
                rs.getTimestamp("reviewed_at").toInstant(), List.of());
    }

    private static AgreedAction action(ResultSet rs, int row) throws SQLException {
        return new AgreedAction(rs.getObject("id", UUID.class), rs.getObject("review_id", UUID.class),
                rs.getObject("round_id", UUID.class), new PatientId(rs.getObject("patient_id", UUID.class)),
                rs.getString("text"), Role.valueOf(rs.getString("assigned_role")),
                rs.getDate("due_date").toLocalDate(), ActionPriority.valueOf(rs.getString("priority")),
                rs.getObject("task_id", UUID.class), rs.getString("agreed_by"),
                rs.getTimestamp("agreed_at").toInstant());
    }
}
