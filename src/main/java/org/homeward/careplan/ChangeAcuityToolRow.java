package org.homeward.careplan;

/**
 * A change to a row of the acuity tool: new words, a new weight or floor, retiring it ({@code active} false) or
 * bringing it back, or moving it; a field left out keeps its value. {@code clearFloor} true removes the floor. The
 * reason is required. Past assessments keep the row as they asked it.
 */
public record ChangeAcuityToolRow(String question, Integer weight, Integer floorLevel, Boolean clearFloor,
        Boolean active, Integer order, String reason) {
}
