package org.homeward.scoring;

/**
 * Oxygen support on the national PEWS charts. High flow, BiPAP and CPAP score 4 whatever the level ("score maximum of
 * 4 on oxygen delivery"); the other devices score by the oxygen level given.
 */
public enum OxygenDevice {
    NONE(false), NASAL_PRONGS(false), FACE_MASK(false), HEAD_BOX(false), NON_REBREATHER(false),
    HIGH_FLOW(true), BIPAP(true), CPAP(true);

    private final boolean scoresMaximum;

    OxygenDevice(boolean scoresMaximum) {
        this.scoresMaximum = scoresMaximum;
    }

    public boolean scoresMaximum() {
        return scoresMaximum;
    }
}
