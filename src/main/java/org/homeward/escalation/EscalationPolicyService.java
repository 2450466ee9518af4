package org.homeward.escalation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.homeward.patient.PatientService;
import org.homeward.referral.ReferralService;
import org.homeward.security.CurrentUser;
import org.homeward.security.Role;
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
 * loosen them (for a COPD patient's usual saturations, SpO2 Scale 2 is the documented route). Every change is
 * audited, and ended patient overrides stay on record.
 */
@Service
public class EscalationPolicyService {

    private final EscalationPolicyRepository repository;
    private final PatientService patients;
    private final ReferralService referrals;
    private final WardService wards;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    EscalationPolicyService(EscalationPolicyRepository repository, PatientService patients, ReferralService referrals,
            WardService wards, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.patients = patients;
        this.referrals = referrals;
        this.wards = wards;
        this.events = events;
        this.clock = clock;
    }

    /** The threshold in force for the patient: their override, else their ward's policy, else the national 5. */
    @Transactional(readOnly = true)
    public EscalationPolicy effectivePolicy(PatientId patient) {
        return repository.activeOverride(patient)
                .or(() -> referrals.currentWard(patient).flatMap(repository::wardPolicy))
                .orElse(new EscalationPolicy(EscalationRule.NEWS2_DEFAULT_ALERT_FROM, "national default",
                        "RCP NEWS2 Chart 4 urgent response threshold", null, null));
    }

    /**
     * The NEWS2 alert threshold in force for each patient, for a whole batch with three queries: overrides, current
     * wards, ward policies. Same precedence as {@link #effectivePolicy}.
     */
    @Transactional(readOnly = true)
    public java.util.Map<PatientId, Integer> news2Thresholds(java.util.Collection<PatientId> patients) {
        java.util.Map<PatientId, Integer> thresholds = new java.util.HashMap<>(repository.activeOverrides(patients));
        java.util.List<PatientId> rest = patients.stream().filter(p -> !thresholds.containsKey(p)).toList();
        if (!rest.isEmpty()) {
            java.util.Map<PatientId, WardId> wardOf = referrals.currentWards(rest);
            java.util.Map<WardId, Integer> wardPolicies = repository.wardThresholds(wardOf.values());
            for (PatientId patient : rest) {
                WardId ward = wardOf.get(patient);
                thresholds.put(patient, ward == null ? EscalationRule.NEWS2_DEFAULT_ALERT_FROM
                        : wardPolicies.getOrDefault(ward, EscalationRule.NEWS2_DEFAULT_ALERT_FROM));
            }
        }
        return thresholds;
    }

    @Transactional
    public EscalationPolicy policyFor(CurrentUser user, PatientId patient) {
        patients.requireAccess(user, patient);
        return effectivePolicy(patient);
    }

    @Transactional
    public List<String> overrideHistory(CurrentUser user, PatientId patient) {
        patients.requireAccess(user, patient);
        return repository.overrideHistory(patient);
    }

    @Transactional
    public EscalationPolicy setWardPolicy(CurrentUser user, WardId ward, Integer news2AlertFromTotal, String reason) {
        user.requireRole("set a ward's escalation policy", Role.SENIOR_DECISION_MAKER);
        wards.ward(ward);
        int threshold = checkedThreshold(news2AlertFromTotal, EscalationRule.NEWS2_DEFAULT_ALERT_FROM);
        repository.setWardPolicy(ward, threshold, requiredReason(reason), user.username(), clock.instant());
        events.publishEvent(new RecordAccessed(user.actor(), RecordAccessed.Action.UPDATE, "WardEscalationPolicy",
                ward.toString(), null, "NEWS2 alerts from " + threshold + ": " + reason.trim()));
        return repository.wardPolicy(ward).orElseThrow();
    }

    /** A senior clinician alerts earlier for one patient than their ward does. */
    @Transactional
    public EscalationPolicy tighten(CurrentUser user, PatientId patient, Integer news2AlertFromTotal, String reason) {
        user.requireRole("tighten a patient's escalation policy", Role.SENIOR_DECISION_MAKER);
        patients.requireAccess(user, patient);
        EscalationPolicy current = effectivePolicy(patient);
        int threshold = checkedThreshold(news2AlertFromTotal, current.news2AlertFromTotal() - 1);
        Instant now = clock.instant();
        repository.endOverride(patient, user.username(), now);
        repository.addOverride(patient, threshold, requiredReason(reason), user.username(), now);
        events.publishEvent(new RecordAccessed(user.actor(), RecordAccessed.Action.UPDATE, "EscalationPolicy", null,
                patient.value(), "NEWS2 alerts from " + threshold + " (was " + current.news2AlertFromTotal() + ", "
                        + current.source() + "): " + reason.trim()));
        return effectivePolicy(patient);
    }

    @Transactional
    public EscalationPolicy endOverride(CurrentUser user, PatientId patient) {
        user.requireRole("end a patient's escalation override", Role.SENIOR_DECISION_MAKER);
        patients.requireAccess(user, patient);
        if (repository.activeOverride(patient).isEmpty()) {
            throw new RefusedException("This patient has no escalation override to end");
        }
        repository.endOverride(patient, user.username(), clock.instant());
        events.publishEvent(new RecordAccessed(user.actor(), RecordAccessed.Action.UPDATE, "EscalationPolicy", null,
                patient.value(), "ended escalation override"));
        return effectivePolicy(patient);
    }

    private static int checkedThreshold(Integer threshold, int highestAllowed) {
        if (threshold == null) {
            throw new InvalidInputException("news2AlertFromTotal", "news2AlertFromTotal is required");
        }
        if (highestAllowed < 1) {
            throw new RefusedException("Alerts already come from NEWS2 1 for this patient; it cannot be tightened further");
        }
        if (threshold < 1 || threshold > highestAllowed) {
            throw new InvalidInputException("news2AlertFromTotal", "news2AlertFromTotal must be from 1 to " + highestAllowed
                    + ": a policy can only make alerts come earlier than they do now");
        }
        return threshold;
    }

    private static String requiredReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "Say why (for example: known to deteriorate quickly; lives alone)");
        }
        return reason.trim();
    }
}
