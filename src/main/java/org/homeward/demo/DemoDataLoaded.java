package org.homeward.demo;

/** The demo service was written to an empty database: thousands of rows that arrived at once. */
public record DemoDataLoaded(int patients) {
}
