package org.homeward.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.homeward.patient.PatientRecord;
import org.homeward.security.CurrentUser;
import org.homeward.security.Organisation;
import org.homeward.security.OrganisationType;
import org.homeward.security.Role;
import org.homeward.support.Api;
import org.homeward.support.Api.Response;
import org.homeward.support.Fixtures;
import org.homeward.support.IntegrationTest;
import org.homeward.support.PageSession;
import org.homeward.ward.VirtualWard;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Clinical notes through the API across organisations: the community provider's nurse writes, the acute trust's
 * consultant and the GP organisation read, an organisation outside the care team is refused (and the refusal audited);
 * bad input writes nothing; only the author amends, and every version is kept; nothing deletes a note.
 */
@IntegrationTest
class NoteApiIT {

    @Autowired Fixtures fixtures;
    @Autowired Api api;
    @Autowired JdbcClient jdbc;

    Organisation acute;
    Organisation community;
    Organisation gpOrganisation;
    CurrentUser nurse;
    CurrentUser consultant;
    CurrentUser gp;
    CurrentUser outsider;
    CurrentUser commissioner;
    PatientRecord patient;
    UUID patientId;

    @BeforeEach
    void admitAPatientToAWardTheCommunityProviderVisits() {
        acute = fixtures.organisation(OrganisationType.ACUTE_TRUST);
        community = fixtures.organisation(OrganisationType.COMMUNITY_PROVIDER);
        String practice = Fixtures.newPracticeCode();
        gpOrganisation = fixtures.gpOrganisation(practice);
        CurrentUser referrer = fixtures.user(Role.REFERRER, acute);
        consultant = fixtures.user(Role.SENIOR_DECISION_MAKER, acute);
        nurse = fixtures.user(Role.CLINICIAN, community);
        gp = fixtures.user(Role.SENIOR_DECISION_MAKER, gpOrganisation);
        outsider = fixtures.user(Role.CLINICIAN, fixtures.organisation(OrganisationType.COMMUNITY_PROVIDER));
        commissioner = fixtures.user(Role.COMMISSIONER, fixtures.organisation(OrganisationType.ICB));
        VirtualWard ward = fixtures.ward(acute, 5, List.of(community));
        patient = fixtures.patient(referrer, LocalDate.of(1941, 3, 15), practice);
        fixtures.admit(patient, ward, referrer, consultant);
        patientId = patient.summary().id().value();
    }

    @Test
    void theCommunityNursesVisitNoteIsReadByTheAcuteConsultantAndTheGp() {
        Instant visit = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        Response written = api.post(nurse, notes(), Map.of("kind", "VISIT_NOTE", "text",
                "IV ceftriaxone 2 g given at 10:05. Chest clearer, SpO2 95% on air. Plan: continue.",
                "refersTo", visit.toString()));

        assertThat(written.status()).as(written.toString()).isEqualTo(201);
        assertThat(written.text("kind")).isEqualTo("VISIT_NOTE");
        assertThat(Instant.parse(written.text("refersTo"))).isEqualTo(visit);
        assertThat(written.body().path("author").path("username").asText()).isEqualTo(nurse.username());
        assertThat(written.body().path("author").path("name").asText()).isEqualTo(nurse.displayName());
        assertThat(written.body().path("author").path("organisationName").asText()).isEqualTo(community.name());
        assertThat(written.body().path("author").path("role").asText()).isEqualTo("CLINICIAN");
        assertThat(written.body().path("amended").asBoolean()).isFalse();

        for (CurrentUser reader : List.of(consultant, gp, nurse)) {
            Response read = api.get(reader, notes());
            assertThat(read.status()).as(reader.organisationName() + ": " + read).isEqualTo(200);
            assertThat(read.body()).hasSize(1);
            assertThat(read.body().get(0).path("text").asText()).startsWith("IV ceftriaxone 2 g given at 10:05");
            assertThat(read.body().get(0).path("author").path("organisationName").asText()).isEqualTo(community.name());
        }
        assertThat(audit("CREATE")).containsExactly(nurse.username());
        assertThat(audit("READ")).containsExactlyInAnyOrder(consultant.username(), gp.username(), nurse.username());
    }

    @Test
    void newestFirstByTheTimeEachNoteRefersTo() {
        Instant now = Instant.now();
        write(nurse, "PHONE_REVIEW", "Phoned: comfortable overnight", now.minus(3, ChronoUnit.HOURS));
        write(consultant, "CONSULTANT_REVIEW", "Reviewed at home: continue IV for 48 hours",
                now.minus(1, ChronoUnit.HOURS));
        write(nurse, "VISIT_NOTE", "Late entry: bloods taken at 07:30", now.minus(5, ChronoUnit.HOURS));

        assertThat(api.get(gp, notes()).body().findValuesAsText("kind"))
                .containsExactly("CONSULTANT_REVIEW", "PHONE_REVIEW", "VISIT_NOTE");
    }

    @Test
    void outsideTheCareTeamIsRefusedAsNotFoundAndTheRefusalIsAudited() {
        String noteId = write(nurse, "VISIT_NOTE", "Seen at home", null);

        assertThat(api.get(outsider, notes()).status()).isEqualTo(404);
        assertThat(api.get(outsider, "/api/v1/notes/" + noteId + "/history").status()).isEqualTo(404);
        assertThat(api.get(outsider, "/api/v1/notes/" + noteId).status()).isEqualTo(404);
        Response written = api.post(outsider, notes(), Map.of("kind", "VISIT_NOTE", "text", "Not my patient"));
        assertThat(written.status()).isEqualTo(404);
        assertThat(api.get(commissioner, notes()).status()).isEqualTo(403);

        assertThat(noteRows()).isEqualTo(1);
        assertThat(jdbc.sql("""
                select count(*) from audit_event where patient_id = ? and username = ? and action = 'DENIED'""")
                .params(patientId, outsider.username()).query(Long.class).single()).isEqualTo(4);
        assertThat(jdbc.sql("""
                select count(*) from audit_event where patient_id = ? and username = ? and action = 'DENIED'""")
                .params(patientId, commissioner.username()).query(Long.class).single()).isEqualTo(1);
        assertThat(audit("READ")).doesNotContain(outsider.username(), commissioner.username());
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndWritesNothing() {
        assertThat(badField(Map.of("text", "No kind"))).isEqualTo("kind");
        assertThat(badField(Map.of("kind", "VISIT_NOTE"))).isEqualTo("text");
        assertThat(badField(Map.of("kind", "VISIT_NOTE", "text", "   "))).isEqualTo("text");
        assertThat(badField(Map.of("kind", "VISIT_NOTE", "text", "x".repeat(NoteService.MAX_TEXT + 1))))
                .isEqualTo("text");
        assertThat(badField(Map.of("kind", "VISIT_NOTE", "text", "Tomorrow's visit",
                "refersTo", Instant.now().plus(1, ChronoUnit.DAYS).toString()))).isEqualTo("refersTo");
        assertThat(badField(Map.of("kind", "HANDOVER", "text", "Not a kind"))).isEqualTo("kind");

        assertThat(noteRows()).isZero();
        assertThat(audit("CREATE")).isEmpty();
        // the longest note is accepted
        assertThat(api.post(nurse, notes(), Map.of("kind", "VISIT_NOTE", "text", "x".repeat(NoteService.MAX_TEXT)))
                .status()).isEqualTo(201);
    }

    @Test
    void aConsultantReviewIsWrittenOnlyByASeniorDecisionMaker() {
        Response byNurse = api.post(nurse, notes(), Map.of("kind", "CONSULTANT_REVIEW", "text", "Consultant happy"));
        assertThat(byNurse.status()).isEqualTo(403);
        assertThat(byNurse.text("detail")).contains("write a consultant review note", "Senior decision-maker");
        assertThat(noteRows()).isZero();
        assertThat(api.post(consultant, notes(), Map.of("kind", "CONSULTANT_REVIEW",
                "text", "Reviewed: criteria to reside met, continue")).status()).isEqualTo(201);
    }

    @Test
    void theAuthorAmendsWithAReasonAndEveryVersionIsKept() {
        String noteId = write(nurse, "VISIT_NOTE", "Gentamicin 45 mg given", null);
        String amendments = "/api/v1/notes/" + noteId + "/amendments";

        Response noReason = api.post(nurse, amendments, Map.of("text", "Gentamicin 450 mg given"));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body().path("errors").get(0).path("field").asText()).isEqualTo("reason");
        Response unchanged = api.post(nurse, amendments, Map.of("text", "Gentamicin 45 mg given", "reason", "typo"));
        assertThat(unchanged.status()).isEqualTo(400);
        assertThat(versions(noteId)).isEqualTo(1);

        Response amended = api.post(nurse, amendments, Map.of("text", "Gentamicin 450 mg given",
                "reason", "Wrong dose written: 450 mg was given", "version", 1));
        assertThat(amended.status()).as(amended.toString()).isEqualTo(201);
        assertThat(amended.body().path("amended").asBoolean()).isTrue();
        assertThat(amended.body().path("version").asInt()).isEqualTo(2);
        assertThat(amended.text("text")).isEqualTo("Gentamicin 450 mg given");

        Response stale = api.post(nurse, amendments, Map.of("text", "Gentamicin 400 mg given", "reason", "again",
                "version", 1));
        assertThat(stale.status()).isEqualTo(409);

        Response history = api.get(consultant, "/api/v1/notes/" + noteId + "/history");
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.body().path("versions").findValuesAsText("text"))
                .containsExactly("Gentamicin 45 mg given", "Gentamicin 450 mg given");
        assertThat(history.body().path("versions").get(0).hasNonNull("reason")).isFalse();
        assertThat(history.body().path("versions").get(1).path("reason").asText())
                .isEqualTo("Wrong dose written: 450 mg was given");
        assertThat(history.body().path("versions").get(1).path("writtenBy").asText()).isEqualTo(nurse.signature());
        assertThat(api.get(gp, notes()).body().get(0).path("amended").asBoolean()).isTrue();
        assertThat(audit("UPDATE")).containsExactly(nurse.username());
    }

    @Test
    void someoneElseCannotAmendAndTheRefusalIsAudited() {
        String noteId = write(nurse, "VISIT_NOTE", "Seen at home, well", null);

        Response byConsultant = api.post(consultant, "/api/v1/notes/" + noteId + "/amendments",
                Map.of("text", "Seen at home, unwell", "reason", "I disagree"));

        assertThat(byConsultant.status()).isEqualTo(403);
        assertThat(byConsultant.text("detail")).contains("Only the note's author", nurse.displayName());
        assertThat(versions(noteId)).isEqualTo(1);
        assertThat(api.get(gp, "/api/v1/notes/" + noteId).text("text")).isEqualTo("Seen at home, well");
        assertThat(jdbc.sql("""
                select count(*) from audit_event where record_type = 'ClinicalNote' and record_id = ? and username = ?
                  and action = 'DENIED'""").params(noteId, consultant.username()).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void nothingDeletesANoteNeitherTheApiNorTheDatabase() {
        String noteId = write(nurse, "VISIT_NOTE", "Seen at home", null);

        assertThat(api.delete(nurse, "/api/v1/notes/" + noteId).status()).isBetween(404, 405);
        assertThat(api.delete(nurse, notes()).status()).isBetween(404, 405);
        UUID id = UUID.fromString(noteId);
        assertThatThrownBy(() -> jdbc.sql("delete from clinical_note_version where note_id = ?").param(id).update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("update clinical_note_version set text = 'changed' where note_id = ?")
                .param(id).update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from clinical_note where id = ?").param(id).update())
                .hasMessageContaining("append-only");
        assertThat(api.get(consultant, "/api/v1/notes/" + noteId).text("text")).isEqualTo("Seen at home");
    }

    @Test
    void aNoteIsShownOnlyUnderItsOwnPatientsPages() {
        String noteId = write(nurse, "VISIT_NOTE", "Seen at home", null);
        PatientRecord another = fixtures.patient(nurse, LocalDate.of(1950, 1, 2));
        PageSession pages = PageSession.signIn(api.baseUrl(), nurse);

        assertThat(pages.get("/patients/" + patientId + "/notes/" + noteId + "/history").status()).isEqualTo(200);
        assertThat(pages.get("/patients/" + another.summary().id() + "/notes/" + noteId + "/history").status())
                .isEqualTo(404);
        assertThat(pages.get("/patients/" + another.summary().id() + "/notes/" + noteId + "/amend").status())
                .isEqualTo(404);
    }

    private String write(CurrentUser author, String kind, String text, Instant refersTo) {
        Map<String, Object> body = new HashMap<>(Map.of("kind", kind, "text", text));
        if (refersTo != null) {
            body.put("refersTo", refersTo.toString());
        }
        Response written = api.post(author, notes(), body);
        assertThat(written.status()).as(written.toString()).isEqualTo(201);
        return written.text("id");
    }

    private String badField(Map<String, Object> body) {
        Response refused = api.post(nurse, notes(), body);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        return refused.body().path("errors").get(0).path("field").asText();
    }

    private String notes() {
        return "/api/v1/patients/" + patientId + "/notes";
    }

    private long noteRows() {
        return jdbc.sql("select count(*) from clinical_note where patient_id = ?").param(patientId)
                .query(Long.class).single();
    }

    private long versions(String noteId) {
        return jdbc.sql("select count(*) from clinical_note_version where note_id = ?").param(UUID.fromString(noteId))
                .query(Long.class).single();
    }

    private List<String> audit(String action) {
        return jdbc.sql("""
                select username from audit_event where patient_id = ? and record_type = 'ClinicalNote' and action = ?
                order by id""").params(patientId, action).query(String.class).list();
    }
}
