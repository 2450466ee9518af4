package org.homeward.boardround;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.homeward.patient.PatientRecord;
import org.homeward.referral.AdmissionView;
import org.homeward.security.CurrentUser;
import org.homeward.security.Organisation;
import org.homeward.security.OrganisationType;
import org.homeward.security.Role;
import org.homeward.support.Fixtures;
import org.homeward.support.ModuleTest;
import org.homeward.ward.VirtualWard;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.PublishedEvents;

/**
 * The board round module with what it declares: a round on a ward shows its admitted patient with every column the
 * other modules will fill reading "Not recorded" (the one {@link BoardRoundFacts} bean), and an action agreed at a
 * review is published as {@link BoardRoundActionAgreed} for the task module, which is not started here.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
@ModuleTest
@Import(Fixtures.class)
class BoardRoundModuleIT {

    @Autowired Fixtures fixtures;
    @Autowired BoardRoundService boardRounds;
    @Autowired Clock clock;
    @Autowired org.homeward.task.TaskService tasks;

    @Test
    void anActionAgreedAtAReviewIsPublishedForTheTaskModule(PublishedEvents events) {
        Organisation trust = fixtures.organisation(OrganisationType.ACUTE_TRUST);
        VirtualWard ward = fixtures.ward(trust, 5);
        CurrentUser referrer = fixtures.user(Role.REFERRER, trust);
        CurrentUser consultant = fixtures.user(Role.SENIOR_DECISION_MAKER, trust);
        CurrentUser coordinator = fixtures.user(Role.COORDINATOR, trust);
        PatientRecord patient = fixtures.patient(referrer, LocalDate.of(1944, 4, 4));
        AdmissionView admission = fixtures.admit(patient, ward, referrer, consultant);
        LocalDate today = LocalDate.now(clock);

        BoardRound round = boardRounds.startRound(consultant, new StartBoardRound(ward.id().value(), null,
                List.of(new StartBoardRound.Attendee(null, "Sam Jones", "Social worker (Dorset Council)"))));
        Board board = boardRounds.board(consultant, ward.id(), false);
        assertThat(board.rows()).singleElement().satisfies(row -> {
            assertThat(row.admissionId()).isEqualTo(admission.id());
            assertThat(row.reviewedToday()).isFalse();
            assertThat(row.facts().respectDnacpr()).isEqualTo("None recorded");
            assertThat(row.facts().outstandingTasks()).isEqualTo("None open");
            assertThat(row.facts().outstandingResults()).isEqualTo("None outstanding");
            assertThat(row.dayOfStayText()).isEqualTo("Day 1 of " + admission.estimatedDischargeDayOfStay());
        });

        Review review = boardRounds.recordReview(consultant, round.id(), new RecordReview(
                patient.summary().id().value(), DayColour.RED, "Package of care from the council", Decision.CONTINUE,
                null, null, List.of(new RecordReview.AgreeAction("Ask the council for the start date",
                        Role.COORDINATOR, today, ActionPriority.URGENT))));

        assertThat(events.ofType(BoardRoundActionAgreed.class)).singleElement().satisfies(agreed -> {
            assertThat(agreed.actionId()).isEqualTo(review.actions().get(0).id());
            assertThat(agreed.patientId()).isEqualTo(patient.summary().id());
            assertThat(agreed.assignedRole()).isEqualTo(Role.COORDINATOR);
            assertThat(agreed.priority()).isEqualTo(ActionPriority.URGENT);
            assertThat(agreed.dueDate()).isEqualTo(today);
        });
        assertThat(boardRounds.board(consultant, ward.id(), false).rows()).singleElement().satisfies(row -> {
            assertThat(row.today().dayColour()).isEqualTo(DayColour.RED);
            assertThat(row.facts().outstandingTasks()).isEqualTo("1 open");
        });
        // the action became the coordinator's task, linked to the action
        assertThat(tasks.worklist(coordinator)).singleElement().satisfies(task -> {
            assertThat(task.title()).isEqualTo("Ask the council for the start date");
            assertThat(task.originId()).isEqualTo(review.actions().get(0).id().toString());
        });
    }
}
