package org.homeward.escalation;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.homeward.notification.NotificationService;
import org.homeward.notification.NotificationView;
import org.homeward.observation.ObservationScored;
import org.homeward.observation.ObservationsScored;
import org.homeward.observation.ObservationService;
import org.homeward.patient.PatientService;
import org.homeward.patient.PatientSummary;
import org.homeward.referral.ReferralService;
import org.homeward.security.CurrentUser;
import org.homeward.security.Permission;
import org.homeward.shared.AuditedRecord;
import org.homeward.shared.NotFoundException;
import org.homeward.shared.PatientId;
import org.homeward.shared.RecordAccessed;
import org.homeward.shared.RecordsAccessed;
import org.homeward.shared.WardId;
import org.homeward.ward.WardService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Alerts: raised from scores inside the transaction that stored the readings (so a committed reading that crossed a
 * threshold always has its alert, and an alert never exists without its reading), and moved through their lifecycle
 * by the team.
 */
@Service
public class AlertService {

    private final AlertRepository repository;
    private final MonitoringScheduleRepository schedule;
    private final EscalationPolicyService policies;
    private final ObservationService observations;
    private final PatientService patients;
    private final ReferralService referrals;
    private final WardService wards;
    private final QuietHoursRepository quietHours;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AlertRouting routing;
    private final NotificationService notifications;

    AlertService(AlertRepository repository, MonitoringScheduleRepository schedule, EscalationPolicyService policies,
            ObservationService observations, PatientService patients, ReferralService referrals, WardService wards, ApplicationEventPublisher events,
            Clock clock, AlertRouting routing, QuietHoursRepository quietHours, NotificationService notifications) {
        this.routing = routing;
        this.notifications = notifications;
        this.quietHours = quietHours;
        this.repository = repository;
        this.policies = policies;
        this.observations = observations;
        this.schedule = schedule;
        this.wards = wards;
        this.patients = patients;
        this.referrals = referrals;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Records when each scored patient's next set is due, then raises or worsens the alert of each patient whose
     * score calls for one. Set-wise: one schedule upsert, one threshold lookup and one locked open-alert lookup for
     * the whole batch; per-patient writes only where an alert changes.
     */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(ObservationsScored batch) {
        schedule.recordAll(batch.sets().stream().filter(s -> !s.late())
                .map(s -> new MonitoringScheduleRepository.Entry(s.patientId(), s.takenAt(),
                        MonitoringFrequency.of(s.score()))).toList());
        Map<PatientId, Integer> thresholds = news2Thresholds(batch.sets());
        Map<PatientId, ObservationScored> firing = new LinkedHashMap<>();
        Map<PatientId, EscalationRule> rules = new HashMap<>();
        for (ObservationScored scored : batch.sets()) {
            int threshold = thresholds.getOrDefault(scored.patientId(), EscalationRule.NEWS2_DEFAULT_ALERT_FROM);
            EscalationRule.forScore(scored.score(), threshold).ifPresent(rule -> {
                EscalationRule already = rules.get(scored.patientId());
                // a patient's current set and a late set in one batch: the more severe decides (the current on a tie)
                if (already == null || rule.severity().compareTo(already.severity()) > 0) {
                    firing.put(scored.patientId(), scored);
                    rules.put(scored.patientId(), scored.late() ? lateSet(rule, scored.takenAt()) : rule);
                }
            });
        }
        if (firing.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        Map<PatientId, Alert> open = repository.findOpenForUpdate(firing.keySet());
        List<PatientId> needWard = firing.keySet().stream().filter(p -> !open.containsKey(p)).toList();
        Map<PatientId, WardId> wardOf = needWard.isEmpty() ? Map.of() : referrals.currentWards(needWard);
        List<PatientId> noWard = needWard.stream().filter(p -> !wardOf.containsKey(p)).toList();
        Set<PatientId> discharged = noWard.isEmpty() ? Set.of() : referrals.dischargedNotReadmitted(noWard);
        firing.forEach((patient, scored) -> {
            EscalationRule rule = rules.get(patient);
            Alert alert = open.get(patient);
            if (alert == null) {
                if (discharged.contains(patient)) {
                    // discharged: no team answers for them any more, so no alert (readings are still kept)
                    return;
                }
                alert = Alert.raise(patient, wardOf.get(patient), rule, scored.score(), scored.takenAt(), now);
                repository.insert(alert);
            } else if (alert.escalate(rule, scored.score(), scored.takenAt(), now)) {
                repository.update(alert);
            } else {
                return;
            }
            AlertView view = alert.view();
            events.publishEvent(new AlertRaised(view.id(), view.patientId(), view.wardId(), view.severity()));
        });
    }

    private static final java.time.format.DateTimeFormatter LATE_SET_TIME =
            java.time.format.DateTimeFormatter.ofPattern("HH:mm 'on' d MMMM yyyy", java.util.Locale.UK);

    /** The rule for a set entered after a newer one: the same severity and deadline, its reason saying so. */
    private EscalationRule lateSet(EscalationRule rule, Instant takenAt) {
        return new EscalationRule(rule.severity(), rule.respondWithin(), rule.reason() + " (a set entered late: taken "
                + LATE_SET_TIME.format(takenAt.atZone(clock.getZone())) + ", after a newer set was already recorded)");
    }

    /**
     * Each patient's NEWS2 alert threshold, looked up only for sets where it can change the outcome: a NEWS2 total
     * from 1 to 4 with no red score. PEWS does not use it, 5 or more and red scores alert anyway, and 0 never does;
     * this keeps the policy queries off most of the ingest path.
     */
    private Map<PatientId, Integer> news2Thresholds(List<ObservationScored> sets) {
        List<PatientId> canMatter = sets.stream().filter(s -> {
            var news2 = s.score().news2();
            return news2 != null && news2.total() >= 1 && !news2.redScore()
                    && news2.total() < EscalationRule.NEWS2_DEFAULT_ALERT_FROM;
        }).map(ObservationScored::patientId).toList();
        return canMatter.isEmpty() ? Map.of() : policies.news2Thresholds(canMatter);
    }

    /**
     * Moves every raised alert that nobody acknowledged by its deadline to the next tier (scheduled every minute).
     *
     * @return how many climbed
     */
    @Transactional
    public int escalateUnacknowledged(Instant now) {
        int climbed = 0;
        for (Alert alert : repository.overdueUnacknowledged(now)) {
            boolean inHours = routing.inOperatingHours(alert.view().wardId(), now);
            AlertStatus before = alert.view().status();
            if (alert.climbIfOverdue(inHours, now)) {
                repository.update(alert);
                AlertView view = alert.view();
                events.publishEvent(new AlertChanged(view.id(), view.wardId(), view.status()));
                routing.tell(view, before == AlertStatus.ACKNOWLEDGED
                        ? "acknowledged by " + view.acknowledgedBy() + " but no response recorded in "
                                + view.respondWithinMinutes() + " minutes"
                        : "not acknowledged in time", now);
                climbed++;
            }
        }
        return climbed;
    }

    /**
     * At each ward's opening time, open alerts with the out-of-hours cover hand back to the day's ward team, who are
     * told (scheduled with the tier check).
     *
     * @return how many were handed back
     */
    @Transactional
    public int handBackAtOpening(Instant now) {
        int handedBack = 0;
        for (Alert alert : repository.openWithOutOfHours()) {
            if (routing.inOperatingHours(alert.view().wardId(), now) && alert.handBackToDayTeam(now)) {
                repository.update(alert);
                AlertView view = alert.view();
                events.publishEvent(new AlertChanged(view.id(), view.wardId(), view.status()));
                routing.tell(view, "handed back from the out-of-hours team at opening time", now);
                handedBack++;
            }
        }
        return handedBack;
    }

    /**
     * Raises a missed-reading alert for each admitted patient whose next set of observations is overdue and who has
     * no open alert already (scheduled every minute). A patient no longer admitted leaves the schedule.
     *
     * @return how many were raised
     */
    @Transactional
    public int raiseMissedReadings(Instant now) {
        int raised = 0;
        for (PatientId patient : schedule.overduePatients(now)) {
            // the scoring lock first, then the schedule row: the order ingest takes them in
            observations.lockPatientForScoring(patient);
            MonitoringScheduleRepository.Due due = schedule.lockIfOverdue(patient, now).orElse(null);
            if (due == null) {
                continue;
            }
            var ward = referrals.currentWard(patient);
            if (ward.isEmpty()) {
                schedule.forget(patient);
                continue;
            }
            java.time.Duration interval = java.time.Duration.ofMinutes(due.intervalMinutes());
            Instant expected = quietHours.find(patient)
                    .map(q -> q.expectedAt(due.dueAt(), now, interval, clock.getZone())).orElse(due.dueAt());
            if (!expected.isBefore(now)) {
                schedule.postpone(patient, expected);
                continue;
            }
            schedule.postpone(patient, now.plus(interval));
            if (repository.findOpenForUpdate(patient).isPresent()) {
                continue;
            }
            java.time.ZonedDateTime dueAt = expected.atZone(clock.getZone());
            Alert alert = Alert.missedReading(due.patientId(), ward.get(), due.lastSetAt(),
                    "Observations due by " + dueAt.toLocalTime().withNano(0) + " have not come ("
                            + due.basis() + ")", now);
            repository.insert(alert);
            events.publishEvent(new AlertRaised(alert.view().id(), due.patientId(), ward.get(), AlertSeverity.LOW));
            raised++;
        }
        return raised;
    }

    /**
     * Closes the discharged patient's open alert, if any, with the discharge as its outcome, in the discharge's
     * transaction: nobody is left answering an alert for a patient the ward no longer cares for.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void closeForDischarge(PatientId patient, String note, String by, Instant at) {
        repository.findOpenForUpdate(patient).ifPresent(alert -> {
            alert.closeOnDischarge(note, by, at);
            repository.update(alert);
            AlertView view = alert.view();
            events.publishEvent(new AlertChanged(view.id(), view.wardId(), view.status()));
        });
    }

    /**
     * Open alerts the user may see, most severe first, then by deadline; for one ward or all. The alert board shows
     * each patient's name, so each patient shown is audited against them (ADR 0002).
     */
    @Transactional
    public List<AlertView> openAlerts(CurrentUser user, WardId ward) {
        return openAlerts(user, AlertFilter.ward(ward));
    }

    /** Open alerts the user may see under the board's filter, in board order; each patient shown is audited. */
    @Transactional
    public List<AlertView> openAlerts(CurrentUser user, AlertFilter filter) {
        List<AlertView> shown = visible(user, repository.open(filter.ward())).stream().filter(filter::matches).toList();
        return audited(user, filter, shown, "listed on the alert board (" + shown.size() + " open alerts)");
    }

    /**
     * Of these alerts, those still open that the user may see under the board's filter, in board order: the rows a
     * live board replaces or inserts after they changed; the others it removes. Each patient shown is audited.
     */
    @Transactional
    public List<AlertView> openAlertsAmong(CurrentUser user, Collection<UUID> ids, AlertFilter filter) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<AlertView> shown = visible(user, repository.openAmong(ids)).stream().filter(filter::matches).toList();
        return audited(user, filter, shown, "updated on the alert board (" + shown.size() + " changed alerts)");
    }

    /** How many open alerts the user may see, and how many the filter shows and hides (numbers only). */
    @Transactional(readOnly = true)
    public AlertCounts openAlertCounts(CurrentUser user, AlertFilter filter) {
        List<AlertRepository.OpenKey> open = repository.openKeys(null);
        Set<PatientId> visible = visiblePatients(user, open.stream().map(AlertRepository.OpenKey::patientId).toList());
        int shown = 0;
        int total = 0;
        Map<AlertSeverity, Integer> hidden = new java.util.EnumMap<>(AlertSeverity.class);
        for (AlertRepository.OpenKey key : open) {
            if (!visible.contains(key.patientId())) {
                continue;
            }
            total++;
            if (filter.matches(key.wardId(), key.severity())) {
                shown++;
            } else {
                hidden.merge(key.severity(), 1, Integer::sum);
            }
        }
        return new AlertCounts(shown, total, hidden);
    }

    /**
     * One page (from 1) of the closed alerts the user may see under the filter, most recently closed first, with their
     * response and outcome; the same access rule as the board (the patient's care team), each patient shown audited.
     */
    @Transactional
    public AlertHistory closedAlerts(CurrentUser user, AlertFilter filter, int page) {
        Set<PatientId> visible = visiblePatients(user, repository.closedPatients(filter));
        long total = visible.isEmpty() ? 0 : repository.countClosed(filter, visible);
        int pages = (int) Math.max(1, (total + AlertHistory.PAGE_SIZE - 1) / AlertHistory.PAGE_SIZE);
        int shownPage = Math.min(Math.max(1, page), pages);
        List<AlertView> shown = visible.isEmpty() ? List.of() : repository.closed(filter, visible,
                AlertHistory.PAGE_SIZE, (long) (shownPage - 1) * AlertHistory.PAGE_SIZE);
        audited(user, filter, shown, "listed in the alert history (page " + shownPage + ")");
        return new AlertHistory(shown, shownPage, pages, total);
    }

    private List<AlertView> audited(CurrentUser user, AlertFilter filter, List<AlertView> shown, String what) {
        RecordsAccessed lines = RecordsAccessed.listed(user, AuditedRecord.ALERT_BOARD, filter.ward(),
                shown.stream().map(AlertView::patientId).toList(), what);
        if (!lines.isEmpty()) {
            events.publishEvent(lines);
        }
        return shown;
    }

    private List<AlertView> visibleOpenAlerts(CurrentUser user, WardId ward) {
        return visible(user, repository.open(ward));
    }

    private List<AlertView> visible(CurrentUser user, List<AlertView> alerts) {
        Set<PatientId> visible = visiblePatients(user, alerts.stream().map(AlertView::patientId).toList());
        return alerts.stream().filter(a -> visible.contains(a.patientId())).toList();
    }

    /** The one access rule for alerts: the patients the user may see (their organisation is in the care team). */
    private Set<PatientId> visiblePatients(CurrentUser user, Collection<PatientId> patientIds) {
        if (patientIds.isEmpty()) {
            return Set.of();
        }
        return patients.visibleSummaries(user, new java.util.HashSet<>(patientIds)).stream()
                .map(PatientSummary::id).collect(Collectors.toSet());
    }

    /**
     * The patient's open alert, if any: for the patient banner, whose page has already checked the user may see the
     * patient; no audit line of its own.
     */
    @Transactional(readOnly = true)
    public java.util.Optional<AlertView> openAlertOf(PatientId patient) {
        return repository.findOpen(patient);
    }

    /**
     * The severity of each patient's open alert on one ward, or on every ward when {@code ward} is null, and nothing
     * else of it: for a list that orders every patient by it before it reads in full the alerts of the patients it
     * shows ({@link #openAlertsOf}). The most severe where a patient has more than one. No user, no audit.
     */
    @Transactional(readOnly = true)
    public Map<PatientId, AlertSeverity> openAlertSeverities(WardId ward) {
        Map<PatientId, AlertSeverity> byPatient = new java.util.HashMap<>();
        for (AlertRepository.OpenKey open : repository.openKeys(ward)) {
            byPatient.merge(open.patientId(), open.severity(), (a, b) -> a.compareTo(b) >= 0 ? a : b);
        }
        return byPatient;
    }

    /**
     * These patients' open alerts on one ward, or on every ward when {@code ward} is null: one a patient (one per
     * patient is open at most; were there more, the most urgent). No user, no audit.
     */
    @Transactional(readOnly = true)
    public Map<PatientId, AlertView> openAlertsOf(WardId ward, java.util.Collection<PatientId> patients) {
        Map<PatientId, AlertView> byPatient = new java.util.HashMap<>();
        for (AlertView alert : repository.openOf(ward, patients)) {
            byPatient.putIfAbsent(alert.patientId(), alert);
        }
        return byPatient;
    }

    /** Open alerts on a ward, or across the service: a number, shown on the census. */
    @Transactional(readOnly = true)
    public int openAlertCount(CurrentUser user, WardId ward) {
        return visibleOpenAlerts(user, ward).size();
    }

    /**
     * What escalation did after a set taken at {@code takenAt} was stored: the patient's open alert, whether that set
     * raised it (or made it more urgent), and who has been sent a message about it, from the alert's delivery record.
     * The nurse's confirmation page shows this rather than guessing from the score.
     */
    // not read-only: the access check writes an audit line (break-glass use, or a refusal)
    @Transactional
    public AlertOutcome outcomeOf(CurrentUser user, PatientId patient, Instant takenAt) {
        user.require(Permission.SEE_ALERTS);
        patients.requireAccess(user, patient);
        AlertView open = repository.findOpen(patient).orElse(null);
        if (open == null) {
            return new AlertOutcome(null, false, List.of());
        }
        boolean bySet = open.kind() != AlertKind.MISSED_READING && open.kind() != AlertKind.CONCERN_RAISED
                && open.kind() != AlertKind.CRITICAL_RESULT && open.kind() != AlertKind.MISSED_DOSE
                && takenAt.equals(open.observedAt());
        Map<String, List<String>> channels = new LinkedHashMap<>();
        for (NotificationView n : notifications.aboutAlert(open.id())) {
            List<String> how = channels.computeIfAbsent(n.recipientName(), name -> new java.util.ArrayList<>());
            String channel = n.channel().label().toLowerCase();
            if (!how.contains(channel)) {
                how.add(channel);
            }
        }
        return new AlertOutcome(open, bySet, channels.entrySet().stream()
                .map(e -> e.getKey() + " (" + String.join(", ", e.getValue()) + ")").toList());
    }

    /**
     * Every alert of one patient, open and closed, most recently raised first (the FHIR facade's Flag search), for
     * staff who may see alerts and the patient; audited against the patient.
     */
    @Transactional
    public List<AlertView> alertsOf(CurrentUser user, PatientId patient) {
        user.require(Permission.SEE_ALERTS);
        patients.requireVisible(user, patient);
        List<AlertView> alerts = repository.ofPatient(patient);
        events.publishEvent(RecordAccessed.read(user, AuditedRecord.ALERT, null, patient,
                "listed " + alerts.size() + " alert(s)"));
        return alerts;
    }

    /**
     * One alert as it stands, for delivering it to the systems the organisations of its patient's care team registered
     * (the fhir module's Flag subscribers); not for people, who read through {@link #alert(CurrentUser, UUID)}.
     */
    @Transactional(readOnly = true)
    public java.util.Optional<AlertView> forDelivery(UUID id) {
        return repository.find(id).map(Alert::view);
    }

    /** One alert, for staff who may see its patient. */
    @Transactional(readOnly = true)
    public AlertView alert(CurrentUser user, UUID id) {
        return alertFor(user, id, Permission.SEE_ALERTS).view();
    }

    /**
     * As {@link #alert}, but an alert of a patient outside the user's care teams is answered exactly as an unknown one
     * (not found, naming only the alert's id), for an API that does not reveal whether a record exists (FHIR). The
     * refusal is audited as DENIED against the patient.
     */
    // not read-only: the access check writes an audit line (a refusal)
    @Transactional
    public AlertView visibleAlert(CurrentUser user, UUID id) {
        user.require(Permission.SEE_ALERTS);
        Alert alert = repository.find(id).orElseThrow(() -> new NotFoundException("No alert with id " + id));
        patients.requireVisibleRecord(user, alert.view().patientId(),
                () -> new NotFoundException("No alert with id " + id));
        return alert.view();
    }

    @Transactional
    public AlertView acknowledge(CurrentUser user, UUID id) {
        Alert alert = alertFor(user, id, Permission.ACKNOWLEDGE_ALERTS);
        alert.acknowledge(user.username(), clock.instant());
        return save(user, alert, "acknowledged");
    }

    @Transactional
    public AlertView respond(CurrentUser user, UUID id, ResponseAction action, String note) {
        Alert alert = alertFor(user, id, Permission.RESPOND_TO_ALERTS);
        alert.respond(action, note, user.username(), clock.instant());
        return save(user, alert, "responded: " + action);
    }

    @Transactional
    public AlertView close(CurrentUser user, UUID id) {
        Alert alert = alertFor(user, id, Permission.CLOSE_ALERTS);
        alert.close(user.username(), user.can(Permission.CLOSE_ALERTS_NEEDING_SENIOR_REVIEW), clock.instant());
        return save(user, alert, "closed");
    }

    private Alert alertFor(CurrentUser user, UUID id, Permission permission) {
        user.require(permission);
        Alert alert = repository.find(id).orElseThrow(() -> new NotFoundException("No alert with id " + id));
        patients.requireAccess(user, alert.view().patientId());
        return alert;
    }

    private AlertView save(CurrentUser user, Alert alert, String what) {
        repository.update(alert);
        AlertView view = alert.view();
        events.publishEvent(RecordAccessed.updated(user, AuditedRecord.ALERT, view.id(), view.patientId(),
                what + " " + view.severity() + " alert"));
        events.publishEvent(new AlertChanged(view.id(), view.wardId(), view.status()));
        return view;
    }
}
