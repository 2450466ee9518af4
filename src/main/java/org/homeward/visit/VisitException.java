package org.homeward.visit;

import java.time.Instant;

/**
 * A visit the coordinator needs to look at: missed (its window closed with nobody arrived), overdue (planned start
 * passed by more than the grace period with nobody arrived, window still open), late (arrived after the window
 * closed), or not done (nobody home, declined, escalated).
 */
public record VisitException(Kind kind, PlannedVisit visit, VisitRecord record, String patientName, Instant since) {

    public enum Kind {
        MISSED("Missed"), OVERDUE("Overdue"), LATE("Late"), NOT_DONE("Not done");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
