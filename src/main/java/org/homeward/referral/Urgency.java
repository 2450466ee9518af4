package org.homeward.referral;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * How soon the referral must be triaged, and its triage target: the one rule the referral list's clock, the overdue
 * tag and the overdue check use.
 *
 * <p>The specification sets no number: KLoE 3.1 asks that a senior clinical decision-maker "should promptly assess
 * patients to decide whether they should be admitted", and spec 3.6 describes step-up care as "direct admission of
 * acutely unwell patients" from ED, SDEC and SPoA, where a referral cannot wait. The targets are Homeward's choice:
 * urgent within 2 hours (as the urgency has always said, and in line with NHS England's 2-hour urgent community
 * response standard), same day by the end of the day of referral, next day by the end of the following day.
 */
public enum Urgency {
    URGENT("Urgent (within 2 hours)"),
    SAME_DAY("Same day"),
    NEXT_DAY("Next day");

    static final Duration URGENT_TARGET = Duration.ofHours(2);

    private final String label;

    Urgency(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** When a referral made at {@code referredAt} must have been triaged by, in the service's time zone. */
    public Instant triageDueAt(Instant referredAt, ZoneId zone) {
        return switch (this) {
            case URGENT -> referredAt.plus(URGENT_TARGET);
            case SAME_DAY -> referredAt.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
            case NEXT_DAY -> referredAt.atZone(zone).toLocalDate().plusDays(2).atStartOfDay(zone).toInstant();
        };
    }
}
