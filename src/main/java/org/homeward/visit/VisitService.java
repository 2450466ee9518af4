package org.homeward.visit;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.homeward.careplan.CarePlanService;
import org.homeward.careplan.Intervention;
import org.homeward.escalation.AlertService;
import org.homeward.escalation.AlertView;
import org.homeward.patient.PatientService;
import org.homeward.referral.ReferralService;
import org.homeward.security.CurrentUser;
import org.homeward.security.Permission;
import org.homeward.security.SecurityService;
import org.homeward.shared.AuditedRecord;
import org.homeward.shared.InvalidInputException;
import org.homeward.shared.PatientId;
import org.homeward.shared.RecordAccessed;
import org.homeward.shared.RefusedException;
import org.homeward.shared.WardId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The home visits the interventions on patients' plans and the doses on their medicines charts call for each day
 * ({@link DoseVisits}), and urgent visits (KLoE 7.1, 7.2).
 */
@Service
public class VisitService {


    private final CarePlanService carePlans;
    private final org.homeward.medication.AdministrationService doses;
    private final UrgentVisitRepository urgentVisits;
    private final SecurityService security;
    private final PatientService patients;
    private final ReferralService referrals;
    private final AlertService alerts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    VisitService(CarePlanService carePlans, org.homeward.medication.AdministrationService doses,
            UrgentVisitRepository urgentVisits, SecurityService security,
            PatientService patients, ReferralService referrals, AlertService alerts, ApplicationEventPublisher events, Clock clock) {
        this.alerts = alerts;
        this.carePlans = carePlans;
        this.doses = doses;
        this.urgentVisits = urgentVisits;
        this.security = security;
        this.patients = patients;
        this.referrals = referrals;
        this.events = events;
        this.clock = clock;
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
        List<Intervention> due = carePlans.interventionsDueOn(day);
        List<UrgentVisit> urgent = urgentVisits.onDay(day);
        List<org.homeward.medication.ScheduledDose> charted = doses.dosesForVisits(day, null);
        Set<PatientId> wanted = due.stream().map(Intervention::patientId)
                .collect(Collectors.toCollection(java.util.HashSet::new));
        urgent.forEach(u -> wanted.add(u.patientId()));
        charted.forEach(d -> wanted.add(d.patientId()));
        Map<PatientId, WardId> admitted = referrals.currentWards(wanted);
        Set<PatientId> inCare = patients.inCareOf(team, admitted.keySet()).stream()
                .filter(p -> ward == null || ward.equals(admitted.get(p))).collect(Collectors.toSet());
        Map<PatientId, java.time.Instant> admittedAt = referrals.admissionTimes(inCare);
        List<VisitRequirement> requirements = new java.util.ArrayList<>(DoseVisits.merge(VisitRequirements.forDay(
                due.stream().filter(i -> inCare.contains(i.patientId())).toList(), day, clock.getZone(),
                admittedAt), charted.stream().filter(d -> inCare.contains(d.patientId()))
                        .filter(d -> !admittedAt.containsKey(d.patientId())
                                || !d.latest().isBefore(admittedAt.get(d.patientId())))
                        .toList()));
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
}
