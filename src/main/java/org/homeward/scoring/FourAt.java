package org.homeward.scoring;

/**
 * The 4AT rapid assessment test for delirium (www.the4at.com; Bellelli G et al. Age Ageing 2014;43(4):496-502).
 * Total 0-12: 4 or more, possible delirium (not diagnostic); 1-3, possible cognitive impairment; 0, delirium or
 * severe cognitive impairment unlikely (delirium still possible if item 4 information is incomplete).
 */
public final class FourAt {

    /** Item 1: normal or mild sleepiness under 10 s after waking scores 0; clearly abnormal scores 4. */
    public enum Alertness {
        NORMAL(0, "Normal (fully alert, but not agitated, throughout assessment)"),
        MILD_SLEEPINESS_UNDER_10_SECONDS(0, "Mild sleepiness for less than 10 seconds after waking, then normal"),
        CLEARLY_ABNORMAL(4, "Clearly abnormal");

        private final int points;
        private final String label;

        Alertness(int points, String label) {
            this.points = points;
            this.label = label;
        }

        public int points() {
            return points;
        }

        public String label() {
            return label;
        }
    }

    /** Item 2, AMT4 (age, date of birth, place, current year): no mistakes 0; one mistake 1; two or more or untestable 2. */
    public enum Amt4 {
        NO_MISTAKES(0, "No mistakes"),
        ONE_MISTAKE(1, "1 mistake"),
        TWO_OR_MORE_MISTAKES_OR_UNTESTABLE(2, "2 or more mistakes, or untestable");

        private final int points;
        private final String label;

        Amt4(int points, String label) {
            this.points = points;
            this.label = label;
        }

        public int points() {
            return points;
        }

        public String label() {
            return label;
        }
    }

    /** Item 3, months backwards: seven or more correct 0; starts but fewer than seven, or refuses, 1; untestable 2. */
    public enum Attention {
        SEVEN_OR_MORE_CORRECT(0, "Achieves 7 months or more correctly"),
        FEWER_THAN_SEVEN_OR_REFUSES(1, "Starts but scores fewer than 7 months, or refuses to start"),
        UNTESTABLE(2, "Untestable (cannot start because unwell, drowsy or inattentive)");

        private final int points;
        private final String label;

        Attention(int points, String label) {
            this.points = points;
            this.label = label;
        }

        public int points() {
            return points;
        }

        public String label() {
            return label;
        }
    }

    /** Item 4 scores 4 when there is acute change or a fluctuating course, else 0. */
    public static final int ACUTE_CHANGE_POINTS = 4;

    public enum Interpretation {
        DELIRIUM_UNLIKELY("Delirium or severe cognitive impairment unlikely"),
        POSSIBLE_COGNITIVE_IMPAIRMENT("Possible cognitive impairment"),
        POSSIBLE_DELIRIUM("Possible delirium, with or without cognitive impairment");

        private final String label;

        Interpretation(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public record Result(int total, Interpretation interpretation) {
    }

    private FourAt() {
    }

    /** Item 4: acute change or fluctuating course over the last 2 weeks, still evident in the last 24 h, scores 4. */
    public static Result score(Alertness alertness, Amt4 amt4, Attention attention, boolean acuteChangeOrFluctuation) {
        if (alertness == null || amt4 == null || attention == null) {
            throw new InvalidObservationException(alertness == null ? "alertness" : amt4 == null ? "amt4" : "attention",
                    "Every 4AT item must be answered");
        }
        int total = alertness.points() + amt4.points() + attention.points()
                + (acuteChangeOrFluctuation ? ACUTE_CHANGE_POINTS : 0);
        Interpretation interpretation = total >= 4 ? Interpretation.POSSIBLE_DELIRIUM
                : total >= 1 ? Interpretation.POSSIBLE_COGNITIVE_IMPAIRMENT
                : Interpretation.DELIRIUM_UNLIKELY;
        return new Result(total, interpretation);
    }
}
