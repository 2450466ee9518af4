package org.homeward.careplan;

/**
 * A new care and support plan in place of the one at {@code version} (0 when the patient has none yet). A change made
 * from an older version is refused (409), so nobody's change overwrites another's unseen.
 */
public record ChangeSupportPlan(Integer version, SupportPlan supportPlan) {
}
