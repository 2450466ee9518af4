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
import org.homeward.patient.PatientService;
import org.homeward.security.CurrentUser;
import org.homeward.security.Role;
import org.homeward.shared.NotFoundException;
import org.homeward.shared.PatientId;
import org.homeward.shared.RecordAccessed;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal links for sending readings from home (KLoE 8.1: no app, no account). The link carries a 256-bit random
 * secret; only its SHA-256 hash is stored, so the database cannot be used to rebuild a link. A link lasts
 * {@link #VALID_FOR}, long enough for a stay, and a new link can be issued at any time.
 */
@Service
public class HomeLinkService {

    static final Duration VALID_FOR = Duration.ofDays(21);

    private final HomeLinkRepository repository;
    private final PatientService patients;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    HomeLinkService(HomeLinkRepository repository, PatientService patients, ApplicationEventPublisher events,
            Clock clock) {
        this.repository = repository;
        this.patients = patients;
        this.events = events;
        this.clock = clock;
    }

    /** Issues a link for the patient; the secret is returned once and never stored. */
    @Transactional
    public String issue(CurrentUser user, PatientId patient) {
        user.requireRole("issue a home reading link", Role.CLINICIAN, Role.SENIOR_DECISION_MAKER, Role.COORDINATOR);
        patients.requireVisible(user, patient);
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant();
        repository.insert(hash(token), patient, user.username(), now, now.plus(VALID_FOR));
        events.publishEvent(new RecordAccessed(user.actor(), RecordAccessed.Action.CREATE, "HomeLink", null,
                patient.value(), "issued a home reading link valid " + VALID_FOR.toDays() + " days"));
        return token;
    }

    /** The patient a link is for; an unknown, revoked or expired link is not found. */
    @Transactional(readOnly = true)
    public PatientId patientFor(String token) {
        return repository.activePatient(hash(token), clock.instant())
                .orElseThrow(() -> new NotFoundException("This link is not valid or has expired. Ask the Hospital at Home team for a new one."));
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
