package org.homeward.demo;

import java.time.Instant;
import org.homeward.referral.DischargeDestination;
import org.homeward.referral.DischargePatient;

/** A discharge that has already happened. */
record DischargePlan(Instant dischargedAt, DischargeDestination destination, String destinationDetail,
        String onwardReferrals, String summary) {

    DischargePatient command() {
        return new DischargePatient(dischargedAt, destination, destinationDetail, onwardReferrals, summary);
    }
}
