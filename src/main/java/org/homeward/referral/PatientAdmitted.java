package org.homeward.referral;

import java.time.LocalDate;
import org.homeward.shared.AdmissionId;
import org.homeward.shared.PatientId;
import org.homeward.shared.UserId;
import org.homeward.shared.WardId;

/** A patient was admitted to a virtual ward. */
public record PatientAdmitted(AdmissionId admissionId, PatientId patientId, WardId wardId,
        UserId accountableClinicianId, LocalDate estimatedDischargeDate) {
}
