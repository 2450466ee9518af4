package org.homeward.referral;

import java.time.Instant;
import org.homeward.shared.AdmissionId;
import org.homeward.shared.PatientId;
import org.homeward.shared.WardId;

/**
 * A patient left a virtual ward. Published in the discharge's transaction: the modules that listen close their part of
 * the loop (interventions and visits, home links, monitoring and alerts) in it, so a failure rolls the discharge back.
 *
 * @param dischargedAt when the patient left (may be earlier than the moment it was recorded)
 * @param dischargedBy the username of the senior who discharged them
 */
public record PatientDischarged(AdmissionId admissionId, PatientId patientId, WardId wardId,
        DischargeDestination destination, int lengthOfStayDays, Instant dischargedAt, String dischargedBy) {
}
