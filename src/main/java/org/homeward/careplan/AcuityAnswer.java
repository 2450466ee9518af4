package org.homeward.careplan;

/**
 * One row as an assessment asked it and the answer: present or not (a row of the tool), met or not met (a criterion to
 * reside). The words, weight and floor are those of the row's version at the time, kept with the assessment.
 */
public record AcuityAnswer(String code, int rowVersion, AcuityGroup group, String question, int weight,
        Integer floorLevel, int order, boolean answer) {
}
