package org.homeward.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.DoubleFunction;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;

/** NEWS2 properties: the total is the sum of its parts, and making one parameter worse never lowers the score. */
class News2PropertyTests {

    @Property
    void totalIsTheSumOfTheParameterScores(@ForAll @DoubleRange(min = 0, max = 80) double rr,
            @ForAll @DoubleRange(min = 40, max = 100) double spo2, @ForAll boolean oxygen,
            @ForAll @DoubleRange(min = 30, max = 300) double sbp, @ForAll @DoubleRange(min = 10, max = 300) double pulse,
            @ForAll Consciousness acvpu, @ForAll @DoubleRange(min = 25, max = 45) double temp) {
        News2Result result = News2.score(News2Input.scale1(rr, spo2, oxygen, sbp, pulse, acvpu, temp));
        assertThat(result.total()).isEqualTo(result.parameterScores().values().stream().mapToInt(Integer::intValue).sum());
        assertThat(result.total()).isBetween(0, 20);
    }

    @Property
    void fasterBreathingAboveNormalNeverLowersTheScore(@ForAll @DoubleRange(min = 12, max = 79) double rr,
            @ForAll @DoubleRange(min = 0, max = 10) double worse) {
        assertNotLower(value -> base(value, 97, 120, 70, 37), rr, Math.min(80, rr + worse));
    }

    @Property
    void slowerBreathingBelowNormalNeverLowersTheScore(@ForAll @DoubleRange(min = 0, max = 20) double rr,
            @ForAll @DoubleRange(min = 0, max = 10) double worse) {
        assertNotLower(value -> base(value, 97, 120, 70, 37), rr, Math.max(0, rr - worse));
    }

    @Property
    void lowerSaturationNeverLowersTheScore(@ForAll @DoubleRange(min = 40, max = 100) double spo2,
            @ForAll @DoubleRange(min = 0, max = 20) double worse) {
        assertNotLower(value -> base(16, value, 120, 70, 37), spo2, Math.max(40, spo2 - worse));
    }

    @Property
    void moreExtremeBloodPressureNeverLowersTheScore(@ForAll @DoubleRange(min = 30, max = 300) double sbp,
            @ForAll @DoubleRange(min = 0, max = 60) double worse) {
        double further = sbp >= 165 ? Math.min(300, sbp + worse) : Math.max(30, sbp - worse);
        assertNotLower(value -> base(16, 97, value, 70, 37), sbp, further);
    }

    @Property
    void moreExtremePulseNeverLowersTheScore(@ForAll @DoubleRange(min = 10, max = 300) double pulse,
            @ForAll @DoubleRange(min = 0, max = 60) double worse) {
        double further = pulse >= 70 ? Math.min(300, pulse + worse) : Math.max(10, pulse - worse);
        assertNotLower(value -> base(16, 97, 120, value, 37), pulse, further);
    }

    @Property
    void moreExtremeTemperatureNeverLowersTheScore(@ForAll @DoubleRange(min = 25, max = 45) double temp,
            @ForAll @DoubleRange(min = 0, max = 5) double worse) {
        double further = temp >= 37.05 ? Math.min(45, temp + worse) : Math.max(25, temp - worse);
        assertNotLower(value -> base(16, 97, 120, 70, value), temp, further);
    }

    @Property
    void startingOxygenNeverLowersTheScore(@ForAll @DoubleRange(min = 40, max = 100) double spo2) {
        int onAir = News2.score(News2Input.scale1(16.0, spo2, false, 120.0, 70.0, Consciousness.ALERT, 37.0)).total();
        int onOxygen = News2.score(News2Input.scale1(16.0, spo2, true, 120.0, 70.0, Consciousness.ALERT, 37.0)).total();
        assertThat(onOxygen).isGreaterThanOrEqualTo(onAir);
    }

    private static News2Input base(double rr, double spo2, double sbp, double pulse, double temp) {
        return News2Input.scale1(rr, spo2, false, sbp, pulse, Consciousness.ALERT, temp);
    }

    private static void assertNotLower(DoubleFunction<News2Input> set, double value, double worse) {
        assertThat(News2.score(set.apply(worse)).total())
                .as("score at %s must not be below score at %s", worse, value)
                .isGreaterThanOrEqualTo(News2.score(set.apply(value)).total());
    }
}
