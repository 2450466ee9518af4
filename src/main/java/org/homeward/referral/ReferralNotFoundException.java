package org.homeward.referral;

import org.homeward.shared.AdmissionId;
import org.homeward.shared.NotFoundException;
import org.homeward.shared.ReferralId;

/** No referral or admission with that id. */
public class ReferralNotFoundException extends NotFoundException {

    private ReferralNotFoundException(String message) {
        super(message);
    }

    public static ReferralNotFoundException forId(ReferralId id) {
        return new ReferralNotFoundException("No referral with id " + id);
    }

    public static ReferralNotFoundException forAdmission(AdmissionId id) {
        return new ReferralNotFoundException("No admission with id " + id);
    }
}
