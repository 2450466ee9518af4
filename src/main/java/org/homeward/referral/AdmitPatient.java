package org.homeward.referral;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import org.homeward.shared.CarerId;
import org.homeward.shared.UserId;

/**
 * Admission of an accepted referral.
 *
 * @param admittedAt when the patient was admitted; now when not given
 * @param consentingCarerId for consent by a parent: the carer on the patient's record who holds parental
 *     responsibility
 * @param consentingPersonName for consent by a representative or a best interests decision: who
 * @param assessment Clinical Frailty Scale and 4AT at admission assessment (adults; optional)
 * @param accountabilityTransferredAt step-down only: when accountability passed from the inpatient consultant to the
 *     accountable clinician, before the patient left hospital (KLoE 1.2)
 * @param estimatedDischargeReason why the stay is expected to go past day 14; required only then
 *     ({@link EstimatedDischarge})
 */
public record AdmitPatient(
        @NotNull(message = "is required: the named consultant, consultant practitioner or GP accountable") UserId accountableClinicianId,
        @NotNull(message = "is required: agreed on admission") LocalDate estimatedDischargeDate,
        @NotNull(message = "is required") ConsentGivenBy consentGivenBy,
        @NotNull(message = "is required: does the patient have capacity to consent?") Boolean patientHasCapacity,
        CarerId consentingCarerId,
        @Size(max = 200, message = "must be at most {max} characters") String consentingPersonName,
        @Size(max = 200, message = "must be at most {max} characters") String consentingPersonRole,
        @NotNull(message = "must be confirmed: benefits and risks of care at home were discussed")
        @AssertTrue(message = "must be confirmed: benefits and risks of care at home were discussed") Boolean benefitsAndRisksDiscussed,
        @NotBlank(message = "is required: record the shared decision") @Size(max = 4000, message = "must be at most {max} characters") String sharedDecisionRecord,
        Instant accountabilityTransferredAt,
        Instant admittedAt,
        AssessmentScores assessment,
        @Size(max = 1000, message = "must be at most {max} characters") String estimatedDischargeReason) {

    /** An admission whose estimated discharge date needs no reason (within 14 days). */
    public AdmitPatient(UserId accountableClinicianId, LocalDate estimatedDischargeDate, ConsentGivenBy consentGivenBy,
            Boolean patientHasCapacity, CarerId consentingCarerId, String consentingPersonName,
            String consentingPersonRole, Boolean benefitsAndRisksDiscussed, String sharedDecisionRecord,
            Instant accountabilityTransferredAt, Instant admittedAt, AssessmentScores assessment) {
        this(accountableClinicianId, estimatedDischargeDate, consentGivenBy, patientHasCapacity, consentingCarerId,
                consentingPersonName, consentingPersonRole, benefitsAndRisksDiscussed, sharedDecisionRecord,
                accountabilityTransferredAt, admittedAt, assessment, null);
    }
}
