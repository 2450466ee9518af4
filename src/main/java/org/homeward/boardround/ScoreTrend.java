package org.homeward.boardround;

/** The latest early-warning score against the one before it. */
public enum ScoreTrend {
    UP("Rising"),
    DOWN("Falling"),
    SAME("Unchanged");

    private final String label;

    ScoreTrend(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The trend from the previous total to the latest; null when there is no previous score to compare. */
    public static ScoreTrend between(Integer previous, int latest) {
        if (previous == null) {
            return null;
        }
        return latest > previous ? UP : latest < previous ? DOWN : SAME;
    }
}
