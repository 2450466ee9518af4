package org.homeward.referral;

import java.time.Instant;
import java.time.LocalDate;
import org.homeward.shared.AdmissionId;
import org.homeward.shared.PatientId;
import org.homeward.shared.ReferralId;
import org.homeward.shared.UserId;
import org.homeward.shared.WardId;

/** An admission, open or discharged. */
public record AdmissionView(AdmissionId id, ReferralId referralId, PatientId patientId, WardId wardId,
        UserId accountableClinicianId, String accountableClinicianName, Instant admittedAt, LocalDate admissionDate,
        LocalDate estimatedDischargeDate, ConsentGivenBy consentGivenBy, boolean patientHasCapacity,
        String consentingPersonName, String consentingPersonRole, String sharedDecisionRecord,
        Instant accountabilityTransferredAt, Instant dischargedAt, LocalDate dischargeDate,
        DischargeDestination dischargeDestination, String dischargeDestinationDetail, String onwardReferrals,
        String dischargeSummary, Integer lengthOfStayDays, AssessmentScores.Recorded assessment,
        String estimatedDischargeReason) {

    /** An admission whose estimated discharge date has no reason recorded. */
    public AdmissionView(AdmissionId id, ReferralId referralId, PatientId patientId, WardId wardId,
            UserId accountableClinicianId, String accountableClinicianName, Instant admittedAt, LocalDate admissionDate,
            LocalDate estimatedDischargeDate, ConsentGivenBy consentGivenBy, boolean patientHasCapacity,
            String consentingPersonName, String consentingPersonRole, String sharedDecisionRecord,
            Instant accountabilityTransferredAt, Instant dischargedAt, LocalDate dischargeDate,
            DischargeDestination dischargeDestination, String dischargeDestinationDetail, String onwardReferrals,
            String dischargeSummary, Integer lengthOfStayDays, AssessmentScores.Recorded assessment) {
        this(id, referralId, patientId, wardId, accountableClinicianId, accountableClinicianName, admittedAt,
                admissionDate, estimatedDischargeDate, consentGivenBy, patientHasCapacity, consentingPersonName,
                consentingPersonRole, sharedDecisionRecord, accountabilityTransferredAt, dischargedAt, dischargeDate,
                dischargeDestination, dischargeDestinationDetail, onwardReferrals, dischargeSummary, lengthOfStayDays,
                assessment, null);
    }

    /** The day of stay the estimated discharge date falls on (the admission day is day 1). */
    public int estimatedDischargeDayOfStay() {
        return LengthOfStay.dayOfStay(admissionDate, estimatedDischargeDate);
    }

    public boolean isOpen() {
        return dischargedAt == null;
    }

    public int lengthOfStaySoFar(LocalDate today) {
        return LengthOfStay.days(admissionDate, isOpen() ? today : dischargeDate);
    }

    public int dayOfStay(LocalDate today) {
        return LengthOfStay.dayOfStay(admissionDate, today);
    }

    public int daysOverEstimatedDischarge(LocalDate today) {
        return LengthOfStay.daysOverEstimatedDischarge(estimatedDischargeDate, isOpen() ? today : dischargeDate);
    }

    public boolean reachedFourteenDays(LocalDate today) {
        return LengthOfStay.reachedExpectedMaximum(admissionDate, isOpen() ? today : dischargeDate);
    }
}
