package org.homeward.medication;

import java.time.Instant;

/**
 * The patient's nominated community pharmacy, to which the discharge medicines record is addressed (NHS England
 * Discharge Medicines Service).
 *
 * @param odsCode the pharmacy's ODS code (F and four letters or digits), {@code null} when not known
 * @param recordedBy who recorded the nomination, as a record names people
 */
public record CommunityPharmacy(String name, String odsCode, String recordedBy, Instant recordedAt) {

    /** 'Boots, 12 High Street (FA123)'. */
    public String words() {
        return odsCode == null ? name : name + " (" + odsCode + ")";
    }
}
