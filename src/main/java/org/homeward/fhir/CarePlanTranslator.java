package org.homeward.fhir;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CarePlan.CarePlanActivityStatus;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.Reference;
import org.homeward.careplan.CareAndSupportPlan;
import org.homeward.careplan.Intervention;
import org.homeward.careplan.SupportPlan;

/**
 * A patient's personalised care and support plan with the interventions of their home visits, as one UK Core
 * CarePlan with the patient's id ({@code CarePlan/{patient}}): the plan is one per patient, kept in versions.
 *
 * <ul>
 *   <li>What matters to the patient is the description; each goal a contained Goal (not started is
 *   {@code accepted}, in progress {@code active}, achieved {@code completed} with achievement {@code achieved}, no
 *   longer relevant {@code cancelled}), with its target date.</li>
 *   <li>Each intervention is an activity: what it is in words, when it is due (times of day with their tolerance, or
 *   a window), {@code in-progress} while due and {@code completed} once ended or past its last day.</li>
 *   <li>Who it was agreed with, the reasonable adjustments (an interpreter and the language), the holistic needs,
 *   the carer's assessment and the resuscitation status (DNACPR, ReSPECT) are notes, in the words of the plan's page,
 *   so a receiving clinician reads them.</li>
 * </ul>
 */
final class CarePlanTranslator {

    private CarePlanTranslator() {
    }

    static CarePlan toFhir(CareAndSupportPlan plan, List<Intervention> interventions, LocalDate today) {
        CarePlan carePlan = new CarePlan();
        carePlan.setId(plan.patientId().value().toString());
        carePlan.getMeta().addProfile(UkCore.profile("CarePlan"));
        carePlan.getMeta().setVersionId(String.valueOf(plan.version()));
        if (plan.changedAt() != null) {
            carePlan.getMeta().setLastUpdated(Date.from(plan.changedAt()));
            carePlan.setAuthor(new Reference().setDisplay(plan.changedBy()
                    + (plan.changedByOrganisation() == null ? "" : ", " + plan.changedByOrganisation())));
        }
        carePlan.setStatus(CarePlan.CarePlanStatus.ACTIVE);
        carePlan.setIntent(CarePlan.CarePlanIntent.PLAN);
        carePlan.setTitle("Personalised care and support plan");
        carePlan.setSubject(new Reference("Patient/" + plan.patientId().value()));
        SupportPlan support = plan.supportPlan();
        if (support.whatMatters() != null && !support.whatMatters().isBlank()) {
            carePlan.setDescription("What matters to me: " + support.whatMatters());
        }
        int n = 0;
        for (SupportPlan.Goal goal : support.goals()) {
            Goal resource = goal(goal, plan);
            resource.setId("goal-" + (++n));
            carePlan.addContained(resource);
            carePlan.addGoal(new Reference("#" + resource.getId()));
        }
        for (Intervention intervention : interventions) {
            CarePlan.CarePlanActivityDetailComponent detail = carePlan.addActivity().getDetail();
            detail.setCode(new CodeableConcept().setText(intervention.kind().label()));
            detail.setDescription(intervention.description());
            detail.setStatus(ended(intervention, today) ? CarePlanActivityStatus.COMPLETED
                    : CarePlanActivityStatus.INPROGRESS);
            detail.setScheduled(new org.hl7.fhir.r4.model.StringType(when(intervention)));
        }
        notes(plan).forEach(text -> carePlan.addNote().setText(text));
        return carePlan;
    }

    static Goal goal(SupportPlan.Goal goal, CareAndSupportPlan plan) {
        Goal resource = new Goal();
        resource.setDescription(new CodeableConcept().setText(goal.text()));
        resource.setSubject(new Reference("Patient/" + plan.patientId().value()));
        switch (goal.status()) {
            case NOT_STARTED -> resource.setLifecycleStatus(Goal.GoalLifecycleStatus.ACCEPTED);
            case IN_PROGRESS -> resource.setLifecycleStatus(Goal.GoalLifecycleStatus.ACTIVE);
            case ACHIEVED -> {
                resource.setLifecycleStatus(Goal.GoalLifecycleStatus.COMPLETED);
                resource.setAchievementStatus(new CodeableConcept(new org.hl7.fhir.r4.model.Coding(
                        "http://terminology.hl7.org/CodeSystem/goal-achievement", "achieved", "Achieved")));
            }
            case NO_LONGER_RELEVANT -> resource.setLifecycleStatus(Goal.GoalLifecycleStatus.CANCELLED);
        }
        if (goal.targetDate() != null) {
            resource.addTarget().setDue(new DateType(goal.targetDate().toString()));
        }
        return resource;
    }

    /** Ended by hand, or past its last day. */
    static boolean ended(Intervention intervention, LocalDate today) {
        return intervention.endedAt() != null
                || (intervention.endsOn() != null && intervention.endsOn().isBefore(today));
    }

    /** '06:00, 14:00, 22:00 (each within 30 minutes)' or 'Once a day between 08:00 and 11:00'. */
    static String when(Intervention intervention) {
        if (intervention.atFixedTimes()) {
            return intervention.times().stream().map(LocalTime::toString).collect(Collectors.joining(", "))
                    + " (each within " + intervention.tolerance().toMinutes() + " minutes)";
        }
        return "Once a day between " + intervention.windowFrom() + " and " + intervention.windowTo();
    }

    private static List<String> notes(CareAndSupportPlan plan) {
        SupportPlan support = plan.supportPlan();
        List<String> notes = new ArrayList<>();
        if (support.agreedWith() != null) {
            notes.add("Agreed with: " + support.agreedWith().label().toLowerCase()
                    + (support.agreedOn() == null ? "" : ", on " + support.agreedOn()));
        }
        SupportPlan.ReasonableAdjustments adjustments = support.reasonableAdjustments();
        add(notes, "Communication needs", adjustments.communicationNeeds());
        if (Boolean.TRUE.equals(adjustments.interpreterNeeded())) {
            notes.add("Interpreter needed" + (adjustments.interpreterLanguage() == null ? ""
                    : ": " + adjustments.interpreterLanguage()));
        }
        add(notes, "Other reasonable adjustments", adjustments.otherAdjustments());
        SupportPlan.HolisticNeeds needs = support.holisticNeeds();
        add(notes, "Physical needs", needs.physical());
        add(notes, "Emotional needs", needs.emotional());
        add(notes, "Social needs", needs.social());
        add(notes, "Spiritual needs", needs.spiritual());
        SupportPlan.CarersAssessment carers = support.carersAssessment();
        if (Boolean.TRUE.equals(carers.done())) {
            notes.add("Carer's needs assessment done" + (carers.doneOn() == null ? "" : " on " + carers.doneOn())
                    + (carers.outcome() == null ? "" : ": " + carers.outcome()));
        } else if (Boolean.TRUE.equals(carers.offered())) {
            notes.add("Carer's needs assessment offered");
        }
        if (plan.resuscitation() != null) {
            notes.add(plan.resuscitation().words());
        }
        return notes;
    }

    private static void add(List<String> notes, String label, String text) {
        if (text != null && !text.isBlank()) {
            notes.add(label + ": " + text);
        }
    }
}
