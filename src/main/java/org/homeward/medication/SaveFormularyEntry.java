package org.homeward.medication;

import java.math.BigDecimal;
import java.util.Set;

/** A formulary entry to add, or (with a reason) the new reading of one. See {@link FormularyEntry} for the fields. */
public record SaveFormularyEntry(String name, String form, String strength, Set<Route> routes, DoseUnit doseUnit,
        BigDecimal adultDoseMin, BigDecimal adultDoseMax, BigDecimal childDosePerKgMinMg,
        BigDecimal childDosePerKgMaxMg, BigDecimal childMaxDose, boolean timeCritical, boolean secondChecker,
        boolean controlledDrug, boolean antimicrobial, SubstanceClass substanceClass, String dmdCode,
        String dmdSource, String doseSource, String reason) {
}
