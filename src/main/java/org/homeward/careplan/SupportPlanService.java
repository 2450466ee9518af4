package org.homeward.careplan;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.homeward.patient.PatientService;
import org.homeward.security.CurrentUser;
import org.homeward.security.Permission;
import org.homeward.shared.AuditedRecord;
import org.homeward.shared.InvalidInputException;
import org.homeward.shared.PatientId;
import org.homeward.shared.RecordAccessed;
import org.homeward.shared.RefusedException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The personalised care and support plan and the advance care plan of each patient (KLoE 3.6-3.8, 4.1-4.3): read by
 * every organisation in the patient's care team, changed by clinicians (the DNACPR decision and the ReSPECT CPR
 * recommendation by senior decision-makers only), every change a new version with who, when and what changed, audited.
 * Other modules read the resuscitation status for the patient banner and the alerts through
 * {@link #resuscitationStatus} and {@link #resuscitationStatuses}.
 */
@Service
public class SupportPlanService {

    private final SupportPlanRepository plans;
    private final PatientService patients;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SupportPlanService(SupportPlanRepository plans, PatientService patients, ApplicationEventPublisher events,
            Clock clock) {
        this.plans = plans;
        this.patients = patients;
        this.events = events;
        this.clock = clock;
    }

    /** The patient's plan as it stands (version 0, empty, when nothing is recorded); reading it is audited. */
    @Transactional
    public CareAndSupportPlan plan(CurrentUser user, PatientId patient) {
        patients.requireVisible(user, patient);
        CareAndSupportPlan plan = view(patient, plans.current(patient));
        events.publishEvent(RecordAccessed.read(user, AuditedRecord.CARE_PLAN, null, patient,
                "viewed the care and support plan (version " + plan.version() + ")"));
        return plan;
    }

    /** Replaces the care and support plan part; the advance care plan stays as it is. */
    @Transactional
    public CareAndSupportPlan changeSupportPlan(CurrentUser user, PatientId patient, ChangeSupportPlan command) {
        user.require(Permission.CHANGE_CARE_PLAN);
        patients.requireVisible(user, patient);
        SupportPlan after = CarePlanRules.checked(command == null ? null : command.supportPlan(), today());
        Optional<SupportPlanRepository.Current> current = currentAt(patient, command == null ? null : command.version());
        SupportPlan before = current.map(SupportPlanRepository.Current::supportPlan).orElse(SupportPlan.EMPTY);
        AdvanceCarePlan advance = current.map(SupportPlanRepository.Current::advanceCarePlan)
                .orElse(AdvanceCarePlan.EMPTY);
        List<CarePlanVersion.Change> changes = CarePlanRules.changes(CarePlanRules.words(before),
                CarePlanRules.words(after));
        return save(user, patient, current, after, advance, PlanSection.SUPPORT_PLAN, changes);
    }

    /**
     * Replaces the advance care plan part; the care and support plan stays as it is. Changing the DNACPR decision or
     * the ReSPECT CPR recommendation needs {@link Permission#RECORD_RESUSCITATION_DECISION}.
     */
    @Transactional
    public CareAndSupportPlan changeAdvanceCarePlan(CurrentUser user, PatientId patient, ChangeAdvanceCarePlan command) {
        user.require(Permission.CHANGE_CARE_PLAN);
        patients.requireVisible(user, patient);
        AdvanceCarePlan after = CarePlanRules.checked(command == null ? null : command.advanceCarePlan(), today());
        Optional<SupportPlanRepository.Current> current = currentAt(patient, command == null ? null : command.version());
        AdvanceCarePlan before = current.map(SupportPlanRepository.Current::advanceCarePlan)
                .orElse(AdvanceCarePlan.EMPTY);
        if (CarePlanRules.changesResuscitationDecision(before, after)) {
            user.require(Permission.RECORD_RESUSCITATION_DECISION);
        }
        SupportPlan support = current.map(SupportPlanRepository.Current::supportPlan).orElse(SupportPlan.EMPTY);
        List<CarePlanVersion.Change> changes = CarePlanRules.changes(CarePlanRules.words(before),
                CarePlanRules.words(after));
        return save(user, patient, current, support, after, PlanSection.ADVANCE_CARE_PLAN, changes);
    }

    /** Every change of the patient's plan, newest first, with who made it and what changed; reading it is audited. */
    @Transactional
    public List<CarePlanVersion> history(CurrentUser user, PatientId patient) {
        patients.requireVisible(user, patient);
        List<CarePlanVersion> history = plans.history(patient);
        events.publishEvent(RecordAccessed.read(user, AuditedRecord.CARE_PLAN, null, patient,
                "viewed the history of changes of the care and support plan (" + history.size() + ")"));
        return history;
    }

    /**
     * The words for the banner and the patient's alerts: the DNACPR decision and the ReSPECT recommendations with who
     * and when, and whether the patient is recognised as in the last weeks of life; empty when none is recorded.
     * Callers show it only where they already show the patient (the banner, an alert the user may see).
     */
    @Transactional(readOnly = true)
    public Optional<ResuscitationStatus> resuscitationStatus(PatientId patient) {
        return plans.current(patient).map(c -> CarePlanRules.status(c.advanceCarePlan()));
    }

    /** {@link #resuscitationStatus} of several patients at once (one query): those with nothing recorded are left out. */
    @Transactional(readOnly = true)
    public Map<PatientId, ResuscitationStatus> resuscitationStatuses(Collection<PatientId> patients) {
        Map<PatientId, ResuscitationStatus> statuses = new HashMap<>();
        plans.current(patients).forEach((id, plan) -> {
            ResuscitationStatus status = CarePlanRules.status(plan.advanceCarePlan());
            if (status != null) {
                statuses.put(id, status);
            }
        });
        return statuses;
    }

    static RefusedException changedMeanwhile() {
        return new RefusedException("Someone else changed this patient's care and support plan after you opened it. "
                + "Nothing was saved: open the plan again to see their change, then make yours.");
    }

    /** The plan now, provided it is still at the version the change was made from. */
    private Optional<SupportPlanRepository.Current> currentAt(PatientId patient, Integer version) {
        if (version == null) {
            throw new InvalidInputException("version",
                    "is required: the plan's version as you read it (0 when the patient has no plan yet)");
        }
        Optional<SupportPlanRepository.Current> current = plans.current(patient);
        if (current.map(SupportPlanRepository.Current::version).orElse(0) != version.intValue()) {
            throw changedMeanwhile();
        }
        return current;
    }

    private CareAndSupportPlan save(CurrentUser user, PatientId patient, Optional<SupportPlanRepository.Current> current,
            SupportPlan support, AdvanceCarePlan advance, PlanSection section, List<CarePlanVersion.Change> changes) {
        if (changes.isEmpty()) {
            return view(patient, current);
        }
        int version = current.map(SupportPlanRepository.Current::version).orElse(0) + 1;
        Instant now = clock.instant();
        plans.insert(patient, version, support, advance, section, changes, now, user.username(), user.displayName(),
                user.organisationName());
        String detail = "version " + version + ", " + section.label().toLowerCase() + ": changed "
                + changes.stream().map(CarePlanVersion.Change::field).collect(Collectors.joining(", "));
        events.publishEvent(RecordAccessed.of(user, version == 1 ? RecordAccessed.Action.CREATE
                : RecordAccessed.Action.UPDATE, AuditedRecord.CARE_PLAN, version, patient,
                detail.length() > 480 ? detail.substring(0, 477) + "..." : detail));
        return view(patient, plans.current(patient));
    }

    private static CareAndSupportPlan view(PatientId patient, Optional<SupportPlanRepository.Current> current) {
        return current.map(c -> new CareAndSupportPlan(patient, c.version(), c.supportPlan(), c.advanceCarePlan(),
                c.changedAt(), c.changedByName(), c.organisationName(), CarePlanRules.status(c.advanceCarePlan())))
                .orElse(new CareAndSupportPlan(patient, 0, SupportPlan.EMPTY, AdvanceCarePlan.EMPTY, null, null, null,
                        null));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
