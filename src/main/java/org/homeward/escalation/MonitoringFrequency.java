package org.homeward.escalation;

import java.time.Duration;
import org.homeward.observation.EarlyWarningScore;

/**
 * How soon the next set of observations is due after this one.
 *
 * <ul>
 *   <li>NEWS2, RCP 2017 Chart 4: 0, 12-hourly; 1-4, 4-hourly (the shorter end of 4-6); a 3 in one parameter or 5-6,
 *       hourly; 7 or more, continuous, which at home means a set every 15 minutes until the patient is transferred
 *       or improves.</li>
 *   <li>National PEWS escalation card minimal observations: low, within 60 minutes; medium and high, every 30;
 *       emergency, every 15. With no escalation the card sets no frequency; 12-hourly is used, as for NEWS2 0.</li>
 * </ul>
 */
record MonitoringFrequency(Duration interval, String basis) {

    static final Duration CONTINUOUS_AT_HOME = Duration.ofMinutes(15);

    /** A set with nothing its score uses says nothing about the patient: a full set is asked for within the hour. */
    static final Duration UNSCORED = Duration.ofMinutes(60);

    static MonitoringFrequency of(EarlyWarningScore score) {
        if (!score.scored()) {
            return new MonitoringFrequency(UNSCORED, "no score (nothing the score uses was recorded): a full set "
                    + "within 60 minutes");
        }
        if (score.news2() != null) {
            Duration interval = score.news2().response().minimumInterval();
            return new MonitoringFrequency(interval.isZero() ? CONTINUOUS_AT_HOME : interval,
                    "NEWS2 " + score.total() + ": " + score.news2().response().monitoring().toLowerCase());
        }
        Duration interval;
        switch (score.pews().level()) {
            case EMERGENCY: interval = Duration.ofMinutes(15); break;
            case HIGH: case MEDIUM: interval = Duration.ofMinutes(30); break;
            case LOW: interval = Duration.ofMinutes(60); break;
            default: interval = Duration.ofHours(12);
        }
        return new MonitoringFrequency(interval, "PEWS " + score.total() + " (" + score.pews().level().label().toLowerCase()
                + "): next set within " + interval.toMinutes() + " minutes");
    }
}
