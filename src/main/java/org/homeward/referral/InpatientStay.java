package org.homeward.referral;

import java.time.Instant;
import java.util.List;
import org.homeward.shared.ReferralId;

/**
 * A step-down referral's inpatient stay as the acute hospital reported it, oldest event first.
 *
 * @param leftAcuteWardAt when the patient left the acute ward (the last discharge not cancelled since), or
 *     {@code null} while they are still an inpatient as far as the hospital has said
 */
public record InpatientStay(ReferralId referralId, List<InpatientEvent> events, Instant leftAcuteWardAt) {

    /** The stay the events describe: a cancelled discharge (A13) undoes the discharge before it. */
    static InpatientStay of(ReferralId referral, List<InpatientEvent> events) {
        Instant left = null;
        for (InpatientEvent e : events) {
            switch (e.kind()) {
                case DISCHARGED -> left = e.occurredAt();
                case DISCHARGE_CANCELLED, ADMITTED, TRANSFERRED -> left = null;
                default -> {
                }
            }
        }
        return new InpatientStay(referral, List.copyOf(events), left);
    }
}
