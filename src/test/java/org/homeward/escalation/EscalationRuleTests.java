package org.homeward.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import org.homeward.observation.EarlyWarningScore;
import org.homeward.scoring.Avpu;
import org.homeward.scoring.CarerAnswer;
import org.homeward.scoring.Consciousness;
import org.homeward.scoring.News2;
import org.homeward.scoring.News2Input;
import org.homeward.scoring.Pews;
import org.homeward.scoring.PewsInput;
import org.homeward.scoring.RespiratoryDistress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The default escalation policy, row by row: NEWS2 Charts 2 and 4, and the national PEWS escalation card. */
class EscalationRuleTests {

    @ParameterizedTest(name = "RR {0}, SpO2 {1}, oxygen {2}, pulse {3}: {4} within {5} min")
    @CsvSource({
            // rr, spo2, oxygen, pulse -> severity (NONE = no alert), minutes
            "16, 97, false, 70, NONE, 0",      // 0
            "21, 94, false, 95, NONE, 0",      // 4, no red score
            "25, 97, false, 70, LOW, 60",      // 3 in one parameter
            "21, 94, true, 70, MEDIUM, 60",    // 5
            "21, 94, true, 95, MEDIUM, 60",    // 6
            "21, 92, true, 95, HIGH, 30",      // 7
            "25, 90, true, 135, HIGH, 30"})    // 11
    void news2(double rr, double spo2, boolean oxygen, double pulse, String severity, int minutes) {
        EarlyWarningScore score = new EarlyWarningScore(News2.score(News2Input.scale1(rr, spo2, oxygen, 120.0, pulse,
                Consciousness.ALERT, 37.0)), null);
        assertRule(EscalationRule.forScore(score), severity, minutes);
    }

    @ParameterizedTest(name = "NEWS2 {0} with alerts from {1}: {2}")
    @CsvSource({"2, 3, NONE", "3, 3, LOW", "4, 3, LOW", "4, 5, NONE", "5, 3, MEDIUM", "7, 1, HIGH", "1, 1, LOW"})
    void aLowerThresholdRaisesLowAlertsFromThatTotal(int total, int alertFrom, String severity) {
        // totals built without a 3 in any parameter: RR 21-24 scores 2, pulse 91-110 scores 1, 38.1-39.0 C scores 1,
        // oxygen scores 2, SpO2 94-95 scores 1
        double rr = total >= 2 ? 22 : 16;
        double pulse = total % 2 == 1 ? 100 : 70;
        boolean oxygen = total >= 4;
        double spo2 = total >= 6 ? 94 : 97;
        double temp = total >= 7 ? 38.5 : 37.0;
        EarlyWarningScore score = new EarlyWarningScore(News2.score(News2Input.scale1(rr, spo2, oxygen, 120.0, pulse,
                Consciousness.ALERT, temp)), null);
        assertThat(score.total()).isEqualTo(total);
        Optional<EscalationRule> rule = EscalationRule.forScore(score, alertFrom);
        if (severity.equals("NONE")) {
            assertThat(rule).isEmpty();
        } else {
            assertThat(rule).hasValueSatisfying(r -> assertThat(r.severity()).isEqualTo(AlertSeverity.valueOf(severity)));
        }
    }

    @ParameterizedTest(name = "{0}: {1} within {2} min")
    @CsvSource({
            "normal, NONE, 0", "mild distress, LOW, 60", "carer says worse, MEDIUM, 30", "responds to voice, HIGH, 15",
            "responds to pain, EMERGENCY, 5"})
    void pews(String situation, String severity, int minutes) {
        LocalDate today = LocalDate.of(2026, 11, 23);
        RespiratoryDistress distress = situation.equals("mild distress") ? RespiratoryDistress.MILD : RespiratoryDistress.NONE;
        Avpu avpu = situation.equals("responds to voice") ? Avpu.VOICE
                : situation.equals("responds to pain") ? Avpu.PAIN : Avpu.ALERT;
        CarerAnswer carer = situation.equals("carer says worse") ? CarerAnswer.WORSE : CarerAnswer.SAME;
        PewsInput input = new PewsInput(today.minusYears(3), today, 30.0, distress, 98.0, null, null, null, 110.0, 90.0,
                null, null, 1.0, avpu, false, false, false, carer, null, null, null);
        assertRule(EscalationRule.forScore(new EarlyWarningScore(null, Pews.score(input))), severity, minutes);
    }

    @ParameterizedTest(name = "adult answers worse, NEWS2 from rr {0} spo2 {1} oxygen {2} pulse {3}: {4} within {5} min")
    @CsvSource({
            "16, 97, false, 70, MEDIUM, 30",   // 0: the answer alone calls for a call-back within 30 minutes
            "25, 97, false, 70, MEDIUM, 30",   // 3 in one parameter (LOW, 60) is raised to MEDIUM, 30
            "21, 94, true, 70, MEDIUM, 30",    // 5 (MEDIUM, 60) is answered sooner
            "21, 92, true, 95, HIGH, 30"})     // 7 keeps its own HIGH rule
    void anAdultWhoReportsFeelingWorseIsEscalatedWhateverTheScore(double rr, double spo2, boolean oxygen, double pulse,
            String severity, int minutes) {
        EarlyWarningScore score = new EarlyWarningScore(News2.score(News2Input.scale1(rr, spo2, oxygen, 120.0, pulse,
                Consciousness.ALERT, 37.0)), null, true);
        Optional<EscalationRule> rule = EscalationRule.forScore(score);
        assertRule(rule, severity, minutes);
        if (severity.equals("MEDIUM")) {
            assertThat(rule.get().reason()).startsWith("Patient reports feeling worse");
        }
    }

    private static void assertRule(Optional<EscalationRule> rule, String severity, int minutes) {
        if (severity.equals("NONE")) {
            assertThat(rule).isEmpty();
            return;
        }
        assertThat(rule).hasValueSatisfying(r -> {
            assertThat(r.severity()).isEqualTo(AlertSeverity.valueOf(severity));
            assertThat(r.respondWithin()).isEqualTo(Duration.ofMinutes(minutes));
        });
    }
}
