package org.homeward.scoring;

import java.time.LocalDate;
import java.time.Period;

/**
 * The four national PEWS charts (NHS England, Sept 2023), chosen by the child's age in completed years on the day of
 * the observations; the chart changes on the 1st, 5th and 13th birthday.
 */
public enum PewsAgeChart {
    ZERO_TO_ELEVEN_MONTHS("0-11 months"),
    ONE_TO_FOUR_YEARS("1-4 years"),
    FIVE_TO_TWELVE_YEARS("5-12 years"),
    THIRTEEN_YEARS_AND_OVER("13+ years");

    private final String label;

    PewsAgeChart(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static PewsAgeChart forAge(LocalDate dateOfBirth, LocalDate onDate) {
        if (onDate.isBefore(dateOfBirth)) {
            throw new InvalidObservationException("dateOfBirth", "Date of birth must not be after the observation date");
        }
        int years = Period.between(dateOfBirth, onDate).getYears();
        if (years < 1) {
            return ZERO_TO_ELEVEN_MONTHS;
        }
        if (years < 5) {
            return ONE_TO_FOUR_YEARS;
        }
        return years < 13 ? FIVE_TO_TWELVE_YEARS : THIRTEEN_YEARS_AND_OVER;
    }
}
