package org.homeward.scoring;

/** The seven rows of NEWS2 Chart 1. */
public enum News2Parameter {
    RESPIRATION_RATE, OXYGEN_SATURATION, AIR_OR_OXYGEN, SYSTOLIC_BLOOD_PRESSURE, PULSE, CONSCIOUSNESS, TEMPERATURE
}
