package org.homeward.careplan;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.homeward.patient.PatientService;
import org.homeward.referral.ReferralService;
import org.homeward.security.CurrentUser;
import org.homeward.security.Permission;
import org.homeward.shared.AuditedRecord;
import org.homeward.shared.NotFoundException;
import org.homeward.shared.PatientId;
import org.homeward.shared.RecordAccessed;
import org.homeward.shared.RefusedException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The interventions on patients' plans (KLoE 7.1, 7.2): the public API of the care plan module. The visit module
 * plans each day's home visits from the interventions due that day.
 */
@Service
public class CarePlanService {

    private final InterventionRepository interventions;
    private final PatientService patients;
    private final ReferralService referrals;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CarePlanService(InterventionRepository interventions, PatientService patients, ReferralService referrals,
            ApplicationEventPublisher events, Clock clock) {
        this.interventions = interventions;
        this.patients = patients;
        this.referrals = referrals;
        this.events = events;
        this.clock = clock;
    }

    /** Adds an intervention to an admitted patient's plan; its visits are planned from {@code startsOn}. */
    @Transactional
    public Intervention addIntervention(CurrentUser user, PatientId patient, AddIntervention command) {
        user.require(Permission.CHANGE_VISIT_PLAN);
        patients.requireVisible(user, patient);
        if (referrals.currentWard(patient).isEmpty()) {
            throw new RefusedException("This patient is not admitted to a virtual ward, so no home visits are planned "
                    + "for them");
        }
        Intervention added = InterventionPlan.checked(command, patient, LocalDate.now(clock), user.username(),
                clock.instant());
        interventions.insert(added);
        audit(user, RecordAccessed.Action.CREATE, added, "added " + added.kind().label() + " to the visit plan");
        return added;
    }

    /** Ends an intervention: no visits for it after today. It stays on the plan's record. */
    @Transactional
    public Intervention endIntervention(CurrentUser user, UUID id) {
        user.require(Permission.CHANGE_VISIT_PLAN);
        Intervention intervention = interventions.find(id)
                .orElseThrow(() -> new NotFoundException("No intervention with id " + id));
        patients.requireVisible(user, intervention.patientId());
        Instant now = clock.instant();
        if (!interventions.end(id, LocalDate.now(clock), user.username(), now)) {
            throw new RefusedException("This intervention was already ended by " + intervention.endedBy());
        }
        audit(user, RecordAccessed.Action.UPDATE, intervention, "ended " + intervention.kind().label());
        return interventions.find(id).orElseThrow();
    }

    @Transactional
    public List<Intervention> interventions(CurrentUser user, PatientId patient) {
        patients.requireVisible(user, patient);
        List<Intervention> plan = interventions.ofPatient(patient);
        events.publishEvent(RecordAccessed.read(user, AuditedRecord.INTERVENTION, null, patient,
                "viewed " + plan.size() + " intervention(s)"));
        return plan;
    }

    /**
     * Every intervention due on {@code day}, for any patient, by patient and when it was added: what the visit module
     * makes the day's visits from. Callers check the asker's access and narrow to the patients in their care first.
     */
    public List<Intervention> interventionsDueOn(LocalDate day) {
        return interventions.dueOn(day);
    }

    private void audit(CurrentUser user, RecordAccessed.Action action, Intervention intervention, String detail) {
        events.publishEvent(RecordAccessed.of(user, action, AuditedRecord.INTERVENTION, intervention.id(),
                intervention.patientId(), detail));
    }
}
