package org.homeward.visit;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.homeward.escalation.AlertService;
import org.homeward.escalation.AlertView;
import org.homeward.patient.PatientService;
import org.homeward.patient.PatientSummary;
import org.homeward.referral.ReferralService;
import org.homeward.security.CurrentUser;
import org.homeward.security.Permission;
import org.homeward.security.SecurityService;
import org.homeward.shared.AuditedRecord;
import org.homeward.shared.InvalidInputException;
import org.homeward.shared.NotFoundException;
import org.homeward.shared.PatientId;
import org.homeward.shared.RecordAccessed;
import org.homeward.shared.RefusedException;
import org.homeward.shared.WardId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The interventions on patients' plans and the home visits they call for each day (KLoE 7.1, 7.2).
 */
@Service
public class VisitService {


    private final InterventionRepository interventions;
    private final UrgentVisitRepository urgentVisits;
    private final ShiftRepository shifts;
    private final SecurityService security;
    private final PatientService patients;
    private final ReferralService referrals;
    private final AlertService alerts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    VisitService(InterventionRepository interventions, UrgentVisitRepository urgentVisits, ShiftRepository shifts,
            SecurityService security, PatientService patients, ReferralService referrals,
            AlertService alerts, ApplicationEventPublisher events, Clock clock) {
        this.alerts = alerts;
        this.interventions = interventions;
        this.urgentVisits = urgentVisits;
        this.shifts = shifts;
        this.security = security;
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
     * The visits due on {@code day} for the admitted patients the user may see, optionally on one ward: what the day
     * plan is made from. Urgent visits asked for that day come with them.
     */
    @Transactional
    public List<VisitRequirement> requirements(CurrentUser user, LocalDate day, WardId ward) {
        user.require(Permission.SEE_VISITS_DUE);
        List<VisitRequirement> requirements = requirementsInCareOf(user.organisationId(), day, ward);
        VisitAudit.listed(events, user, AuditedRecord.VISIT_REQUIREMENTS, null,
                requirements.stream().map(VisitRequirement::patientId).collect(Collectors.toSet()),
                "listed among the visits due on " + day + " (" + requirements.size() + " visits)");
        return requirements;
    }

    /**
     * The visits due on {@code day} for the admitted patients in the care of this organisation: what its visiting
     * team's day plan is made from, whoever asks for the plan (an urgent visit asked for by another organisation's
     * clinician). Urgent visits asked for that day come with them. Callers check the asker's access first.
     */
    List<VisitRequirement> requirementsOfTeam(org.homeward.shared.OrganisationId team, LocalDate day) {
        return requirementsInCareOf(team, day, null);
    }

    private List<VisitRequirement> requirementsInCareOf(org.homeward.shared.OrganisationId team, LocalDate day,
            WardId ward) {
        List<Intervention> due = interventions.dueOn(day);
        List<UrgentVisit> urgent = urgentVisits.onDay(day);
        Set<PatientId> wanted = due.stream().map(Intervention::patientId)
                .collect(Collectors.toCollection(java.util.HashSet::new));
        urgent.forEach(u -> wanted.add(u.patientId()));
        Map<PatientId, WardId> admitted = referrals.currentWards(wanted);
        Set<PatientId> inCare = patients.inCareOf(team, admitted.keySet()).stream()
                .filter(p -> ward == null || ward.equals(admitted.get(p))).collect(Collectors.toSet());
        List<VisitRequirement> requirements = new java.util.ArrayList<>(VisitRequirements.forDay(
                due.stream().filter(i -> inCare.contains(i.patientId())).toList(), day, clock.getZone(),
                referrals.admissionTimes(inCare)));
        urgent.stream().filter(u -> inCare.contains(u.patientId())).map(UrgentVisit::requirement)
                .forEach(requirements::add);
        return requirements;
    }

    /** The ward the patient is admitted to, if any. */
    java.util.Optional<WardId> wardOf(PatientId patient) {
        return referrals.currentWard(patient);
    }

    /**
     * Records an urgent visit for today for an admitted patient (after an alert, say); the caller re-plans the day.
     * Clinicians, seniors and coordinators ask for them.
     */
    @Transactional
    public UrgentVisit requestUrgentVisit(CurrentUser user, RequestUrgentVisit command) {
        user.require(Permission.ASK_URGENT_VISIT);
        UrgentVisit urgent = UrgentVisitPlan.checked(command, clock.instant(), clock.getZone(), user.username());
        patients.requireVisible(user, urgent.patientId());
        if (urgent.alertId() != null) {
            AlertView alert = alerts.alert(user, urgent.alertId());
            if (!alert.patientId().equals(urgent.patientId())) {
                throw new InvalidInputException("alertId", "alert " + urgent.alertId() + " is for another patient");
            }
        }
        if (referrals.currentWard(urgent.patientId()).isEmpty()) {
            throw new RefusedException("This patient is not admitted to a virtual ward, so no home visit can be "
                    + "planned for them");
        }
        urgentVisits.lockPatient(urgent.patientId());
        List<UrgentVisit> existing = urgentVisits.openOverlapping(urgent.patientId(), urgent.earliestStart(),
                urgent.latestStart());
        if (!existing.isEmpty()) {
            throw new RefusedException(duplicate(existing.get(0)));
        }
        urgentVisits.insert(urgent);
        events.publishEvent(RecordAccessed.created(user, AuditedRecord.URGENT_VISIT, urgent.id(), urgent.patientId(),
                "asked for an urgent " + urgent.kind().label()
                        + " visit within " + java.time.Duration.between(urgent.earliestStart(), urgent.latestStart())
                        .toMinutes() + " minutes"));
        return urgent;
    }

    /** Names the urgent visit already asked for: who asked, when, and by when it is to start. */
    private String duplicate(UrgentVisit existing) {
        java.time.format.DateTimeFormatter hhmm = java.time.format.DateTimeFormatter.ofPattern("HH:mm");
        String who = security.findUserByUsername(existing.requestedBy())
                .map(a -> a.displayName() + " (" + existing.requestedBy() + ")").orElse(existing.requestedBy());
        return "An urgent " + existing.kind().label().toLowerCase() + " visit for this patient was already asked for by "
                + who + " at " + hhmm.format(existing.requestedAt().atZone(clock.getZone()))
                + ", to start by " + hhmm.format(existing.latestStart().atZone(clock.getZone())) + " (\""
                + existing.reason() + "\"); it is already in the plan, so no second visit was added";
    }

    /**
     * Adds a shift for a clinical staff member. Coordinators and seniors plan shifts; a staff member cannot be on two
     * overlapping shifts.
     */
    @Transactional
    public StaffShift addShift(CurrentUser user, AddShift command) {
        user.require(Permission.PLAN_SHIFTS);
        StaffShift shift = ShiftPlan.checked(command, security, clock.getZone(), user.username(), clock.instant());
        if (!shift.organisationId().equals(user.organisationId())) {
            throw new InvalidInputException("username", shift.staffName() + " works for another organisation; each "
                    + "organisation plans its own staff's shifts");
        }
        if (shifts.overlaps(shift.userId(), shift.startsAt(), shift.endsAt())) {
            throw new RefusedException(shift.staffName() + " already has a shift overlapping this one");
        }
        shifts.insert(shift);
        events.publishEvent(RecordAccessed.created(user, AuditedRecord.STAFF_SHIFT, shift.id(), null,
                "shift for " + shift.staffName()));
        return shift;
    }

    @Transactional
    public StaffShift cancelShift(CurrentUser user, UUID id) {
        user.require(Permission.PLAN_SHIFTS);
        StaffShift shift = shifts.find(id).filter(s -> s.organisationId().equals(user.organisationId()))
                .orElseThrow(() -> new NotFoundException("No shift with id " + id));
        if (!shifts.cancel(id, user.username(), clock.instant())) {
            throw new RefusedException("This shift was already cancelled by " + shift.cancelledBy());
        }
        events.publishEvent(RecordAccessed.updated(user, AuditedRecord.STAFF_SHIFT, id, null,
                "cancelled shift for " + shift.staffName()));
        return shifts.find(id).orElseThrow();
    }

    /**
     * The shifts of the user's organisation that start on {@code day} (in the service's zone), out-of-hours ones
     * included.
     */
    @Transactional(readOnly = true)
    public List<StaffShift> shifts(CurrentUser user, LocalDate day) {
        user.require(Permission.SEE_SHIFTS);
        return shifts.startingBetween(user.organisationId(), day.atStartOfDay(clock.getZone()).toInstant(),
                day.plusDays(1).atStartOfDay(clock.getZone()).toInstant());
    }

    private void audit(CurrentUser user, RecordAccessed.Action action, Intervention intervention, String detail) {
        events.publishEvent(RecordAccessed.of(user, action, AuditedRecord.INTERVENTION, intervention.id(),
                intervention.patientId(), detail));
    }
}
