package org.homeward.escalation;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.homeward.observation.EarlyWarningScore;
import org.homeward.shared.InvalidInputException;
import org.homeward.shared.PatientId;
import org.homeward.shared.RefusedException;
import org.homeward.shared.WardId;

/** The alert aggregate: raised, then acknowledged, responded to and closed, in that order; a worse score raises it. */
class Alert {

    /** A missed set is LOW severity: someone should call the patient within the hour. */
    static final Duration MISSED_READING_WINDOW = Duration.ofMinutes(60);
    /** Each tier an unacknowledged alert climbs to has at most this long to acknowledge it. */
    static final Duration TIER_WINDOW = Duration.ofMinutes(15);
    /** The response note's column, alert.response_note, is varchar(2000). */
    static final int NOTE_MAX = 2000;

    private final UUID id;
    private final PatientId patientId;
    private final WardId wardId;
    private final Instant raisedAt;
    private AlertKind kind;
    private AlertSeverity severity;
    private String scoreName;
    private Integer scoreTotal;
    private boolean partialSet;
    private String reason;
    private Instant observedAt;
    private Instant respondBy;
    private int respondWithinMinutes;
    private AlertTier tier;
    private Instant escalatedAt;
    private AlertStatus status;
    private String acknowledgedBy;
    private Instant acknowledgedAt;
    private ResponseAction responseAction;
    private String responseNote;
    private String respondedBy;
    private Instant respondedAt;
    private String closedBy;
    private Instant closedAt;
    private final int version;

    Alert(AlertView v, int version) {
        this.id = v.id();
        this.patientId = v.patientId();
        this.wardId = v.wardId();
        this.raisedAt = v.raisedAt();
        this.kind = v.kind();
        this.severity = v.severity();
        this.scoreName = v.scoreName();
        this.scoreTotal = v.scoreTotal();
        this.partialSet = v.partialSet();
        this.reason = v.reason();
        this.observedAt = v.observedAt();
        this.respondBy = v.respondBy();
        this.respondWithinMinutes = v.respondWithinMinutes();
        this.tier = v.tier();
        this.escalatedAt = v.escalatedAt();
        this.status = v.status();
        this.acknowledgedBy = v.acknowledgedBy();
        this.acknowledgedAt = v.acknowledgedAt();
        this.responseAction = v.responseAction();
        this.responseNote = v.responseNote();
        this.respondedBy = v.respondedBy();
        this.respondedAt = v.respondedAt();
        this.closedBy = v.closedBy();
        this.closedAt = v.closedAt();
        this.version = version;
    }

    static Alert raise(PatientId patient, WardId ward, EscalationRule rule, EarlyWarningScore score,
            Instant observedAt, Instant now) {
        return new Alert(new AlertView(UUID.randomUUID(), patient, ward, kind(score), rule.severity(),
                scoreName(score), scoreTotal(score), score.partial(), rule.reason(), observedAt, now,
                now.plus(rule.respondWithin()), (int) rule.respondWithin().toMinutes(), AlertTier.WARD_TEAM, null,
                AlertStatus.RAISED, null, null, null, null, null, null, null, null), 0);
    }

    /** A set of observations was due by {@code dueAt} and has not come. */
    static Alert missedReading(PatientId patient, WardId ward, Instant lastSetAt, String reason, Instant now) {
        return new Alert(new AlertView(UUID.randomUUID(), patient, ward, AlertKind.MISSED_READING, AlertSeverity.LOW,
                null, null, false, reason, lastSetAt, now, now.plus(MISSED_READING_WINDOW),
                (int) MISSED_READING_WINDOW.toMinutes(), AlertTier.WARD_TEAM, null, AlertStatus.RAISED, null, null,
                null, null, null, null, null, null), 0);
    }

    /** A patient or carer is worried and asked for a review: no score, their words in the reason. */
    static Alert concern(PatientId patient, WardId ward, EscalationRule rule, Instant now) {
        return raisedBy(AlertKind.CONCERN_RAISED, patient, ward, rule, now);
    }

    /**
     * An alert raised by something other than a score (a concern, a critical test result, a missed time-critical
     * dose): the rule's severity, deadline and reason, at the ward team's tier.
     */
    static Alert raisedBy(AlertKind kind, PatientId patient, WardId ward, EscalationRule rule, Instant now) {
        return new Alert(new AlertView(UUID.randomUUID(), patient, ward, kind, rule.severity(), null, null, false,
                rule.reason(), now, now, now.plus(rule.respondWithin()), (int) rule.respondWithin().toMinutes(),
                AlertTier.WARD_TEAM, null, AlertStatus.RAISED, null, null, null, null, null, null, null, null), 0);
    }

    /**
     * A concern on an open alert: the team must look again whatever the alert's state, so it is raised again (to be
     * acknowledged at its new level), at least MEDIUM, with the sooner deadline, and the worry first in its reason.
     */
    void raiseForConcern(EscalationRule rule, Instant now) {
        raiseAgain(rule, AlertKind.CONCERN_RAISED, now);
    }

    /**
     * Something new on an open alert (a concern, a critical result, a missed time-critical dose): raised again, to be
     * acknowledged at its new level, at least at the rule's severity (the kind becomes the new one when that is more
     * severe), with the sooner deadline and the new reason first.
     */
    void raiseAgain(EscalationRule rule, AlertKind newKind, Instant now) {
        if (rule.severity().compareTo(severity) > 0) {
            severity = rule.severity();
            kind = newKind;
            respondWithinMinutes = (int) rule.respondWithin().toMinutes();
        }
        String combined = rule.reason() + "; " + reason;
        reason = combined.length() <= 300 ? combined : combined.substring(0, 297) + "...";
        Instant sooner = now.plus(rule.respondWithin());
        respondBy = status != AlertStatus.RAISED || sooner.isBefore(respondBy) ? sooner : respondBy;
        status = AlertStatus.RAISED;
    }

    /**
     * Past its deadline with nobody acting, the alert goes to the next tier with a new deadline: its own response
     * window, but at most {@link #TIER_WINDOW}. Raised and unacknowledged by its deadline, or acknowledged with no
     * response recorded by its response clock ({@link #acknowledge}): either way the next tier is told.
     *
     * @return whether it climbed
     */
    boolean climbIfOverdue(boolean wardInHours, Instant now) {
        if ((status != AlertStatus.RAISED && status != AlertStatus.ACKNOWLEDGED) || !respondBy.isBefore(now)) {
            return false;
        }
        return climb(wardInHours, now);
    }

    /**
     * To the next tier now, whatever the deadline: for a message to this tier that could not be sent.
     *
     * @return whether it climbed (not when closed, responded to, or already at the top)
     */
    boolean climb(boolean wardInHours, Instant now) {
        if (status != AlertStatus.RAISED && status != AlertStatus.ACKNOWLEDGED) {
            return false;
        }
        AlertTier next = tier.next(wardInHours);
        if (next == tier) {
            return false;
        }
        tier = next;
        escalatedAt = now;
        respondBy = now.plus(tierWindow());
        return true;
    }

    /**
     * Where a new or newly worse alert belongs at this hour: out of hours, an alert with the day team (ward team or
     * nurse in charge) goes straight to the out-of-hours cover.
     *
     * @return whether it moved
     */
    boolean placeForHours(boolean wardInHours, Instant now) {
        if (wardInHours || (tier != AlertTier.WARD_TEAM && tier != AlertTier.NURSE_IN_CHARGE)) {
            return false;
        }
        tier = AlertTier.startingTier(false);
        escalatedAt = now;
        return true;
    }

    /**
     * At opening time an open alert with the out-of-hours cover hands back to the day's ward team; if still
     * unacknowledged the ward team has a fresh tier window to acknowledge it.
     *
     * @return whether it was handed back
     */
    boolean handBackToDayTeam(Instant now) {
        if (tier != AlertTier.OUT_OF_HOURS_CONTACT || status == AlertStatus.CLOSED) {
            return false;
        }
        tier = AlertTier.startingTier(true);
        escalatedAt = now;
        if (status == AlertStatus.RAISED || status == AlertStatus.ACKNOWLEDGED) {
            respondBy = now.plus(tierWindow());
        }
        return true;
    }

    private Duration tierWindow() {
        Duration window = Duration.ofMinutes(respondWithinMinutes);
        return window.compareTo(TIER_WINDOW) < 0 ? window : TIER_WINDOW;
    }

    /**
     * A worse score raises the open alert: higher severity, the sooner deadline, and it must be acknowledged again
     * at its new level. A score that is not worse changes nothing.
     *
     * @return whether the alert changed
     */
    boolean escalate(EscalationRule rule, EarlyWarningScore score, Instant observedAt, Instant now) {
        if (rule.severity().compareTo(severity) <= 0) {
            return false;
        }
        kind = kind(score);
        severity = rule.severity();
        respondWithinMinutes = (int) rule.respondWithin().toMinutes();
        scoreName = scoreName(score);
        scoreTotal = scoreTotal(score);
        partialSet = score.partial();
        reason = rule.reason();
        this.observedAt = observedAt;
        Instant sooner = now.plus(rule.respondWithin());
        respondBy = sooner.isBefore(respondBy) ? sooner : respondBy;
        status = AlertStatus.RAISED;
        return true;
    }

    /**
     * Acknowledged, the response clock starts: a response (call, visit, advice, transfer) must be recorded within the
     * severity's response window, the same minutes as to acknowledge (NEWS2 Chart 4: 7+ 30 minutes, 5-6 60 minutes;
     * PEWS card: emergency 5, high 15, medium 30, low 60), or the alert climbs to the next tier.
     */
    void acknowledge(String by, Instant at) {
        require(AlertStatus.RAISED, "acknowledged");
        status = AlertStatus.ACKNOWLEDGED;
        acknowledgedBy = by;
        acknowledgedAt = at;
        respondBy = at.plus(Duration.ofMinutes(respondWithinMinutes));
    }

    void respond(ResponseAction action, String note, String by, Instant at) {
        if (action == null) {
            throw new InvalidInputException("action", "Say what was done: a phone call, a visit, advice or a transfer to hospital");
        }
        if (note != null && note.trim().length() > NOTE_MAX) {
            throw new InvalidInputException("note", "note must be at most " + NOTE_MAX + " characters (it has "
                    + note.trim().length() + ")");
        }
        require(AlertStatus.ACKNOWLEDGED, "responded to");
        status = AlertStatus.RESPONDED;
        responseAction = action;
        responseNote = note == null || note.isBlank() ? null : note.trim();
        respondedBy = by;
        respondedAt = at;
    }

    /** Closes a responded alert; see {@link AlertView#needsSeniorToClose()} for who may close which. */
    void close(String by, boolean bySeniorDecisionMaker, Instant at) {
        if (view().needsSeniorToClose() && !bySeniorDecisionMaker) {
            throw new org.homeward.shared.ForbiddenException("A " + (severity == AlertSeverity.EMERGENCY
                    ? "PEWS emergency" : "NEWS2 7 or more") + " alert can be closed only by a senior decision-maker"
                    + " (consultant, GP or consultant practitioner) after their review; ask one to close it.");
        }
        require(AlertStatus.RESPONDED, "closed");
        status = AlertStatus.CLOSED;
        closedBy = by;
        closedAt = at;
    }

    /**
     * The patient was discharged: the alert closes whatever its stage, with the discharge as its outcome. A response
     * already recorded is kept; otherwise the discharge is the response.
     */
    void closeOnDischarge(String note, String by, Instant at) {
        if (status == AlertStatus.CLOSED) {
            return;
        }
        if (respondedAt == null) {
            responseNote = note;
            respondedBy = by;
            respondedAt = at;
        } else {
            responseNote = responseNote == null ? note : (responseNote + "\n" + note);
            if (responseNote.length() > NOTE_MAX) {
                responseNote = responseNote.substring(0, NOTE_MAX);
            }
        }
        status = AlertStatus.CLOSED;
        closedBy = by;
        closedAt = at;
    }

    private void require(AlertStatus expected, String action) {
        if (status != expected) {
            throw new RefusedException("This alert is " + status.name().toLowerCase() + "; it can be " + action
                    + " only when " + expected.name().toLowerCase()
                    + (status == AlertStatus.RAISED ? ". Acknowledge it first." : "."));
        }
    }

    private static String scoreName(EarlyWarningScore score) {
        return !score.scored() ? null : score.news2() != null ? "NEWS2" : "PEWS";
    }

    private static Integer scoreTotal(EarlyWarningScore score) {
        return score.scored() ? score.total() : null;
    }

    /** A set with no score alerts only for an adult's own "worse": a concern, not a score. */
    private static AlertKind kind(EarlyWarningScore score) {
        return score.scored() ? AlertKind.EARLY_WARNING : AlertKind.CONCERN_RAISED;
    }

    AlertView view() {
        return new AlertView(id, patientId, wardId, kind, severity, scoreName, scoreTotal, partialSet, reason,
                observedAt, raisedAt, respondBy, respondWithinMinutes, tier, escalatedAt, status, acknowledgedBy,
                acknowledgedAt, responseAction, responseNote, respondedBy, respondedAt, closedBy, closedAt);
    }

    int version() {
        return version;
    }
}
