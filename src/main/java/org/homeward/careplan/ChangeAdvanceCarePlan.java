package org.homeward.careplan;

/**
 * A new advance care plan in place of the one at {@code version} (0 when the patient has none yet). A change made from
 * an older version is refused (409). Changing the DNACPR decision or the ReSPECT CPR recommendation needs a senior
 * decision-maker; anyone who may change the plan may change the rest and leave those two as they are.
 */
public record ChangeAdvanceCarePlan(Integer version, AdvanceCarePlan advanceCarePlan) {
}
