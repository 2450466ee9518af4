package org.homeward.ward;

import java.time.LocalTime;
import java.util.Set;
import java.util.stream.Collectors;
import org.homeward.shared.OrganisationId;
import org.homeward.shared.WardId;

/**
 * A virtual ward. Operating hours are the same every day of the week and always cover 08:00-20:00 (KLoE 2.1); out
 * of those hours the out-of-hours contact answers (KLoE 2.2, 2.3). Patients aged {@code minAgeYears} to
 * {@code maxAgeYears} inclusive are eligible.
 */
public record VirtualWard(WardId id, String name, Set<Pathway> pathways, OrganisationId hostOrganisationId,
        int bedCapacity, LocalTime opensAt, LocalTime closesAt, String outOfHoursContact, String outOfHoursPhone,
        int minAgeYears, int maxAgeYears, String admissionCriteria) {

    public boolean admitsAge(int ageYears) {
        return ageYears >= minAgeYears && ageYears <= maxAgeYears;
    }

    public boolean isPaediatric() {
        return pathways.contains(Pathway.PAEDIATRICS);
    }

    public String pathwayLabels() {
        return pathways.stream().sorted().map(Pathway::label).collect(Collectors.joining(", "));
    }

    public String operatingHours() {
        return opensAt + "-" + closesAt + ", 7 days a week";
    }
}
