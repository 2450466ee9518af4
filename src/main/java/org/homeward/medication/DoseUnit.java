package org.homeward.medication;

import java.math.BigDecimal;
import java.util.Optional;

/** The unit a dose is in. Mass units convert one to another; the others compare only with themselves. */
public enum DoseUnit {
    MICROGRAM("micrograms", new BigDecimal("0.001")),
    MG("mg", BigDecimal.ONE),
    G("g", new BigDecimal("1000")),
    ML("mL", null),
    LITRES_PER_MINUTE("litres per minute", null);

    private final String label;
    private final BigDecimal milligrams;

    DoseUnit(String label, BigDecimal milligrams) {
        this.label = label;
        this.milligrams = milligrams;
    }

    public String label() {
        return label;
    }

    /** Whether this is a unit of mass (micrograms, mg, g). */
    public boolean isMass() {
        return milligrams != null;
    }

    /** The amount in {@code target} units, or empty when the two units do not convert (mL and mg). */
    public Optional<BigDecimal> convert(BigDecimal amount, DoseUnit target) {
        if (this == target) {
            return Optional.of(amount);
        }
        if (!isMass() || !target.isMass()) {
            return Optional.empty();
        }
        return Optional.of(amount.multiply(milligrams).divide(target.milligrams, 6, java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros());
    }

    /** The amount in mg, or empty when this is not a unit of mass. */
    public Optional<BigDecimal> toMilligrams(BigDecimal amount) {
        return convert(amount, MG);
    }
}
