package org.homeward.visit.web;

import java.util.List;

/**
 * The colours that tell one staff member's route from another on the day view, the same on the timeline and the map.
 * From the Okabe-Ito palette, which stays distinct with the common colour-vision deficiencies, keeping only colours
 * with at least 3:1 contrast against white (WCAG 1.4.11 non-text contrast). A day with more staff than colours reuses
 * them with a dash pattern, so no two routes look the same until colours times patterns run out.
 */
final class StaffPalette {

    static final List<String> COLOURS = List.of("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#000000", "#8A6D00");
    static final List<String> DASHES = List.of("", "12 6", "3 5", "12 5 3 5");

    private StaffPalette() {
    }

    static String colour(int index) {
        return COLOURS.get(index % COLOURS.size());
    }

    /** The SVG stroke-dasharray for this staff member: none for the first round of colours. */
    static String dash(int index) {
        return DASHES.get((index / COLOURS.size()) % DASHES.size());
    }
}
