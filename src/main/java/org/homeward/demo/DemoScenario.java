package org.homeward.demo;

import java.util.List;
import java.util.Set;
import org.homeward.referral.Intervention;
import org.homeward.referral.ReferralSource;

/**
 * A presenting condition the demo service treats: who has it, where the referral comes from, what the referrer writes,
 * why the senior decision-maker accepts it, what was done and how long it usually takes.
 *
 * @param mayLackCapacity delirium and falls in frail older people: some of these patients cannot consent themselves
 */
record DemoScenario(String condition, Set<Intervention> interventions, AgeBand ages, List<ReferralSource> sources,
        String reason, String acceptReason, String treatment, int typicalStayDays, String onwardReferrals,
        boolean mayLackCapacity) {

    boolean canStepDown() {
        return sources.contains(ReferralSource.INPATIENT_WARD);
    }
}
