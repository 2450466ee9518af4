package org.homeward.scoring;

import java.time.Instant;

/**
 * One set of NEWS2 observations. Any value may be missing ({@code null}); the result then says which, and is
 * partial.
 *
 * @param scale Scale 1 unless Scale 2 has been documented for this patient, with who and when
 * @param scale2DocumentedBy the clinician who documented hypercapnic respiratory failure (required for Scale 2)
 * @param scale2DocumentedAt when they documented it (required for Scale 2)
 */
public record News2Input(Double respirationRatePerMinute, Double oxygenSaturationPercent, SpO2Scale scale,
        Boolean onOxygen, Double systolicBloodPressureMmHg, Double pulsePerMinute, Consciousness consciousness,
        Double temperatureCelsius, String scale2DocumentedBy, Instant scale2DocumentedAt) {

    /** A Scale 1 set. */
    public static News2Input scale1(Double respirationRate, Double spo2, Boolean onOxygen, Double systolic,
            Double pulse, Consciousness consciousness, Double temperature) {
        return new News2Input(respirationRate, spo2, SpO2Scale.SCALE_1, onOxygen, systolic, pulse, consciousness,
                temperature, null, null);
    }
}
