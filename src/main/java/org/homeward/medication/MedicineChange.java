package org.homeward.medication;

import java.util.List;

/**
 * One medicine of the medicine changes of a stay ({@link DischargeMedicinesRules}).
 *
 * @param section taken before admission (the reconciliation's decision) or prescribed during the stay
 * @param medicine the medicine as listed or prescribed (the newest name when a change named another)
 * @param before the dose and frequency before admission, or as first prescribed; {@code null} when none
 * @param after the dose and frequency at discharge; {@code null} when stopped, withheld or ended
 * @param reason the reason for the decision or the stop, or the indication of a medicine still prescribed
 * @param by who made the standing decision, prescribed or stopped it
 * @param history what happened, oldest first, one line each (sources, decision; started, each change, stop)
 */
public record MedicineChange(Section section, MedicineChangeKind kind, String medicine, String before, String after,
        String reason, String by, List<String> history) {

    public MedicineChange {
        history = List.copyOf(history);
    }

    /** Whether the reader must act on it ({@link MedicineChangeKind#needsCheck}). */
    public boolean needsCheck() {
        return kind.needsCheck();
    }

    /** Where a medicine of the changes comes from. */
    public enum Section {
        BEFORE_ADMISSION("Medicines taken before admission"),
        DURING_STAY("Medicines prescribed during the stay");

        private final String label;

        Section(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
