package org.homeward.scoring;

/** Why a PEWS escalation level was reached: the score, or one of the chart's trigger criteria. */
public enum PewsTrigger {
    PEWS_SCORE, SUSPECTED_SEPSIS, SUSPECTED_SEPTIC_SHOCK, AVPU_CHANGE, ABNORMAL_PUPILS, CARER_QUESTION,
    CLINICAL_INTUITION, SPECIFIC_CONCERN
}
