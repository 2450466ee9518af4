package org.homeward.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.homeward.patient.EthnicCategory;
import org.homeward.patient.PatientService;
import org.homeward.patient.RegisterPatient;
import org.homeward.patient.Sex;
import org.homeward.security.CurrentUser;
import org.homeward.security.Organisation;
import org.homeward.security.OrganisationType;
import org.homeward.security.Role;
import org.homeward.security.SecurityService;
import org.homeward.shared.AuditedRecord;
import org.homeward.shared.ForbiddenException;
import org.homeward.shared.NotFoundException;
import org.homeward.shared.PatientId;
import org.homeward.shared.RecordAccessed;
import org.homeward.support.Fixtures;
import org.homeward.support.ModuleTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.PublishedEvents;

/**
 * The note module with what it declares (patient, security) over its own embedded PostgreSQL: a note written by one
 * organisation in the care team is read by another and by no one outside it; the author's amendment keeps the
 * original; a board round's counts come in one call; every read and change is published for the audit trail.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
@ModuleTest
class NoteModuleIT {

    @Autowired
    NoteService notes;
    @Autowired
    PatientService patients;
    @Autowired
    SecurityService security;

    @Test
    void aNoteIsReadAcrossTheCareTeamAmendedOnlyByItsAuthorAndCountedForTheBoardRound(PublishedEvents events) {
        Organisation community = organisation(OrganisationType.COMMUNITY_PROVIDER);
        Organisation acute = organisation(OrganisationType.ACUTE_TRUST);
        Organisation elsewhere = organisation(OrganisationType.COMMUNITY_PROVIDER);
        CurrentUser nurse = user(Role.CLINICIAN, community);
        CurrentUser consultant = user(Role.SENIOR_DECISION_MAKER, acute);
        CurrentUser stranger = user(Role.CLINICIAN, elsewhere);
        PatientId patient = register(nurse);
        PatientId quiet = register(nurse);
        patients.shareCareWith(nurse, patient, acute.id());

        Instant now = Instant.now();
        ClinicalNote visit = notes.write(nurse, patient, new WriteNote(NoteKind.VISIT_NOTE, "  Seen at home: well  ",
                now.minus(2, ChronoUnit.HOURS)));
        ClinicalNote review = notes.write(consultant, patient, new WriteNote(NoteKind.CONSULTANT_REVIEW,
                "Continue IV for 48 hours", null));

        assertThat(visit.text()).isEqualTo("Seen at home: well");
        assertThat(visit.author().described())
                .isEqualTo(nurse.displayName() + " (Staff nurse, " + community.name() + ")");
        assertThat(notes.notesOf(consultant, patient)).extracting(ClinicalNote::id)
                .containsExactly(review.id(), visit.id());
        assertThatThrownBy(() -> notes.notesOf(stranger, patient)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> notes.amend(consultant, visit.id(), new AmendNote("Seen: unwell", "disagree", null,
                null, null))).isInstanceOf(ForbiddenException.class);

        ClinicalNote amended = notes.amend(nurse, visit.id(), new AmendNote("Seen at home: well, eating again",
                "Left out that she is eating", null, null, 1));
        assertThat(amended.amended()).isTrue();
        assertThat(amended.refersTo()).isEqualTo(visit.refersTo());
        NoteHistory history = notes.history(consultant, visit.id());
        assertThat(history.versions()).extracting(NoteVersion::text)
                .containsExactly("Seen at home: well", "Seen at home: well, eating again");
        assertThat(history.versions().get(1).reason()).isEqualTo("Left out that she is eating");

        Map<PatientId, PatientNotes> board = notes.latestNotes(List.of(patient, quiet));
        assertThat(board).containsOnlyKeys(patient);
        assertThat(board.get(patient).count()).isEqualTo(2);
        assertThat(board.get(patient).latest().id()).isEqualTo(review.id());

        assertThat(events.ofType(RecordAccessed.class)
                .matching(e -> e.recordType().equals(AuditedRecord.CLINICAL_NOTE.storedAs()))
                .matching(e -> patient.value().equals(e.patientId())))
                .extracting(RecordAccessed::action)
                .containsExactly(RecordAccessed.Action.CREATE, RecordAccessed.Action.CREATE, RecordAccessed.Action.READ,
                        RecordAccessed.Action.DENIED, RecordAccessed.Action.UPDATE, RecordAccessed.Action.READ);
    }

    private Organisation organisation(OrganisationType type) {
        String code = Fixtures.unique("N").replace("-", "");
        return security.createOrganisation(code.substring(0, Math.min(12, code.length())), code + " " + type.label(),
                type);
    }

    private CurrentUser user(Role role, Organisation organisation) {
        return CurrentUser.of(security.createUser(Fixtures.unique("note"), Fixtures.PASSWORD, "Test " + role.label(),
                "Staff nurse", role, organisation.id()));
    }

    private PatientId register(CurrentUser by) {
        return patients.register(by, new RegisterPatient(Fixtures.newNhsNumber(), "Ada", Fixtures.unique("Notes"),
                LocalDate.of(1950, 3, 15), Sex.FEMALE, EthnicCategory.A, "1 High Street", null, "Dorchester",
                "DT1 1AA", 50.71, -2.44, "01305 000000", "J81012", "Dorchester Health Centre")).summary().id();
    }
}
