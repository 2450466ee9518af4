package org.homeward.referral;

import java.time.Instant;
import java.time.LocalDate;
import org.homeward.shared.AdmissionId;
import org.homeward.shared.PatientId;
import org.homeward.shared.UserId;
import org.homeward.shared.WardId;

/**
 * A patient was admitted to a virtual ward. Published in the admission's transaction: the modules that listen start
 * their part (the monitoring schedule) in it, from what the event carries, without asking the referral module back.
 *
 * @param admittedAt when the patient was admitted (may be earlier than the moment it was recorded)
 */
public record PatientAdmitted(AdmissionId admissionId, PatientId patientId, WardId wardId,
        UserId accountableClinicianId, LocalDate estimatedDischargeDate, Instant admittedAt) {
}
