package org.homeward.referral;

import org.homeward.shared.AdmissionId;
import org.homeward.shared.PatientId;
import org.homeward.shared.WardId;

/** A patient left a virtual ward. */
public record PatientDischarged(AdmissionId admissionId, PatientId patientId, WardId wardId,
        DischargeDestination destination, int lengthOfStayDays) {
}
