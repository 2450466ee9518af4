package org.homeward.medication;

/**
 * A discrepancy found by {@link ReconciliationRules#discrepancies}: shown to the pharmacist until resolved.
 *
 * @param key identifies it; it names the values that differ, so a new difference is a new discrepancy
 * @param resolution how it was resolved, in words, or {@code null} while unresolved
 */
public record ReconciliationDiscrepancy(String key, Kind kind, String medicine, String words, boolean resolved,
        String resolution) {

    /** The kinds of discrepancy. */
    public enum Kind {
        NOT_IN_EVERY_SOURCE("Not in every source", true),
        DIFFERENT_DOSE("Different dose", true),
        DIFFERENT_FREQUENCY("Different frequency", true),
        DIFFERENT_ROUTE("Different route", true),
        NO_DECISION("No decision", false);

        private final String label;
        private final boolean resolvedByNote;

        Kind(String label, boolean resolvedByNote) {
            this.label = label;
            this.resolvedByNote = resolvedByNote;
        }

        public String label() {
            return label;
        }

        /** Whether a note resolves it; a medicine with no decision is resolved only by deciding. */
        public boolean resolvedByNote() {
            return resolvedByNote;
        }
    }
}
