package org.homeward.referral;

import org.homeward.shared.AdmissionId;
import org.homeward.shared.PatientId;
import org.homeward.shared.WardId;

/**
 * An open admission's ids and ward, nothing more: what a list of every admitted patient (the whole service's board
 * round) reads for each patient before it reads in full only the page it shows.
 */
public record OpenStay(AdmissionId id, PatientId patientId, WardId wardId) {
}
