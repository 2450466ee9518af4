package org.homeward.referral;

import org.homeward.patient.PatientSummary;

/** One patient on a ward's census. */
public record CensusRow(AdmissionView admission, PatientSummary patient, int ageYears, int dayOfStay,
        int lengthOfStayDays, int daysOverEstimatedDischarge, boolean reachedFourteenDays) {
}
