package org.homeward.diagnostics;

/** A clinician has seen the result and is acting on it; the note (what was done) is optional. */
public record AcknowledgeResult(String note) {
}
