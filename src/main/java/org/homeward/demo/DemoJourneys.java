package org.homeward.demo;

import java.util.List;
import java.util.Map;
import org.homeward.patient.PatientService;
import org.homeward.referral.AdmissionView;
import org.homeward.referral.ReferralService;
import org.homeward.referral.ReferralView;
import org.homeward.security.CurrentUser;
import org.homeward.security.Organisation;
import org.homeward.security.UserAccount;
import org.homeward.shared.CarerId;
import org.homeward.shared.PatientId;
import org.homeward.ward.VirtualWard;

/**
 * Replays planned journeys through the public services as the people who would do each step, so demo data passes
 * every rule and audit a real journey does: the referrer registers and refers, a senior decision-maker triages, admits
 * and discharges. Care teams follow the same rules as a real journey: referral and admission share the care with the
 * ward's organisations (see {@link DemoWard#visiting()}) and the GP federation covering the patient's practice.
 */
final class DemoJourneys {

    private final PatientService patients;
    private final ReferralService referrals;
    private final Map<String, UserAccount> staff;
    private final Map<DemoWardCopy, VirtualWard> wards;
    private final Map<DemoOrganisation, Organisation> organisations;

    DemoJourneys(PatientService patients, ReferralService referrals, Map<String, UserAccount> staff,
            Map<DemoWardCopy, VirtualWard> wards, Map<DemoOrganisation, Organisation> organisations) {
        this.patients = patients;
        this.referrals = referrals;
        this.staff = staff;
        this.wards = wards;
        this.organisations = organisations;
    }

    /** Replays the journey and returns the patient it registered. */
    PatientId replay(EpisodePlan episode) {
        return replay(-1, episode);
    }

    private DemoReconciliations afterAdmission;

    /** What the team does right after each admission, before any discharge: the medicines reconciliation. */
    void afterAdmission(DemoReconciliations reconciliations) {
        this.afterAdmission = reconciliations;
    }

    /** Replays the journey (the plan's episode {@code index}) and returns the patient it registered. */
    PatientId replay(int index, EpisodePlan episode) {
        CurrentUser referrer = user(episode.referral().referrer());
        PatientId patient = patients.register(referrer, episode.patient().details()).summary().id();
        List<CarerId> carers = episode.patient().carers().stream()
                .map(carer -> patients.addCarer(referrer, patient, carer).id()).toList();
        ReferralView referral = referrals.refer(referrer,
                episode.referral().command(patient, wards.get(episode.onWard()).id()));
        if (episode.triage() == null) {
            return patient;
        }
        CurrentUser decider = user(episode.triage().decider());
        referrals.triage(decider, referral.id(), episode.triage().decision());
        if (episode.admission() == null) {
            return patient;
        }
        AdmissionPlan admission = episode.admission();
        CarerId consenting = admission.consentingCarerIndex() == null ? null
                : carers.get(admission.consentingCarerIndex());
        AdmissionView admitted = referrals.admit(decider, referral.id(), admission.command(decider.id(), consenting));
        if (afterAdmission != null) {
            afterAdmission.afterAdmission(index, episode, patient);
        }
        if (episode.discharge() != null) {
            referrals.discharge(decider, admitted.id(), episode.discharge().command());
        }
        return patient;
    }

    private CurrentUser user(String username) {
        return CurrentUser.of(staff.get(username));
    }
}
