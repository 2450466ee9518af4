package org.homeward.scoring;

/** ACVPU (RCP NEWS2 2017, Chart 1): any level other than Alert scores 3. Confusion must be new; if unknown, treat as new. */
public enum Consciousness {
    ALERT, NEW_CONFUSION, VOICE, PAIN, UNRESPONSIVE
}
