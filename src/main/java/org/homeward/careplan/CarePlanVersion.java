package org.homeward.careplan;

import java.time.Instant;
import java.util.List;

/** One change of a care and support plan, for its history: who, when, from which organisation, and what changed. */
public record CarePlanVersion(int version, PlanSection section, Instant changedAt, String changedBy,
        String changedByName, String organisationName, List<Change> changes) {

    public CarePlanVersion {
        changes = List.copyOf(changes);
    }

    /** One field's change, in words ('Not recorded' for nothing). */
    public record Change(String field, String from, String to) {
    }
}
