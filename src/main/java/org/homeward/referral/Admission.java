package org.homeward.referral;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.homeward.shared.AdmissionId;
import org.homeward.shared.InvalidInputException;
import org.homeward.shared.PatientId;
import org.homeward.shared.ReferralId;
import org.homeward.shared.RefusedException;
import org.homeward.shared.UserId;
import org.homeward.shared.WardId;

/** The admission aggregate: open from admission until {@link #discharge} records where the patient went. */
class Admission {

    private final AdmissionView admitted;
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
            Instant accountabilityTransferredAt, AssessmentScores.Recorded assessment) {
        LocalDate admissionDate = admittedAt.atZone(zone).toLocalDate();
        if (estimatedDischargeDate.isBefore(admissionDate)) {
            throw new InvalidInputException("estimatedDischargeDate",
                    "The estimated discharge date must not be before the admission date (" + admissionDate + ")");
        }
        return new Admission(new AdmissionView(id, referralId, patientId, wardId, accountableClinicianId,
                accountableClinicianName, admittedAt, admissionDate, estimatedDischargeDate, consentGivenBy,
                patientHasCapacity, consentingPersonName, consentingPersonRole, sharedDecisionRecord,
                accountabilityTransferredAt, null, null, null, null, null, null, null, assessment), 0);
    }

    void discharge(DischargePatient command, Instant at, ZoneId zone, Instant now, UserId by) {
        if (dischargedAt != null) {
            throw new RefusedException("This patient was already discharged on " + dischargeDate
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
                destinationDetail, onwardReferrals, summary, lengthOfStayDays, a.assessment());
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
