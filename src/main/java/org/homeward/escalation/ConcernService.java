package org.homeward.escalation;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.homeward.observation.HomeLinkService;
import org.homeward.observation.ObservationService;
import org.homeward.referral.ReferralService;
import org.homeward.shared.AuditedRecord;
import org.homeward.shared.InvalidInputException;
import org.homeward.shared.PatientId;
import org.homeward.shared.RecordAccessed;
import org.homeward.ward.WardContact;
import org.homeward.ward.WardService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What patients and carers are told from their personal link, and "I am worried" (Martha's rule: a patient, family
 * member or carer may ask for an urgent review in their own words). A concern raises a MEDIUM alert, or raises the
 * open alert again at least to MEDIUM, on the alert board with their words.
 */
@Service
public class ConcernService {

    /** patient_concern.words is varchar(1000). */
    public static final int WORDS_MAX = 1000;
    private static final RecordAccessed.Actor HOME_LINK = new RecordAccessed.Actor("home-link", null,
            "Patient or carer", "PATIENT_OR_CARER");

    private final AlertRepository alerts;
    private final ConcernRepository concerns;
    private final HomeLinkService links;
    private final ObservationService observations;
    private final ReferralService referrals;
    private final WardService wards;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ConcernService(AlertRepository alerts, ConcernRepository concerns, HomeLinkService links,
            ObservationService observations, ReferralService referrals, WardService wards,
            ApplicationEventPublisher events, Clock clock) {
        this.alerts = alerts;
        this.concerns = concerns;
        this.links = links;
        this.observations = observations;
        this.referrals = referrals;
        this.wards = wards;
        this.events = events;
        this.clock = clock;
    }

    /** Raises the concern of whoever holds the link; the words are required and kept whole. */
    @Transactional
    public AlertView raiseFromHome(String token, String words) {
        PatientId patient = links.patientFor(token);
        String said = words == null ? "" : words.strip();
        if (said.isEmpty()) {
            throw new InvalidInputException("words", "Say in your own words what is worrying you");
        }
        if (said.length() > WORDS_MAX) {
            throw new InvalidInputException("words", "Use at most " + WORDS_MAX + " characters (you used "
                    + said.length() + "), or call the team");
        }
        // the scoring lock first, then the alert row: the order ingest takes them in
        observations.lockPatientForScoring(patient);
        EscalationRule rule = EscalationRule.forConcern(said);
        Instant now = clock.instant();
        Alert alert = alerts.findOpenForUpdate(patient).orElse(null);
        if (alert == null) {
            alert = Alert.concern(patient, referrals.currentWard(patient).orElse(null), rule, now);
            alerts.insert(alert);
        } else {
            alert.raiseForConcern(rule, now);
            alerts.update(alert);
        }
        AlertView view = alert.view();
        UUID concernId = UUID.randomUUID();
        concerns.insert(concernId, patient, view.id(), said, now);
        events.publishEvent(RecordAccessed.created(HOME_LINK, AuditedRecord.CONCERN, concernId, patient,
                "raised a concern from the home link (" + view.severity()
                        + " alert)"));
        events.publishEvent(new AlertRaised(view.id(), patient, view.wardId(), view.severity()));
        return view;
    }

    /** What the holder of the link is told now: by their open alert, with the ward's number for this moment. */
    @Transactional(readOnly = true)
    public CarerAdvice adviceForHome(String token) {
        PatientId patient = links.patientFor(token);
        WardContact contact = referrals.currentWard(patient)
                .map(wards::ward).map(ward -> ward.contactAt(clock.instant().atZone(clock.getZone())))
                .orElse(null);
        return CarerAdvice.forAlert(alerts.findOpen(patient).orElse(null), contact);
    }
}
