package org.homeward.referral;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.homeward.shared.AdmissionId;
import org.homeward.shared.UserId;

/** One revision of an admission's estimated discharge date: from which date to which, why, by whom and when. */
public record EddRevision(UUID id, AdmissionId admissionId, LocalDate previousDate, LocalDate revisedDate,
        String reason, UserId revisedBy, String revisedByName, Instant revisedAt) {
}
