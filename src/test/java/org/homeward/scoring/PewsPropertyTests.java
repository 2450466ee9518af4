package org.homeward.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/** National PEWS properties: the total is the sum of its parts, and a worse value never lowers the score. */
class PewsPropertyTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @Property
    void totalIsTheSumOfTheParameterScores(@ForAll @IntRange(min = 0, max = 17) int ageYears,
            @ForAll @DoubleRange(min = 0, max = 150) double rr, @ForAll RespiratoryDistress distress,
            @ForAll @DoubleRange(min = 40, max = 100) double spo2, @ForAll @DoubleRange(min = 20, max = 350) double hr,
            @ForAll @DoubleRange(min = 20, max = 250) double sbp, @ForAll @DoubleRange(min = 0, max = 20) double crt) {
        PewsResult result = Pews.score(PewsInputBuilder.normalFor(TODAY.minusYears(ageYears), TODAY).respiratoryRate(rr)
                .distress(distress).saturation(spo2).heartRate(hr).systolic(sbp).capillaryRefill(crt).build());
        assertThat(result.total()).isEqualTo(result.parameterScores().values().stream().mapToInt(Integer::intValue).sum());
        assertThat(result.total()).isBetween(0, 26);
        assertThat(result.level().ordinal()).isGreaterThanOrEqualTo(PewsEscalationLevel.forTotal(result.total()).ordinal());
    }

    @Property
    void moreExtremeHeartRateNeverLowersTheScore(@ForAll @IntRange(min = 0, max = 17) int ageYears,
            @ForAll @DoubleRange(min = 20, max = 350) double hr, @ForAll @DoubleRange(min = 0, max = 60) double worse) {
        LocalDate born = TODAY.minusYears(ageYears);
        double normal = PewsInputBuilder.normalFor(born, TODAY).build().heartRatePerMinute();
        double further = hr >= normal ? Math.min(350, hr + worse) : Math.max(20, hr - worse);
        assertThat(score(PewsInputBuilder.normalFor(born, TODAY).heartRate(further)))
                .isGreaterThanOrEqualTo(score(PewsInputBuilder.normalFor(born, TODAY).heartRate(hr)));
    }

    @Property
    void moreExtremeBreathingNeverLowersTheScore(@ForAll @IntRange(min = 0, max = 17) int ageYears,
            @ForAll @DoubleRange(min = 0, max = 150) double rr, @ForAll @DoubleRange(min = 0, max = 30) double worse) {
        LocalDate born = TODAY.minusYears(ageYears);
        double normal = PewsInputBuilder.normalFor(born, TODAY).build().respiratoryRatePerMinute();
        double further = rr >= normal ? Math.min(150, rr + worse) : Math.max(0, rr - worse);
        assertThat(score(PewsInputBuilder.normalFor(born, TODAY).respiratoryRate(further)))
                .isGreaterThanOrEqualTo(score(PewsInputBuilder.normalFor(born, TODAY).respiratoryRate(rr)));
    }

    @Property
    void moreExtremeBloodPressureNeverLowersTheScore(@ForAll @IntRange(min = 0, max = 17) int ageYears,
            @ForAll @DoubleRange(min = 20, max = 250) double sbp, @ForAll @DoubleRange(min = 0, max = 40) double worse) {
        LocalDate born = TODAY.minusYears(ageYears);
        double normal = PewsInputBuilder.normalFor(born, TODAY).build().systolicBloodPressureMmHg();
        double further = sbp >= normal ? Math.min(250, sbp + worse) : Math.max(20, sbp - worse);
        assertThat(score(PewsInputBuilder.normalFor(born, TODAY).systolic(further)))
                .isGreaterThanOrEqualTo(score(PewsInputBuilder.normalFor(born, TODAY).systolic(sbp)));
    }

    @Property
    void lowerSaturationOrMoreOxygenNeverLowersTheScore(@ForAll @DoubleRange(min = 40, max = 100) double spo2,
            @ForAll @DoubleRange(min = 0, max = 20) double worse, @ForAll @DoubleRange(min = 0.01, max = 40) double flow,
            @ForAll @DoubleRange(min = 0, max = 20) double more) {
        LocalDate born = TODAY.minusYears(3);
        assertThat(score(PewsInputBuilder.normalFor(born, TODAY).saturation(Math.max(40, spo2 - worse))))
                .isGreaterThanOrEqualTo(score(PewsInputBuilder.normalFor(born, TODAY).saturation(spo2)));
        assertThat(score(PewsInputBuilder.normalFor(born, TODAY).oxygen(OxygenDevice.NASAL_PRONGS, null, flow + more)))
                .isGreaterThanOrEqualTo(score(PewsInputBuilder.normalFor(born, TODAY).oxygen(OxygenDevice.NASAL_PRONGS, null, flow)));
    }

    private static int score(PewsInputBuilder set) {
        return Pews.score(set.build()).total();
    }
}
