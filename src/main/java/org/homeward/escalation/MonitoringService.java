package org.homeward.escalation;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.homeward.observation.ObservationService;
import org.homeward.patient.PatientService;
import org.homeward.referral.PatientAdmitted;
import org.homeward.referral.PatientDischarged;
import org.homeward.referral.ReferralService;
import org.homeward.security.CurrentUser;
import org.homeward.security.Permission;
import org.homeward.shared.AuditedRecord;
import org.homeward.shared.InvalidInputException;
import org.homeward.shared.PatientId;
import org.homeward.shared.RecordAccessed;
import org.homeward.shared.RefusedException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Monitoring at home from admission to discharge: the schedule of expected sets starts at admission (a patient who
 * never sends one is missed), quiet hours set by a clinician hold it overnight, and discharge stops it and closes the
 * patient's open alert with the discharge as its outcome.
 */
@Service
public class MonitoringService {

    /** The first set from home is due this long after admission: NEWS2 1-4's 4-hourly, the frequent end. */
    public static final Duration FIRST_SET_WITHIN = Duration.ofHours(4);
    static final int REASON_MAX = 300;

    private final MonitoringScheduleRepository schedule;
    private final QuietHoursRepository quietHours;
    private final AlertService alerts;
    private final ObservationService observations;
    private final PatientService patients;
    private final ReferralService referrals;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MonitoringService(MonitoringScheduleRepository schedule, QuietHoursRepository quietHours, AlertService alerts,
            ObservationService observations, PatientService patients, ReferralService referrals,
            ApplicationEventPublisher events, Clock clock) {
        this.schedule = schedule;
        this.quietHours = quietHours;
        this.alerts = alerts;
        this.observations = observations;
        this.patients = patients;
        this.referrals = referrals;
        this.events = events;
        this.clock = clock;
    }

    /** Admission starts the schedule from the admission time the event carries, in the admission's transaction. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(PatientAdmitted admitted) {
        schedule.startAtAdmission(admitted.patientId(), admitted.admittedAt(), FIRST_SET_WITHIN,
                "first set after admission, due within " + FIRST_SET_WITHIN.toHours() + " hours");
    }

    /**
     * Discharge stops the schedule and closes the open alert with the discharge as its outcome, by the discharging
     * senior, in the discharge's transaction (a failure here rolls the discharge back).
     */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(PatientDischarged discharged) {
        // the scoring lock first, then the schedule row and the alert: the order ingest and the missed-reading check take them in
        observations.lockPatientForScoring(discharged.patientId());
        schedule.forget(discharged.patientId());
        alerts.closeForDischarge(discharged.patientId(), "Patient discharged (" + discharged.destination().label()
                + "): alert closed with the discharge", discharged.dischargedBy(), clock.instant());
    }

    /** The patient's quiet hours, if a clinician has set them, for staff who may see the patient. */
    // not read-only: the access check writes an audit line (break-glass use, or a refusal)
    @Transactional
    public Optional<QuietHours> quietHours(CurrentUser user, PatientId patient) {
        patients.requireVisible(user, patient);
        return quietHours.find(patient);
    }

    /** Whether this user may set or end quiet hours: clinicians and seniors. */
    public boolean maySetQuietHours(CurrentUser user) {
        return user.can(Permission.SET_QUIET_HOURS);
    }

    /** Sets (or replaces) the patient's quiet hours, with the reason; a clinician or senior on the care team. */
    @Transactional
    public QuietHours setQuietHours(CurrentUser user, PatientId patient, SetQuietHours command) {
        user.require(Permission.SET_QUIET_HOURS);
        patients.requireVisible(user, patient);
        if (command == null) {
            throw new InvalidInputException("startsAt", "startsAt, endsAt and reason are required");
        }
        LocalTime from = time("startsAt", command.startsAt());
        LocalTime to = time("endsAt", command.endsAt());
        if (from.equals(to)) {
            throw new InvalidInputException("endsAt", "Quiet hours must end at a different time from when they start");
        }
        String reason = command.reason() == null ? "" : command.reason().strip();
        if (reason.isEmpty()) {
            throw new InvalidInputException("reason", "Say why readings are not expected in these hours");
        }
        if (reason.length() > REASON_MAX) {
            throw new InvalidInputException("reason", "reason must be at most " + REASON_MAX + " characters (it has "
                    + reason.length() + ")");
        }
        QuietHours quiet = new QuietHours(from, to, reason, user.signature(), clock.instant());
        if (quiet.length().compareTo(QuietHours.LONGEST) > 0) {
            throw new InvalidInputException("endsAt", "Quiet hours can be at most " + QuietHours.LONGEST.toHours()
                    + " hours; " + from + " to " + to + " is " + quiet.length().toHours() + " hours "
                    + quiet.length().toMinutesPart() + " minutes");
        }
        if (referrals.currentWard(patient).isEmpty()) {
            throw new RefusedException("This patient is not admitted to a virtual ward, so no readings are expected");
        }
        quietHours.save(patient, quiet);
        events.publishEvent(RecordAccessed.updated(user, AuditedRecord.QUIET_HOURS, null, patient,
                "set quiet hours " + from + " to " + to + ": " + reason));
        return quiet;
    }

    /** Ends the patient's quiet hours: sets are expected through the night again. */
    @Transactional
    public void endQuietHours(CurrentUser user, PatientId patient) {
        user.require(Permission.END_QUIET_HOURS);
        patients.requireVisible(user, patient);
        if (!quietHours.delete(patient)) {
            throw new RefusedException("This patient has no quiet hours to end");
        }
        events.publishEvent(RecordAccessed.updated(user, AuditedRecord.QUIET_HOURS, null, patient,
                "ended quiet hours"));
    }

    private static LocalTime time(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(field, "is required, as a time of day such as 23:00");
        }
        try {
            return LocalTime.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "must be a time of day such as 23:00, got '" + text.strip() + "'");
        }
    }
}
