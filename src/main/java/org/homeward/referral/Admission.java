package org.homeward.referral;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.homeward.shared.AdmissionId;
import org.homeward.shared.DateWords;
import org.homeward.shared.InvalidInputException;
import org.homeward.shared.PatientId;
import org.homeward.shared.ReferralId;
import org.homeward.shared.RefusedException;
import org.homeward.shared.UserId;
import org.homeward.shared.WardId;

/** The admission aggregate: open from admission until {@link #discharge} records where the patient went. */
class Admission {

    private AdmissionView admitted;
    private Instant dischargedAt;
    private LocalDate dischargeDate;
    private DischargeDestination destination;
    private String destinationDetail;
    private String onwardReferrals;
    private String summary;
    private Integer lengthOfStayDays;
    private UserId dischargedBy;
    private final int version;

    Admission(AdmissionView view, int version) {
        this.admitted = view;
        this.dischargedAt = view.dischargedAt();
        this.dischargeDate = view.dischargeDate();
        this.destination = view.dischargeDestination();
        this.destinationDetail = view.dischargeDestinationDetail();
        this.onwardReferrals = view.onwardReferrals();
        this.summary = view.dischargeSummary();
        this.lengthOfStayDays = view.lengthOfStayDays();
        this.version = version;
    }

    static Admission open(AdmissionId id, ReferralId referralId, PatientId patientId, WardId wardId,
            UserId accountableClinicianId, String accountableClinicianName, Instant admittedAt, ZoneId zone,
            LocalDate estimatedDischargeDate, ConsentGivenBy consentGivenBy, boolean patientHasCapacity,
            String consentingPersonName, String consentingPersonRole, String sharedDecisionRecord,
            Instant accountabilityTransferredAt, AssessmentScores.Recorded assessment,
            String estimatedDischargeReason) {
        LocalDate admissionDate = admittedAt.atZone(zone).toLocalDate();
        String reason = EstimatedDischarge.check(admissionDate, estimatedDischargeDate, estimatedDischargeReason,
                "estimatedDischargeDate", "estimatedDischargeReason");
        return new Admission(new AdmissionView(id, referralId, patientId, wardId, accountableClinicianId,
                accountableClinicianName, admittedAt, admissionDate, estimatedDischargeDate, consentGivenBy,
                patientHasCapacity, consentingPersonName, consentingPersonRole, sharedDecisionRecord,
                accountabilityTransferredAt, null, null, null, null, null, null, null, assessment, reason), 0);
    }

    /**
     * Revises the estimated discharge date (KLoE 10.1: patients are discussed daily), always with a reason; the
     * revised date obeys the same rule as the first ({@link EstimatedDischarge}) and is not in the past.
     */
    EddRevision reviseEstimatedDischarge(LocalDate revised, String reason, LocalDate today, UserId by, String byName,
            Instant at) {
        if (dischargedAt != null) {
            throw new RefusedException("This patient was discharged on " + DateWords.day(dischargeDate)
                    + "; the estimated discharge date of a closed admission cannot be revised");
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "Give the reason the estimated discharge date changes");
        }
        if (revised.isBefore(today)) {
            throw new InvalidInputException("estimatedDischargeDate", "The revised estimated discharge date must not "
                    + "be in the past (today is " + DateWords.day(today)
                    + "); discharge the patient if they are ready");
        }
        LocalDate previous = admitted.estimatedDischargeDate();
        if (revised.equals(previous)) {
            throw new InvalidInputException("estimatedDischargeDate",
                    "The estimated discharge date is already " + DateWords.day(previous));
        }
        String trimmed = EstimatedDischarge.check(admitted.admissionDate(), revised, reason, "estimatedDischargeDate",
                "reason");
        AdmissionView a = admitted;
        admitted = new AdmissionView(a.id(), a.referralId(), a.patientId(), a.wardId(), a.accountableClinicianId(),
                a.accountableClinicianName(), a.admittedAt(), a.admissionDate(), revised, a.consentGivenBy(),
                a.patientHasCapacity(), a.consentingPersonName(), a.consentingPersonRole(), a.sharedDecisionRecord(),
                a.accountabilityTransferredAt(), a.dischargedAt(), a.dischargeDate(), a.dischargeDestination(),
                a.dischargeDestinationDetail(), a.onwardReferrals(), a.dischargeSummary(), a.lengthOfStayDays(),
                a.assessment(), trimmed);
        return new EddRevision(java.util.UUID.randomUUID(), a.id(), previous, revised, trimmed, by, byName, at);
    }

    void discharge(DischargePatient command, Instant at, ZoneId zone, Instant now, UserId by) {
        if (dischargedAt != null) {
            throw new RefusedException("This patient was already discharged on " + DateWords.day(dischargeDate)
                    + "; the admission is closed");
        }
        if (at.isBefore(admitted.admittedAt())) {
            throw new InvalidInputException("dischargedAt", "Discharge cannot be before admission ("
                    + admitted.admittedAt().atZone(zone).toLocalDateTime().withNano(0) + ")");
        }
        if (at.isAfter(now)) {
            throw new InvalidInputException("dischargedAt", "Discharge time must not be in the future");
        }
        if (command.destination() == DischargeDestination.OTHER
                && (command.destinationDetail() == null || command.destinationDetail().isBlank())) {
            throw new InvalidInputException("destinationDetail", "Say where the patient went when the destination is 'Other'");
        }
        dischargedAt = at;
        dischargeDate = at.atZone(zone).toLocalDate();
        destination = command.destination();
        destinationDetail = blankToNull(command.destinationDetail());
        onwardReferrals = blankToNull(command.onwardReferrals());
        summary = command.summary().trim();
        lengthOfStayDays = LengthOfStay.days(admitted.admissionDate(), dischargeDate);
        dischargedBy = by;
    }

    AdmissionView view() {
        AdmissionView a = admitted;
        return new AdmissionView(a.id(), a.referralId(), a.patientId(), a.wardId(), a.accountableClinicianId(),
                a.accountableClinicianName(), a.admittedAt(), a.admissionDate(), a.estimatedDischargeDate(),
                a.consentGivenBy(), a.patientHasCapacity(), a.consentingPersonName(), a.consentingPersonRole(),
                a.sharedDecisionRecord(), a.accountabilityTransferredAt(), dischargedAt, dischargeDate, destination,
                destinationDetail, onwardReferrals, summary, lengthOfStayDays, a.assessment(),
                a.estimatedDischargeReason());
    }

    UserId dischargedBy() {
        return dischargedBy;
    }

    int version() {
        return version;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
