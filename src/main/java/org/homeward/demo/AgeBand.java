package org.homeward.demo;

import java.time.LocalDate;

/**
 * Ages a scenario occurs at, in whole years, or in days for newborns (neonatal jaundice is a first-week problem).
 */
record AgeBand(int min, int max, boolean inDays) {

    static AgeBand years(int min, int max) {
        return new AgeBand(min, max, false);
    }

    static AgeBand days(int min, int max) {
        return new AgeBand(min, max, true);
    }

    /**
     * A birth date giving an age in the band on {@code on}. Whole-year ages are at least a month and at most ten months
     * past the birthday, so the age stays the same for the weeks between referral and admission.
     */
    LocalDate dateOfBirth(DemoRandom random, LocalDate on) {
        if (inDays) {
            return on.minusDays(random.between(min, max));
        }
        return on.minusYears(random.between(min, max)).minusDays(random.between(30, 300));
    }
}
