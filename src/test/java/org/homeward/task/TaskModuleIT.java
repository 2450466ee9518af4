package org.homeward.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.homeward.patient.EthnicCategory;
import org.homeward.patient.PatientRecord;
import org.homeward.patient.PatientService;
import org.homeward.patient.RegisterPatient;
import org.homeward.patient.Sex;
import org.homeward.security.CurrentUser;
import org.homeward.security.Organisation;
import org.homeward.security.OrganisationType;
import org.homeward.security.Role;
import org.homeward.security.SecurityService;
import org.homeward.shared.InvalidInputException;
import org.homeward.shared.RecordAccessed;
import org.homeward.shared.RefusedException;
import org.homeward.support.Fixtures;
import org.homeward.support.ModuleTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.PublishedEvents;

/**
 * The task module with what it declares (patient, security, notification; started through ALL_DEPENDENCIES): a task
 * about a patient goes to a role of an organisation in the care team and not outside it; the role's holder sees it on
 * their worklist and completes it once; every step is audited.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
@ModuleTest
class TaskModuleIT {

    @Autowired
    TaskService tasks;
    @Autowired
    PatientService patients;
    @Autowired
    SecurityService security;

    @Test
    void aTaskForARoleInTheCareTeamIsSeenAndCompletedOnceByItsHolder(PublishedEvents events) {
        Organisation trust = security.createOrganisation("TMIT1", "Task module trust", OrganisationType.ACUTE_TRUST);
        Organisation other = security.createOrganisation("TMIT2", "Other provider", OrganisationType.COMMUNITY_PROVIDER);
        CurrentUser nurse = user("task-module-nurse", Role.CLINICIAN, trust);
        CurrentUser pharmacist = user("task-module-pharmacist", Role.PHARMACIST, trust);
        user("task-module-other-pharmacist", Role.PHARMACIST, other);
        PatientRecord patient = patients.register(nurse, new RegisterPatient(Fixtures.newNhsNumber(), "Ada",
                "Taskmodule", LocalDate.of(1950, 3, 15), Sex.FEMALE, EthnicCategory.A, "1 High Street", null,
                "Dorchester", "DT1 1AA", 50.71, -2.44, "01305 000000", "J81012", "Dorchester Health Centre"));

        assertThatThrownBy(() -> tasks.create(nurse, new NewTask(patient.summary().id(), "Review medicines", null,
                TaskAssignee.role(Role.PHARMACIST, other.id()), null, TaskPriority.HIGH, null, null)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not in this patient's care team");

        TaskView set = tasks.create(nurse, new NewTask(patient.summary().id(), "Review medicines", null,
                TaskAssignee.role(Role.PHARMACIST, trust.id()), null, TaskPriority.HIGH, null, null));
        assertThat(tasks.worklist(pharmacist)).extracting(TaskView::id).containsExactly(set.id());
        assertThat(tasks.openTasksOf(java.util.List.of(patient.summary().id())).get(patient.summary().id()))
                .extracting(TaskView::id).containsExactly(set.id());

        TaskView done = tasks.complete(pharmacist, set.id(), "Reviewed: no changes");
        assertThat(done.status()).isEqualTo(TaskStatus.DONE);
        assertThat(done.closedBy()).isEqualTo(pharmacist.signature());
        assertThatThrownBy(() -> tasks.complete(pharmacist, set.id(), "Again"))
                .isInstanceOf(RefusedException.class);
        assertThat(tasks.worklist(pharmacist)).isEmpty();
        assertThat(events.ofType(RecordAccessed.class).matching(e -> "Task".equals(e.recordType())
                && set.id().toString().equals(e.recordId()))).extracting(RecordAccessed::action)
                .containsExactly(RecordAccessed.Action.CREATE, RecordAccessed.Action.UPDATE);
    }

    private CurrentUser user(String username, Role role, Organisation organisation) {
        return CurrentUser.of(security.createUser(username, "correct-horse-battery", "Test " + username, role.label(),
                role, organisation.id()));
    }
}
