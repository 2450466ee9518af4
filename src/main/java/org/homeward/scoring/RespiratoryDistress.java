package org.homeward.scoring;

/** Respiratory distress on the national PEWS charts: none 0, mild 1, moderate 2, severe 4. */
public enum RespiratoryDistress {
    NONE(0), MILD(1), MODERATE(2), SEVERE(4);

    private final int score;

    RespiratoryDistress(int score) {
        this.score = score;
    }

    public int score() {
        return score;
    }
}
