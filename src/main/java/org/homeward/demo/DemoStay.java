package org.homeward.demo;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.homeward.referral.Intervention;

/**
 * A demo patient's stay on a virtual ward as the plan has it (admitted now, or discharged since), with what the
 * acuity assessments and board rounds that follow it ask of the scenario: the day of stay, the interventions, the
 * kind of condition.
 *
 * @param episode the episode's index in the plan (and of the patient's id in the loader's list)
 * @param onWard for a patient admitted now, their place among the current patients of their kind of ward (from 0);
 *        -1 for a patient discharged since
 */
record DemoStay(int episode, EpisodePlan plan, LocalDate admitted, LocalDate discharged, int onWard) {

    /** Every stay of the plan (current and discharged), in episode order. */
    static List<DemoStay> of(DemoPlan plan) {
        ZoneId zone = plan.now().getZone();
        Map<DemoWard, Integer> current = new EnumMap<>(DemoWard.class);
        List<DemoStay> stays = new ArrayList<>();
        for (int i = 0; i < plan.episodes().size(); i++) {
            EpisodePlan episode = plan.episodes().get(i);
            if (episode.admission() == null) {
                continue;
            }
            LocalDate admitted = episode.admission().admittedAt().atZone(zone).toLocalDate();
            LocalDate discharged = episode.discharge() == null ? null
                    : episode.discharge().dischargedAt().atZone(zone).toLocalDate();
            int n = discharged == null ? current.merge(episode.ward(), 1, Integer::sum) - 1 : -1;
            stays.add(new DemoStay(i, episode, admitted, discharged, n));
        }
        return List.copyOf(stays);
    }

    boolean current() {
        return discharged == null;
    }

    DemoWard ward() {
        return plan.ward();
    }

    boolean child() {
        return ward().isPaediatric();
    }

    boolean heartFailure() {
        return ward() == DemoWard.HEART_FAILURE;
    }

    /** The admission day is day 1. */
    int dayOfStay(LocalDate day) {
        return (int) ChronoUnit.DAYS.between(admitted, day) + 1;
    }

    /** On the ward that day: admitted on or before it and not discharged before it. */
    boolean onWardOn(LocalDate day) {
        return !admitted.isAfter(day) && (discharged == null || !discharged.isBefore(day));
    }

    boolean needs(Intervention intervention) {
        return plan.referral().interventions().contains(intervention);
    }

    /** Whether the presenting condition mentions any of these words (lower case). */
    boolean is(String... words) {
        String condition = plan.referral().presentingCondition().toLowerCase(Locale.UK);
        for (String word : words) {
            if (condition.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** An adult's chest: COPD, bronchiectasis, pneumonia, influenza. */
    boolean respiratory() {
        return !child() && is("copd", "bronchiectasis", "pneumonia", "influenza");
    }

    /** IV antibiotics 8-hourly, as {@link DemoCarePlans} plans them: more than twice a day. */
    boolean eightHourlyIv() {
        return needs(Intervention.IV_THERAPY) && !heartFailure() && is("pneumonia", "bronchiectasis");
    }

    DemoScenario scenario() {
        return DemoScenarios.forWard(ward()).stream()
                .filter(s -> s.condition().equals(plan.referral().presentingCondition())).findFirst()
                .orElseThrow(() -> new IllegalStateException("No demo scenario " + plan.referral().presentingCondition()));
    }

    /** The ward's nurse: the children's nurse, the heart failure specialist nurse, or the senior staff nurse. */
    String nurse() {
        return switch (ward()) {
            case CHILDREN -> "nurse3";
            case HEART_FAILURE -> "nurse4";
            case FRAILTY_RESPIRATORY -> "nurse";
        };
    }

    /** The consultant who leads the ward's board round. */
    String consultant() {
        return consultantOf(ward());
    }

    static String consultantOf(DemoWard ward) {
        return switch (ward) {
            case CHILDREN -> "consultant4";
            case HEART_FAILURE -> "consultant3";
            case FRAILTY_RESPIRATORY -> "consultant";
        };
    }

    /** The coordinator (nurse in charge) of the ward. */
    String coordinator() {
        return child() ? "coordinator2" : "coordinator";
    }
}
