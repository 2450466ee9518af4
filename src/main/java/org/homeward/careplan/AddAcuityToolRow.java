package org.homeward.careplan;

/**
 * A new row for the acuity tool: a code (capitals, digits and underscores), its group, the question in words, its
 * weight (0 to 10; a criterion to reside weighs 0), an optional floor level (1 to 4), where it comes in the order, and
 * why the service adds it.
 */
public record AddAcuityToolRow(String code, AcuityGroup group, String question, Integer weight, Integer floorLevel,
        Integer order, String reason) {
}
