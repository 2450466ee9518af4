package org.homeward.diagnostics;

/** A test on an order. */
public record OrderedTest(String code, String name, TestKind kind, String unit) {
}
