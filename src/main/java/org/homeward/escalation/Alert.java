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
        return new Alert(new AlertView(UUID.randomUUID(), patient, ward, AlertKind.EARLY_WARNING, rule.severity(),
                scoreName(score), score.total(), score.partial(), rule.reason(), observedAt, now,
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

    /**
     * Unacknowledged past its deadline, the alert goes to the next tier with a new deadline: its own response
     * window, but at most {@link #TIER_WINDOW}.
     *
     * @return whether it climbed
     */
    boolean climbIfOverdue(boolean wardInHours, Instant now) {
        if (status != AlertStatus.RAISED || !respondBy.isBefore(now)) {
            return false;
        }
        AlertTier next = tier.next(wardInHours);
        if (next == tier) {
            return false;
        }
        tier = next;
        escalatedAt = now;
        Duration window = Duration.ofMinutes(respondWithinMinutes);
        respondBy = now.plus(window.compareTo(TIER_WINDOW) < 0 ? window : TIER_WINDOW);
        return true;
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
        kind = AlertKind.EARLY_WARNING;
        severity = rule.severity();
        respondWithinMinutes = (int) rule.respondWithin().toMinutes();
        scoreName = scoreName(score);
        scoreTotal = score.total();
        partialSet = score.partial();
        reason = rule.reason();
        this.observedAt = observedAt;
        Instant sooner = now.plus(rule.respondWithin());
        respondBy = sooner.isBefore(respondBy) ? sooner : respondBy;
        status = AlertStatus.RAISED;
        return true;
    }

    void acknowledge(String by, Instant at) {
        require(AlertStatus.RAISED, "acknowledged");
        status = AlertStatus.ACKNOWLEDGED;
        acknowledgedBy = by;
        acknowledgedAt = at;
    }

    void respond(ResponseAction action, String note, String by, Instant at) {
        if (action == null) {
            throw new InvalidInputException("action", "Say what was done: one of PHONE_CALL, VISIT, ADVICE, TRANSFER_TO_HOSPITAL");
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

    void close(String by, Instant at) {
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
        return score.news2() != null ? "NEWS2" : "PEWS";
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
