package org.homeward.escalation;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.homeward.observation.ObservationService;
import org.homeward.patient.PatientService;
import org.homeward.referral.ReferralService;
import org.homeward.scoring.WarningScore;
import org.homeward.security.CurrentUser;
import org.homeward.security.Permission;
import org.homeward.shared.AuditedRecord;
import org.homeward.shared.InvalidInputException;
import org.homeward.shared.PatientId;
import org.homeward.shared.RecordAccessed;
import org.homeward.shared.RefusedException;
import org.homeward.shared.WardId;
import org.homeward.ward.WardService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Escalation policy: a ward may alert from a lower NEWS2 total than the national 5, and a senior clinician may
 * tighten it further for one patient, with a reason. Policies only ever make alerts come earlier; nobody can
 * loosen them (for a COPD patient's usual saturations, SpO2 Scale 2 is the documented route). The threshold in force
 * is the strictest of the patient's override and their ward's policy, so tightening a ward never leaves a patient
 * with an older, looser override behind. Every change is audited, and ended patient overrides stay on record.
 */
@Service
public class EscalationPolicyService {

    static final int REASON_MAX_LENGTH = 500;

    private final EscalationPolicyRepository repository;
    private final PatientService patients;
    private final ReferralService referrals;
    private final WardService wards;
    private final ObservationService observations;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    EscalationPolicyService(EscalationPolicyRepository repository, PatientService patients, ReferralService referrals,
            WardService wards, ObservationService observations, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.patients = patients;
        this.referrals = referrals;
        this.wards = wards;
        this.observations = observations;
        this.events = events;
        this.clock = clock;
    }

    /** The threshold in force for the patient: the strictest of their override and their ward's policy, else 5. */
    @Transactional(readOnly = true)
    public EscalationPolicy effectivePolicy(PatientId patient) {
        EscalationPolicy ward = wardOrDefault(referrals.currentWard(patient));
        return repository.activeOverride(patient)
                .filter(override -> override.news2AlertFromTotal() <= ward.news2AlertFromTotal())
                .orElse(ward);
    }

    /** Whether this user may tighten a ward's or a patient's threshold (pages show the forms only to them). */
    public boolean mayChangePolicies(CurrentUser user) {
        return user.can(Permission.TIGHTEN_PATIENT_ESCALATION_POLICY);
    }

    /**
     * The NEWS2 alert threshold in force for each patient, for a whole batch with two queries (current wards, then
     * overrides and ward policies together), by the rule of {@link #effectivePolicy}: the stricter of the patient's override and their
     * ward's policy (or the national default).
     */
    @Transactional(readOnly = true)
    public Map<PatientId, Integer> news2Thresholds(Collection<PatientId> patients) {
        Map<PatientId, WardId> wardOf = referrals.currentWards(patients);
        EscalationPolicyRepository.Thresholds found = repository.thresholds(patients, wardOf.values());
        Map<PatientId, Integer> overrides = found.overrides();
        Map<WardId, Integer> wardPolicies = found.wards();
        Map<PatientId, Integer> thresholds = new HashMap<>();
        for (PatientId patient : patients) {
            WardId ward = wardOf.get(patient);
            int wardThreshold = ward == null ? EscalationRule.NEWS2_DEFAULT_ALERT_FROM
                    : wardPolicies.getOrDefault(ward, EscalationRule.NEWS2_DEFAULT_ALERT_FROM);
            thresholds.put(patient, Math.min(wardThreshold, overrides.getOrDefault(patient, wardThreshold)));
        }
        return thresholds;
    }

    @Transactional
    public EscalationPolicy policyFor(CurrentUser user, PatientId patient) {
        patients.requireVisible(user, patient);
        return effectivePolicy(patient);
    }

    @Transactional
    public List<String> overrideHistory(CurrentUser user, PatientId patient) {
        patients.requireVisible(user, patient);
        return repository.overrideHistory(patient).stream().map(EscalationOverride::describe).toList();
    }

    /** Everything the patient's record shows about their threshold: in force, ward, override, trail; audited. */
    @Transactional
    public PatientEscalation patientEscalation(CurrentUser user, PatientId patient) {
        patients.requireVisible(user, patient);
        EscalationPolicy effective = effectivePolicy(patient);
        List<EscalationOverride> history = repository.overrideHistory(patient);
        PatientEscalation view = new PatientEscalation(effective, wardOrDefault(referrals.currentWard(patient)),
                history.stream().filter(EscalationOverride::isActive).findFirst().orElse(null), history,
                scoredWithNews2(patient));
        events.publishEvent(RecordAccessed.read(user, AuditedRecord.ESCALATION_POLICY, null, patient,
                "viewed escalation policy (NEWS2 alerts from " + effective.news2AlertFromTotal()
                        + ", " + effective.source() + ") and " + view.history().size() + " overrides"));
        return view;
    }

    /** The ward's policy, or the national default when the ward has none; not a patient record, so anyone may read it. */
    @Transactional(readOnly = true)
    public EscalationPolicy wardPolicy(WardId ward) {
        wards.ward(ward);
        return wardOrDefault(Optional.of(ward));
    }

    /** A senior clinician makes a ward's patients alert earlier; the threshold must be lower than the ward's now. */
    @Transactional
    public EscalationPolicy setWardPolicy(CurrentUser user, WardId ward, Integer news2AlertFromTotal, String reason) {
        user.require(Permission.SET_WARD_ESCALATION_POLICY);
        wards.ward(ward);
        EscalationPolicy current = wardOrDefault(Optional.of(ward));
        int threshold = checkedThreshold(news2AlertFromTotal, current.news2AlertFromTotal() - 1, "this ward");
        String why = requiredReason(reason);
        if (!repository.tightenWardPolicy(ward, threshold, why, user.signature(), clock.instant())) {
            throw new InvalidInputException("news2AlertFromTotal", "The ward's policy was changed meanwhile and now"
                    + " alerts from NEWS2 " + wardOrDefault(Optional.of(ward)).news2AlertFromTotal()
                    + "; NEWS2 " + threshold + " would not be earlier. Look again before changing it.");
        }
        events.publishEvent(RecordAccessed.updated(user, AuditedRecord.WARD_ESCALATION_POLICY, ward, null,
                "NEWS2 alerts from " + threshold + " (was " + current.news2AlertFromTotal() + ", "
                        + current.source() + "): " + why));
        return repository.wardPolicy(ward).orElseThrow();
    }

    /** A senior clinician alerts earlier for one patient than they do now (children are scored with PEWS instead). */
    @Transactional
    public EscalationPolicy tighten(CurrentUser user, PatientId patient, Integer news2AlertFromTotal, String reason) {
        user.require(Permission.TIGHTEN_PATIENT_ESCALATION_POLICY);
        patients.requireVisible(user, patient);
        if (!scoredWithNews2(patient)) {
            throw new RefusedException("This patient is scored"
                    + " with national PEWS (under 16, or 16-17 on a children's ward), so a NEWS2 threshold would not change when they alert; escalate by the"
                    + " PEWS card (clinical concern and carer worry are triggers)");
        }
        repository.lockOverrides(patient);
        EscalationPolicy current = effectivePolicy(patient);
        int threshold = checkedThreshold(news2AlertFromTotal, current.news2AlertFromTotal() - 1, "this patient");
        String why = requiredReason(reason);
        Instant now = clock.instant();
        repository.endOverride(patient, user.signature(), now);
        repository.addOverride(patient, threshold, why, user.signature(), now);
        events.publishEvent(RecordAccessed.updated(user, AuditedRecord.ESCALATION_POLICY, null, patient,
                "NEWS2 alerts from " + threshold + " (was " + current.news2AlertFromTotal() + ", "
                        + current.source() + "): " + why));
        return effectivePolicy(patient);
    }

    @Transactional
    public EscalationPolicy endOverride(CurrentUser user, PatientId patient) {
        user.require(Permission.END_ESCALATION_OVERRIDE);
        patients.requireVisible(user, patient);
        repository.lockOverrides(patient);
        EscalationPolicy ended = repository.activeOverride(patient)
                .orElseThrow(() -> new RefusedException("This patient has no escalation override to end"));
        repository.endOverride(patient, user.signature(), clock.instant());
        EscalationPolicy now = effectivePolicy(patient);
        events.publishEvent(RecordAccessed.updated(user, AuditedRecord.ESCALATION_POLICY, null, patient,
                "ended escalation override (NEWS2 alerts from " + ended.news2AlertFromTotal()
                        + "); now NEWS2 alerts from " + now.news2AlertFromTotal() + ", " + now.source()));
        return now;
    }

    private EscalationPolicy wardOrDefault(Optional<WardId> ward) {
        return ward.flatMap(repository::wardPolicy)
                .orElse(new EscalationPolicy(EscalationRule.NEWS2_DEFAULT_ALERT_FROM, "national default",
                        "RCP NEWS2 Chart 4 urgent response threshold", null, null));
    }

    private boolean scoredWithNews2(PatientId patient) {
        return observations.warningScore(patient) == WarningScore.NEWS2;
    }

    private static int checkedThreshold(Integer threshold, int highestAllowed, String whose) {
        if (threshold == null) {
            throw new InvalidInputException("news2AlertFromTotal", "Choose the NEWS2 total from which an alert is raised");
        }
        if (highestAllowed < 1) {
            throw new RefusedException("Alerts already come from NEWS2 1 for " + whose + "; it cannot be tightened further");
        }
        if (threshold < 1 || threshold > highestAllowed) {
            throw new InvalidInputException("news2AlertFromTotal", "news2AlertFromTotal must be from 1 to " + highestAllowed
                    + ": a policy can only make alerts come earlier than they do now (NEWS2 " + (highestAllowed + 1)
                    + " for " + whose + ")");
        }
        return threshold;
    }

    private static String requiredReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "Say why (for example: known to deteriorate quickly; lives alone)");
        }
        if (reason.trim().length() > REASON_MAX_LENGTH) {
            throw new InvalidInputException("reason", "Keep the reason to " + REASON_MAX_LENGTH + " characters or fewer");
        }
        return reason.trim();
    }
}
