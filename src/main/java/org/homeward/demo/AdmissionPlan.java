package org.homeward.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
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

    /** Why a stay was expected at admission to go past day 14, as the admitting consultant would say it. */
    static final String LONG_STAY_REASON = "Complex needs recognised at admission: a longer course of treatment at home"
            + " agreed with the patient or carer";

    AdmitPatient command(UserId accountableClinician, CarerId consentingCarer) {
        return new AdmitPatient(accountableClinician, estimatedDischargeDate, consentGivenBy, patientHasCapacity,
                consentingCarer, consentingPersonName, consentingPersonRole, true, sharedDecisionRecord,
                accountabilityTransferredAt, admittedAt, null, longStay() ? LONG_STAY_REASON : null);
    }

    /**
     * An estimated discharge date that may fall after day 14 of the stay needs a reason. The admission date in the
     * service's zone (UK) is never before the UTC date, so counting from the UTC date never misses one.
     */
    private boolean longStay() {
        return estimatedDischargeDate.isAfter(admittedAt.atZone(ZoneOffset.UTC).toLocalDate().plusDays(13));
    }
}
