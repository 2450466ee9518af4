package org.homeward.medication;

import java.time.Instant;

/** What happened to a grab bag's seal: sealed with a number, opened for a use, or found intact or broken at a check. */
public record SealEvent(Kind kind, String sealNumber, String reason, String by, Instant at) {

    /** What happened to the seal. */
    public enum Kind {
        SEALED("Sealed"), OPENED("Opened"), FOUND_INTACT("Found intact at a check"),
        FOUND_BROKEN("Found broken at a check");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
