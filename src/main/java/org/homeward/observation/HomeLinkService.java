package org.homeward.observation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.homeward.patient.PatientService;
import org.homeward.referral.PatientDischarged;
import org.homeward.referral.ReferralService;
import org.homeward.security.CurrentUser;
import org.homeward.security.Permission;
import org.homeward.shared.AuditedRecord;
import org.homeward.shared.NotFoundException;
import org.homeward.shared.PatientId;
import org.homeward.shared.RecordAccessed;
import org.homeward.shared.RefusedException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal links for sending readings from home (KLoE 8.1: no app, no account). The link carries a 256-bit random
 * secret; only its SHA-256 hash is stored, so the database cannot be used to rebuild a link. A link lasts
 * {@link #VALID_FOR}, long enough for a stay. A patient has at most one working link: issuing a new one revokes the
 * old, staff can revoke it, and discharge revokes it. A link works only while its patient is admitted.
 */
@Service
public class HomeLinkService {

    static final Duration VALID_FOR = Duration.ofDays(21);
    /** The one answer for an unknown, revoked or expired link, or a patient no longer admitted: nothing to tell apart. */
    public static final String NOT_ACTIVE = "This link is not valid or has expired: it is no longer active. Ask the "
            + "Hospital at Home team for a new one.";

    private final HomeLinkRepository repository;
    private final PatientService patients;
    private final ReferralService referrals;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    HomeLinkService(HomeLinkRepository repository, PatientService patients, ReferralService referrals,
            ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.patients = patients;
        this.referrals = referrals;
        this.events = events;
        this.clock = clock;
    }

    /** The patient's working link: who issued it, when, and until when (the secret is never kept). */
    public record ActiveLink(String issuedBy, Instant issuedAt, Instant expiresAt) {
    }

    /**
     * Issues a link for an admitted patient; the secret is returned once and never stored. Any link the patient
     * already had stops working.
     */
    @Transactional
    public String issue(CurrentUser user, PatientId patient) {
        requireStaff(user, Permission.ISSUE_HOME_LINKS, patient);
        if (referrals.currentWard(patient).isEmpty()) {
            throw new RefusedException("This patient is not admitted to a virtual ward, so a home readings link would "
                    + "reach nobody");
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant();
        int replaced = repository.revokeAll(patient, user.username(), "a new link was issued", now);
        repository.insert(hash(token), patient, user.username(), now, now.plus(VALID_FOR));
        events.publishEvent(RecordAccessed.created(user, AuditedRecord.HOME_LINK, null, patient,
                "issued a home reading link valid " + VALID_FOR.toDays() + " days"
                        + (replaced > 0 ? "; the previous link no longer works" : "")));
        return token;
    }

    /** Revokes the patient's link (a lost phone, a carer who should no longer send readings), with the reason. */
    @Transactional
    public void revoke(CurrentUser user, PatientId patient, String reason) {
        requireStaff(user, Permission.REVOKE_HOME_LINKS, patient);
        String why = reason == null || reason.isBlank() ? "revoked by staff" : reason.strip();
        if (why.length() > 300) {
            throw new org.homeward.shared.InvalidInputException("reason", "reason must be at most 300 characters (it has "
                    + why.length() + ")");
        }
        if (repository.revokeAll(patient, user.username(), why, clock.instant()) == 0) {
            throw new RefusedException("This patient has no working home readings link to revoke");
        }
        events.publishEvent(RecordAccessed.updated(user, AuditedRecord.HOME_LINK, null, patient,
                "revoked the home reading link: " + why));
    }

    /** The patient's working link, if any, for staff on the care team. */
    // not read-only: the access check writes an audit line (break-glass use, or a refusal)
    @Transactional
    public Optional<ActiveLink> activeLink(CurrentUser user, PatientId patient) {
        requireStaff(user, Permission.SEE_HOME_LINKS, patient);
        return repository.newestActive(patient, clock.instant());
    }

    /** Discharge revokes the patient's links in the discharge's own transaction. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(PatientDischarged discharged) {
        repository.revokeAll(discharged.patientId(), discharged.dischargedBy(), "the patient was discharged",
                clock.instant());
    }

    /**
     * The patient a link is for. An unknown, revoked or expired link, or one whose patient is no longer admitted, is
     * not found, with the same words: readings through it are never taken, so they can raise no alert.
     */
    @Transactional(readOnly = true)
    public PatientId patientFor(String token) {
        return repository.activePatient(hash(token), clock.instant())
                .filter(patient -> referrals.currentWard(patient).isPresent())
                .orElseThrow(() -> new NotFoundException(NOT_ACTIVE));
    }

    private void requireStaff(CurrentUser user, Permission permission, PatientId patient) {
        user.require(permission);
        patients.requireVisible(user, patient);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
