package org.homeward.note;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.homeward.security.Role;
import org.homeward.shared.OrganisationId;
import org.homeward.shared.PatientId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Notes and their versions; both tables are append-only (the database refuses UPDATE, DELETE and TRUNCATE). */
@Repository
class NoteRepository {

    /** Each note with its newest version. */
    private static final String CURRENT = """
            select n.id, n.patient_id, n.author_username, n.author_name, n.author_job_title, n.author_role,
                   n.author_organisation_id, n.author_organisation_name, n.written_at,
                   v.version, v.kind, v.text, v.refers_to, v.written_at as version_written_at
            from clinical_note n
            join lateral (select * from clinical_note_version v where v.note_id = n.id
                          order by v.version desc limit 1) v on true
            """;

    private final JdbcClient jdbc;

    NoteRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(ClinicalNote note, String writtenBy) {
        NoteAuthor a = note.author();
        jdbc.sql("""
                insert into clinical_note (id, patient_id, author_username, author_name, author_job_title, author_role,
                    author_organisation_id, author_organisation_name, written_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(note.id(), note.patientId().value(), a.username(), a.name(), a.jobTitle(), a.role().name(),
                        a.organisationId().value(), a.organisationName(), Timestamp.from(note.writtenAt()))
                .update();
        insertVersion(note.id(), new NoteVersion(1, note.kind(), note.text(), note.refersTo(), writtenBy,
                note.writtenAt(), null), a.username());
    }

    void insertVersion(UUID noteId, NoteVersion version, String username) {
        jdbc.sql("""
                insert into clinical_note_version (note_id, version, kind, text, refers_to, written_by, written_by_name,
                    written_at, reason)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(noteId, version.version(), version.kind().name(), version.text(),
                        Timestamp.from(version.refersTo()), username, version.writtenBy(),
                        Timestamp.from(version.writtenAt()), version.reason())
                .update();
    }

    Optional<ClinicalNote> find(UUID id) {
        return jdbc.sql(CURRENT + " where n.id = ?").param(id).query(NoteRepository::note).optional();
    }

    /**
     * The note with its newest version, its row locked until the transaction ends, so two amendments of one note
     * are numbered one after the other (a lock is not an update: the append-only trigger does not fire).
     */
    Optional<ClinicalNote> lock(UUID id) {
        boolean exists = jdbc.sql("select id from clinical_note where id = ? for update").param(id)
                .query(UUID.class).optional().isPresent();
        return exists ? find(id) : Optional.empty();
    }

    /** The patient's notes, newest first by the time they refer to, then by when they were written. */
    List<ClinicalNote> ofPatient(PatientId patient) {
        return jdbc.sql(CURRENT + " where n.patient_id = ? order by v.refers_to desc, n.written_at desc, n.id")
                .param(patient.value()).query(NoteRepository::note).list();
    }

    List<NoteVersion> versions(UUID noteId) {
        return jdbc.sql("""
                select version, kind, text, refers_to, written_by_name, written_at, reason
                from clinical_note_version where note_id = ? order by version""")
                .param(noteId)
                .query((rs, row) -> new NoteVersion(rs.getInt("version"), NoteKind.valueOf(rs.getString("kind")),
                        rs.getString("text"), rs.getTimestamp("refers_to").toInstant(),
                        rs.getString("written_by_name"), rs.getTimestamp("written_at").toInstant(),
                        rs.getString("reason")))
                .list();
    }

    /** For each of these patients with any note: how many, and the newest. One query, however many patients. */
    List<PatientNotes> latest(Collection<PatientId> patients) {
        if (patients.isEmpty()) {
            return List.of();
        }
        UUID[] ids = patients.stream().map(PatientId::value).distinct().toArray(UUID[]::new);
        return jdbc.sql("select distinct on (c.patient_id) c.*, count(*) over (partition by c.patient_id) as notes "
                        + "from (" + CURRENT + " where n.patient_id = any(?)) c "
                        + "order by c.patient_id, c.refers_to desc, c.written_at desc, c.id")
                .param(ids)
                .query((rs, row) -> new PatientNotes(new PatientId(rs.getObject("patient_id", UUID.class)),
                        rs.getInt("notes"), note(rs, row)))
                .list();
    }

    private static ClinicalNote note(ResultSet rs, int row) throws SQLException {
        int version = rs.getInt("version");
        Instant versionWrittenAt = rs.getTimestamp("version_written_at").toInstant();
        NoteAuthor author = new NoteAuthor(rs.getString("author_username"), rs.getString("author_name"),
                rs.getString("author_job_title"), Role.valueOf(rs.getString("author_role")),
                new OrganisationId(rs.getObject("author_organisation_id", UUID.class)),
                rs.getString("author_organisation_name"));
        return new ClinicalNote(rs.getObject("id", UUID.class), new PatientId(rs.getObject("patient_id", UUID.class)),
                NoteKind.valueOf(rs.getString("kind")), rs.getString("text"), rs.getTimestamp("refers_to").toInstant(),
                author, rs.getTimestamp("written_at").toInstant(), version, version > 1,
                version > 1 ? versionWrittenAt : null);
    }
}
