package org.homeward.escalation;

import java.time.Duration;
import java.util.Optional;
import org.homeward.observation.EarlyWarningScore;
import org.homeward.scoring.ClinicalRisk;
import org.homeward.scoring.News2Result;
import org.homeward.scoring.PewsResult;
import org.homeward.scoring.PewsTrigger;
import org.homeward.scoring.SpO2Scale;

/**
 * The default escalation policy: which scores raise an alert, how severe, and how soon someone must respond.
 *
 * <ul>
 *   <li>NEWS2 (RCP 2017 Charts 2 and 4): 7 or more, HIGH, respond within 30 minutes (emergency response threshold);
 *       5-6, MEDIUM, within 60 minutes (urgent response threshold); a 3 in one parameter, LOW, within 60 minutes
 *       (urgent ward-based response). 1-4 with no red score raises no alert: Chart 4 asks for 4-6-hourly monitoring
 *       and a nurse's assessment, which the visit plan provides.</li>
 *   <li>National PEWS escalation card (NHS England 2023), by the level from total or trigger: EMERGENCY within 5
 *       minutes (immediate), HIGH within 15, MEDIUM within 30, LOW within 60 ("must reassess within 60 minutes").</li>
 * </ul>
 * A ward may lower the NEWS2 total that raises an alert below 5, and a senior clinician may lower it further for one
 * patient ({@link EscalationPolicyService}); totals from that threshold up to 4 then raise a LOW alert within 60
 * minutes. Nobody can raise it above 5 (Chart 4's urgent response threshold) or stop red scores alerting.
 */
public record EscalationRule(AlertSeverity severity, Duration respondWithin, String reason) {

    /** The NEWS2 total from which an alert is raised when no ward or patient policy lowers it (RCP Chart 4). */
    public static final int NEWS2_DEFAULT_ALERT_FROM = 5;

    public static Optional<EscalationRule> forScore(EarlyWarningScore score) {
        return forScore(score, NEWS2_DEFAULT_ALERT_FROM);
    }

    /** How soon someone calls back an adult who reports feeling worse: as soon as a child's worried carer. */
    static final Duration REPORTED_WORSE_RESPOND_WITHIN = Duration.ofMinutes(30);

    public static Optional<EscalationRule> forScore(EarlyWarningScore score, int news2AlertFromTotal) {
        if (!score.scored()) {
            // nothing measured: no score to act on, but an adult's own "worse" is still escalated
            return score.reportedWorse() ? Optional.of(withReportedWorse(Optional.empty())) : Optional.empty();
        }
        if (score.news2() == null) {
            return forPews(score.pews());
        }
        Optional<EscalationRule> byScore = forNews2(score.news2(), news2AlertFromTotal);
        return score.reportedWorse() ? Optional.of(withReportedWorse(byScore)) : byScore;
    }

    /**
     * An adult who answers "worse" from home. NEWS2 has no parameter for it, but RCP 2017 asks that concern about a
     * patient's condition is escalated whatever the score, and the national PEWS card makes a carer's "worse" a
     * MEDIUM trigger; the safer reading is to treat the adult's own answer the same: at least MEDIUM, respond within
     * 30 minutes. A HIGH score keeps its own, more urgent, rule.
     */
    private static EscalationRule withReportedWorse(Optional<EscalationRule> byScore) {
        if (byScore.isPresent() && byScore.get().severity().compareTo(AlertSeverity.MEDIUM) > 0) {
            return byScore.get();
        }
        return new EscalationRule(AlertSeverity.MEDIUM, REPORTED_WORSE_RESPOND_WITHIN,
                "Patient reports feeling worse" + byScore.map(rule -> "; " + rule.reason()).orElse(""));
    }

    /**
     * A patient or carer says "I am worried" in their own words (Martha's rule: a patient, family or carer can ask
     * for a review). It escalates like a MEDIUM alert, responded to as soon as a reported "worse": within 30 minutes.
     * The reason carries their words, shortened to fit the alert; the whole words are kept with the concern.
     */
    static EscalationRule forConcern(String words) {
        String shown = words.length() <= CONCERN_WORDS_SHOWN ? words
                : words.substring(0, CONCERN_WORDS_SHOWN - 3) + "...";
        return new EscalationRule(AlertSeverity.MEDIUM, REPORTED_WORSE_RESPOND_WITHIN,
                "Worried, in their own words: \"" + shown + "\"");
    }

    /**
     * A critical test result (RCPath 2017 G158: critical results are communicated to a clinician who can act on them
     * at once): a HIGH alert to be acknowledged within 60 minutes, a local choice matching NEWS2's urgent response
     * time. The reason names the result: Critical result: potassium 6.9 mmol/L.
     */
    static EscalationRule forCriticalResult(String words) {
        String reason = "Critical result: " + words;
        return new EscalationRule(AlertSeverity.HIGH, CRITICAL_RESULT_RESPOND_WITHIN,
                reason.length() <= 300 ? reason : reason.substring(0, 297) + "...");
    }

    static final Duration CRITICAL_RESULT_RESPOND_WITHIN = Duration.ofMinutes(60);

    /**
     * A time-critical dose missed: HIGH, to be answered within 30 minutes (the dose is already two hours late; the
     * team decides whether to give it now, skip it or send the patient in).
     */
    static EscalationRule forMissedDose(String words) {
        String reason = "Time-critical dose missed: " + words;
        return new EscalationRule(AlertSeverity.HIGH, MISSED_DOSE_RESPOND_WITHIN,
                reason.length() <= 300 ? reason : reason.substring(0, 297) + "...");
    }

    static final Duration MISSED_DOSE_RESPOND_WITHIN = Duration.ofMinutes(30);

    /** The alert's reason column holds 300 characters; the words take at most this many of them. */
    static final int CONCERN_WORDS_SHOWN = 260;

    static Optional<EscalationRule> forNews2(News2Result result, int alertFromTotal) {
        String partial = (result.scale() == SpO2Scale.SCALE_2 ? " on SpO2 Scale 2" : "")
                + (result.partial() ? " (partial set: " + result.missing().size() + " missing)" : "");
        if (result.risk() == ClinicalRisk.HIGH) {
            return Optional.of(new EscalationRule(AlertSeverity.HIGH, Duration.ofMinutes(30),
                    "NEWS2 " + result.total() + ": emergency response threshold" + partial));
        }
        if (result.risk() == ClinicalRisk.MEDIUM) {
            return Optional.of(new EscalationRule(AlertSeverity.MEDIUM, Duration.ofMinutes(60),
                    "NEWS2 " + result.total() + ": urgent response threshold" + partial));
        }
        if (result.risk() == ClinicalRisk.LOW_MEDIUM) {
            return Optional.of(new EscalationRule(AlertSeverity.LOW, Duration.ofMinutes(60),
                    "NEWS2 " + result.total() + " with a 3 in one parameter" + partial));
        }
        if (result.total() >= alertFromTotal) {
            return Optional.of(new EscalationRule(AlertSeverity.LOW, Duration.ofMinutes(60),
                    "NEWS2 " + result.total() + ": at or above this patient's alert threshold of " + alertFromTotal + partial));
        }
        return Optional.empty();
    }

    static Optional<EscalationRule> forPews(PewsResult result) {
        String why = "PEWS " + result.total() + ", " + result.level().label().toLowerCase() + " escalation: "
                + result.triggers().stream().sorted().map(EscalationRule::inWords)
                        .reduce((a, b) -> a + "; " + b).orElse("the score");
        switch (result.level()) {
            case EMERGENCY: return Optional.of(new EscalationRule(AlertSeverity.EMERGENCY, Duration.ofMinutes(5), why));
            case HIGH: return Optional.of(new EscalationRule(AlertSeverity.HIGH, Duration.ofMinutes(15), why));
            case MEDIUM: return Optional.of(new EscalationRule(AlertSeverity.MEDIUM, Duration.ofMinutes(30), why));
            case LOW: return Optional.of(new EscalationRule(AlertSeverity.LOW, Duration.ofMinutes(60), why));
            default: return Optional.empty();
        }
    }

    /** Why the PEWS card escalated, in the words a nurse would use (the card's trigger criteria). */
    static String inWords(PewsTrigger trigger) {
        return switch (trigger) {
            case PEWS_SCORE -> "the score";
            case SUSPECTED_SEPSIS -> "suspected sepsis";
            case SUSPECTED_SEPTIC_SHOCK -> "suspected septic shock";
            case AVPU_CHANGE -> "a change in responsiveness (AVPU)";
            case ABNORMAL_PUPILS -> "abnormal pupils";
            case CARER_QUESTION -> "the carer says the child is worse";
            case CLINICAL_INTUITION -> "a clinician is worried";
            case SPECIFIC_CONCERN -> "a specific concern";
        };
    }
}
