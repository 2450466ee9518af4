package org.homeward.demo;

import java.time.Instant;
import java.time.LocalDate;
import org.homeward.referral.AdmitPatient;
import org.homeward.referral.ConsentGivenBy;
import org.homeward.shared.CarerId;
import org.homeward.shared.UserId;

/**
 * An admission. {@code consentingCarerIndex} points into the patient's planned carers for consent by a parent, because
 * carer ids exist only once the carers are added.
 */
record AdmissionPlan(Instant admittedAt, LocalDate estimatedDischargeDate, ConsentGivenBy consentGivenBy,
        boolean patientHasCapacity, Integer consentingCarerIndex, String consentingPersonName,
        String consentingPersonRole, String sharedDecisionRecord, Instant accountabilityTransferredAt) {

    AdmitPatient command(UserId accountableClinician, CarerId consentingCarer) {
        return new AdmitPatient(accountableClinician, estimatedDischargeDate, consentGivenBy, patientHasCapacity,
                consentingCarer, consentingPersonName, consentingPersonRole, true, sharedDecisionRecord,
                accountabilityTransferredAt, admittedAt, null);
    }
}
