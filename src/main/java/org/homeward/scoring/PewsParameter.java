package org.homeward.scoring;

/** The scored rows of the national PEWS charts. */
public enum PewsParameter {
    RESPIRATORY_RATE, RESPIRATORY_DISTRESS, OXYGEN_SATURATION, OXYGEN_SUPPORT, HEART_RATE, SYSTOLIC_BLOOD_PRESSURE,
    CAPILLARY_REFILL
}
