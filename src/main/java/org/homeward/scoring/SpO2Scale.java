package org.homeward.scoring;

/**
 * NEWS2 oxygen saturation scales (RCP 2017, Chart 1). Scale 2 is only for patients with hypercapnic respiratory
 * failure and a prescribed target of 88-92 %, when a competent clinical decision-maker has documented it; everyone
 * else, including COPD without hypercapnic failure, uses Scale 1.
 */
public enum SpO2Scale {
    SCALE_1, SCALE_2
}
