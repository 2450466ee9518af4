package org.homeward.scoring;

/** Level of consciousness on the PEWS charts: not scored, but V, P and U are escalation triggers. */
public enum Avpu {
    ALERT, VOICE, PAIN, UNRESPONSIVE
}
