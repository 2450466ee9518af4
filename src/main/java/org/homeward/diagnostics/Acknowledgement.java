package org.homeward.diagnostics;

import java.time.Instant;

/** Who acknowledged a result, when, and their note. */
public record Acknowledgement(String by, String byUsername, Instant at, String note) {
}
