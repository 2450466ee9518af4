package org.homeward.medication;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A medicine in the service's formulary, as its newest version reads.
 *
 * @param doseUnit the unit of the dose ranges and of the child maximum dose
 * @param adultDoseMin usual adult dose per administration, lowest; {@code null} when the formulary gives none
 * @param childDosePerKgMinMg child dose per administration in mg per kg, lowest; {@code null} when none is given
 * @param childMaxDose the most a child is given per administration, in {@code doseUnit}; {@code null} when none
 * @param secondChecker a second person checks each dose given at home
 * @param dmdCode the dm+d VMP or AMP id, only where {@code dmdSource} names where it comes from
 * @param doseSource where the dose ranges come from (BNF or BNFc, by name and section)
 */
public record FormularyEntry(UUID id, int version, String name, String form, String strength, Set<Route> routes,
        DoseUnit doseUnit, BigDecimal adultDoseMin, BigDecimal adultDoseMax, BigDecimal childDosePerKgMinMg,
        BigDecimal childDosePerKgMaxMg, BigDecimal childMaxDose, boolean timeCritical, boolean secondChecker,
        boolean controlledDrug, boolean antimicrobial, SubstanceClass substanceClass, String dmdCode,
        String dmdSource, String doseSource, String savedBy, Instant savedAt, String reason) {

    /** 'Ceftriaxone 2 g powder for solution for injection': name, strength and form. */
    public String words() {
        return name + " " + strength + " " + form;
    }
}
