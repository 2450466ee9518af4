package org.homeward.ward;

import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Set;
import java.util.stream.Collectors;
import org.homeward.shared.OrganisationId;
import org.homeward.shared.WardId;

/**
 * A virtual ward. Operating hours are the same every day of the week and always cover 08:00-20:00 (KLoE 2.1); out
 * of those hours the out-of-hours contact answers (KLoE 2.2, 2.3); in them the team answers on {@code inHoursPhone}. Patients aged {@code minAgeYears} to
 * {@code maxAgeYears} inclusive are eligible.
 */
public record VirtualWard(WardId id, String name, Set<Pathway> pathways, OrganisationId hostOrganisationId,
        int bedCapacity, LocalTime opensAt, LocalTime closesAt, String outOfHoursContact, String outOfHoursPhone,
        int minAgeYears, int maxAgeYears, String admissionCriteria, String inHoursPhone) {

    public boolean admitsAge(int ageYears) {
        return ageYears >= minAgeYears && ageYears <= maxAgeYears;
    }

    public boolean isPaediatric() {
        return pathways.contains(Pathway.PAEDIATRICS);
    }

    /** Whether the ward's own team answers at this local time: from opening, up to but not including closing. */
    public boolean isOpenAt(LocalTime localTime) {
        if (closesAt.isAfter(opensAt)) {
            return !localTime.isBefore(opensAt) && localTime.isBefore(closesAt);
        }
        return !localTime.isBefore(opensAt) || localTime.isBefore(closesAt);
    }

    /**
     * The number a patient or carer calls at this moment: the team's in-hours number while the ward is open, the
     * out-of-hours contact's number otherwise. Every page that gives patients a number uses this one rule.
     */
    public WardContact contactAt(ZonedDateTime moment) {
        if (isOpenAt(moment.toLocalTime())) {
            return new WardContact(inHoursPhone, "the " + name + " team (" + opensAt + " to " + closesAt + ")", true);
        }
        return new WardContact(outOfHoursPhone, outOfHoursContact + " (out of hours, " + closesAt + " to " + opensAt
                + ")", false);
    }

    public String pathwayLabels() {
        return pathways.stream().sorted().map(Pathway::label).collect(Collectors.joining(", "));
    }

    public String operatingHours() {
        return opensAt + "-" + closesAt + ", 7 days a week";
    }
}
