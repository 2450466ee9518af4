package org.homeward.scoring;

/**
 * The 4AT rapid assessment test for delirium (www.the4at.com; Bellelli G et al. Age Ageing 2014;43(4):496-502).
 * Total 0-12: 4 or more, possible delirium (not diagnostic); 1-3, possible cognitive impairment; 0, delirium or
 * severe cognitive impairment unlikely (delirium still possible if item 4 information is incomplete).
 */
public final class FourAt {

    /** Item 1: normal or mild sleepiness under 10 s after waking scores 0; clearly abnormal scores 4. */
    public enum Alertness { NORMAL, MILD_SLEEPINESS_UNDER_10_SECONDS, CLEARLY_ABNORMAL }

    /** Item 2, AMT4 (age, date of birth, place, current year): no mistakes 0; one mistake 1; two or more or untestable 2. */
    public enum Amt4 { NO_MISTAKES, ONE_MISTAKE, TWO_OR_MORE_MISTAKES_OR_UNTESTABLE }

    /** Item 3, months backwards: seven or more correct 0; starts but fewer than seven, or refuses, 1; untestable 2. */
    public enum Attention { SEVEN_OR_MORE_CORRECT, FEWER_THAN_SEVEN_OR_REFUSES, UNTESTABLE }

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
        int total = (alertness == Alertness.CLEARLY_ABNORMAL ? 4 : 0) + amt4.ordinal() + attention.ordinal()
                + (acuteChangeOrFluctuation ? 4 : 0);
        Interpretation interpretation = total >= 4 ? Interpretation.POSSIBLE_DELIRIUM
                : total >= 1 ? Interpretation.POSSIBLE_COGNITIVE_IMPAIRMENT
                : Interpretation.DELIRIUM_UNLIKELY;
        return new Result(total, interpretation);
    }
}
