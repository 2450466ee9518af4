package org.homeward.diagnostics;

/** Cancels an order that has no result yet; the reason is required. */
public record CancelOrder(String reason) {
}
