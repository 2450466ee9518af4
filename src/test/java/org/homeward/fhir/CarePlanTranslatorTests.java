package org.homeward.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Goal;
import org.homeward.careplan.AdvanceCarePlan;
import org.homeward.careplan.AgreedWith;
import org.homeward.careplan.CareAndSupportPlan;
import org.homeward.careplan.GoalStatus;
import org.homeward.careplan.Intervention;
import org.homeward.careplan.InterventionKind;
import org.homeward.careplan.ResuscitationStatus;
import org.homeward.careplan.SupportPlan;
import org.homeward.shared.PatientId;
import org.homeward.shared.Skill;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The care and support plan as UK Core CarePlan: each goal status row by row against FHIR R4's goal-status, each
 * intervention an activity with when it is due and whether it goes on, and what the plan's page says in words.
 */
class CarePlanTranslatorTests {

    static final PatientId PATIENT = new PatientId(UUID.randomUUID());
    static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    static CareAndSupportPlan plan(List<SupportPlan.Goal> goals, ResuscitationStatus resuscitation) {
        SupportPlan support = new SupportPlan("To stay at home with her cat", goals, AgreedWith.PATIENT_AND_CARER,
                TODAY.minusDays(1), new SupportPlan.ReasonableAdjustments(null, true, "Polish", null), null, null);
        return new CareAndSupportPlan(PATIENT, 3, support, AdvanceCarePlan.EMPTY, Instant.parse("2026-12-06T10:00:00Z"),
                "Sarah Coombes", "Dorset HealthCare", resuscitation);
    }

    static Intervention intervention(List<LocalTime> times, LocalDate endsOn, Instant endedAt) {
        return new Intervention(UUID.randomUUID(), PATIENT, InterventionKind.IV_ANTIBIOTIC_DOSE,
                "Ceftriaxone 2 g IV", Duration.ofMinutes(45), Skill.IV_COMPETENT_NURSE, 1, times,
                times.isEmpty() ? null : Duration.ofMinutes(30), times.isEmpty() ? LocalTime.of(8, 0) : null,
                times.isEmpty() ? LocalTime.of(11, 0) : null, null, null, null, null, TODAY.minusDays(2), endsOn,
                "nurse", Instant.parse("2026-12-05T09:00:00Z"), endedAt == null ? null : "nurse", endedAt);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(nullValues = "none", value = {"NOT_STARTED, ACCEPTED, none", "IN_PROGRESS, ACTIVE, none",
            "ACHIEVED, COMPLETED, achieved", "NO_LONGER_RELEVANT, CANCELLED, none"})
    void eachGoalStatusIsAFhirGoalStatus(GoalStatus status, Goal.GoalLifecycleStatus lifecycle, String achievement) {
        CarePlan carePlan = CarePlanTranslator.toFhir(plan(List.of(new SupportPlan.Goal("Walk to the corner shop",
                TODAY.plusDays(7), status)), null), List.of(), TODAY);
        Goal goal = (Goal) carePlan.getContained().get(0);

        assertThat(goal.getLifecycleStatus()).isEqualTo(lifecycle);
        assertThat(goal.hasAchievementStatus() ? goal.getAchievementStatus().getCodingFirstRep().getCode() : null)
                .isEqualTo(achievement);
        assertThat(goal.getDescription().getText()).isEqualTo("Walk to the corner shop");
        assertThat(goal.getTargetFirstRep().getDueDateType().getValueAsString()).isEqualTo("2026-12-14");
        assertThat(carePlan.getGoalFirstRep().getReference()).isEqualTo("#" + goal.getId());
    }

    @Test
    void eachInterventionIsAnActivityInProgressUntilEndedOrPastItsLastDay() {
        CarePlan carePlan = CarePlanTranslator.toFhir(plan(List.of(), null), List.of(
                intervention(List.of(LocalTime.of(6, 0), LocalTime.of(14, 0), LocalTime.of(22, 0)), null, null),
                intervention(List.of(), TODAY, null),
                intervention(List.of(), TODAY.minusDays(1), null),
                intervention(List.of(LocalTime.of(8, 0)), null, Instant.parse("2026-12-06T08:30:00Z"))), TODAY);

        assertThat(carePlan.getActivity()).extracting(a -> a.getDetail().getStatus().toCode())
                .containsExactly("in-progress", "in-progress", "completed", "completed");
        CarePlan.CarePlanActivityDetailComponent first = carePlan.getActivityFirstRep().getDetail();
        assertThat(first.getCode().getText()).isEqualTo("IV antibiotic dose");
        assertThat(first.getDescription()).isEqualTo("Ceftriaxone 2 g IV");
        assertThat(first.getScheduledStringType().getValue()).isEqualTo("06:00, 14:00, 22:00 (each within 30 minutes)");
        assertThat(carePlan.getActivity().get(1).getDetail().getScheduledStringType().getValue())
                .isEqualTo("Once a day between 08:00 and 11:00");
    }

    @Test
    void thePlanSaysWhatMattersWhoAgreedItTheInterpreterAndTheResuscitationStatus() {
        ResuscitationStatus dnacpr = new ResuscitationStatus("DNACPR (Dr Asha Patel, 3 December 2026)", true, false,
                null, LocalDate.of(2026, 12, 3));
        CarePlan carePlan = CarePlanTranslator.toFhir(plan(List.of(), dnacpr), List.of(), TODAY);

        assertThat(carePlan.getIdPart()).isEqualTo(PATIENT.value().toString());
        assertThat(carePlan.getMeta().getVersionId()).isEqualTo("3");
        assertThat(carePlan.getStatus()).isEqualTo(CarePlan.CarePlanStatus.ACTIVE);
        assertThat(carePlan.getIntent()).isEqualTo(CarePlan.CarePlanIntent.PLAN);
        assertThat(carePlan.getSubject().getReference()).isEqualTo("Patient/" + PATIENT.value());
        assertThat(carePlan.getDescription()).isEqualTo("What matters to me: To stay at home with her cat");
        assertThat(carePlan.getAuthor().getDisplay()).isEqualTo("Sarah Coombes, Dorset HealthCare");
        assertThat(carePlan.getNote()).extracting(Annotation::getText).containsExactly(
                "Agreed with: the patient and their carer or family, on 2026-12-06", "Interpreter needed: Polish",
                "DNACPR (Dr Asha Patel, 3 December 2026)");
    }
}
