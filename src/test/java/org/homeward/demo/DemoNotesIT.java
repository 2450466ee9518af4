package org.homeward.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.homeward.note.ClinicalNote;
import org.homeward.note.NoteKind;
import org.homeward.note.NoteService;
import org.homeward.security.CurrentUser;
import org.homeward.security.SecurityService;
import org.homeward.shared.PatientId;
import org.homeward.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo's clinical notes: every current patient has the visiting nurse's note, read across the care team. */
@IntegrationTest
class DemoNotesIT {

    @Autowired DemoLoader loader;
    @Autowired NoteService notes;
    @Autowired SecurityService security;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void loadOnce() {
        DemoLoadedOnce.load(loader);
    }

    @Test
    void everyCurrentPatientHasTheVisitingNursesNoteAndTheAcutePaediatricianReadsAChildsNote() {
        assertThat(jdbc.sql("""
                select count(distinct n.patient_id) from clinical_note n join clinical_note_version v on v.note_id = n.id
                where n.author_username in ('nurse', 'nurse3') and v.kind = 'VISIT_NOTE'""")
                .query(Long.class).single()).isEqualTo(90);
        assertThat(jdbc.sql("""
                select count(*) from clinical_note n join clinical_note_version v on v.note_id = n.id
                where n.author_username in ('nurse', 'nurse3') and v.version = 2""")
                .query(Long.class).single()).isEqualTo(1);

        List<UUID> children = jdbc.sql("select distinct patient_id from clinical_note where author_username = 'nurse3'")
                .query(UUID.class).list();
        assertThat(children).hasSize(18);
        CurrentUser paediatrician = CurrentUser.of(security.findUserByUsername("consultant4").orElseThrow());
        List<ClinicalNote> read = notes.notesOf(paediatrician, new PatientId(children.get(0)));
        assertThat(read).filteredOn(n -> n.kind() == NoteKind.VISIT_NOTE).singleElement()
                .satisfies(n -> assertThat(n.author().organisationName()).isNotEqualTo(paediatrician.organisationName()));
    }
}
