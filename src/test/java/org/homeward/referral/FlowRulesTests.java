package org.homeward.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.homeward.shared.DateWords;
import org.homeward.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The triage target of each urgency, and the estimated discharge date rule, row by row at their edges. */
class FlowRulesTests {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final LocalDate ADMITTED = LocalDate.of(2026, 12, 1);

    @ParameterizedTest(name = "{0} referred {1} -> due {2}")
    @CsvSource({
            "URGENT,   2026-12-04T15:00:00Z, 2026-12-04T17:00:00Z",
            "URGENT,   2026-12-04T23:30:00Z, 2026-12-05T01:30:00Z",
            "SAME_DAY, 2026-12-04T15:00:00Z, 2026-12-05T00:00:00Z",
            "SAME_DAY, 2026-07-04T15:00:00Z, 2026-07-04T23:00:00Z",
            "NEXT_DAY, 2026-12-04T15:00:00Z, 2026-12-06T00:00:00Z"})
    void givesEachUrgencyItsTriageTarget(Urgency urgency, Instant referredAt, Instant due) {
        assertThat(urgency.triageDueAt(referredAt, LONDON)).isEqualTo(due);
    }

    @Test
    void isOverdueOnlyAfterTheTargetAndOnlyWhileAwaitingTriage() {
        Instant referred = Instant.parse("2026-12-04T10:00:00Z");
        ReferralView waiting = view(ReferralStatus.AWAITING_TRIAGE, referred, null);
        assertThat(waiting.triageOverdue(referred.plusSeconds(7200))).isFalse();
        assertThat(waiting.triageOverdue(referred.plusSeconds(7201))).isTrue();
        assertThat(waiting.waitingForTriageText(referred.plusSeconds(2 * 3600 + 35 * 60))).isEqualTo("2 h 35 min");
        assertThat(waiting.waitingForTriageText(referred.plusSeconds(27 * 3600))).isEqualTo("1 day 3 h");
        assertThat(view(ReferralStatus.ACCEPTED, referred, referred.plusSeconds(600))
                .triageOverdue(referred.plusSeconds(9000))).isFalse();
    }

    @ParameterizedTest(name = "EDD {0} days after admission, reason '{1}' -> accepted {2}")
    @CsvSource({"0, , true", "13, , true", "14, , false", "14, Long IV course, true", "57, , false",
            "60, Long IV course, true", "61, Long IV course, false", "-1, Long IV course, false"})
    void acceptsAnEstimatedDischargeAfterDayFourteenOnlyWithAReasonAndNeverBeyondSixtyDays(int days, String reason,
            boolean accepted) {
        LocalDate edd = ADMITTED.plusDays(days);
        if (accepted) {
            assertThat(EstimatedDischarge.check(ADMITTED, edd, reason, "estimatedDischargeDate",
                    "estimatedDischargeReason")).as("the reason kept").isEqualTo(reason);
        } else {
            assertThatThrownBy(() -> EstimatedDischarge.check(ADMITTED, edd, reason, "estimatedDischargeDate",
                    "estimatedDischargeReason")).isInstanceOf(InvalidInputException.class)
                    .extracting(e -> ((InvalidInputException) e).field())
                    .isEqualTo(reason == null ? "estimatedDischargeReason" : "estimatedDischargeDate");
        }
    }

    @Test
    void anEstimatedDischargeRefusedNamesTheDatesInWords() {
        assertThatThrownBy(() -> EstimatedDischarge.check(ADMITTED, ADMITTED.minusDays(1), null,
                "estimatedDischargeDate", "estimatedDischargeReason")).hasMessageContaining(
                        "before the admission date (" + DateWords.day(ADMITTED) + ")");
        assertThatThrownBy(() -> EstimatedDischarge.check(ADMITTED, ADMITTED.plusDays(61), "Long IV course",
                "estimatedDischargeDate", "estimatedDischargeReason")).hasMessageContaining(
                        "The estimated discharge date " + DateWords.day(ADMITTED.plusDays(61)) + " is more than")
                .hasMessageContaining("after admission (" + DateWords.day(ADMITTED) + ")");
    }

    private static ReferralView view(ReferralStatus status, Instant referredAt, Instant triagedAt) {
        return new ReferralView(null, null, null, ReferralDirection.STEP_UP, ReferralSource.GP, "x", "y",
                java.util.Set.of(Intervention.MONITORING), Urgency.URGENT, null, null, null, null, null, null, status,
                referredAt, null, triagedAt, null, Urgency.URGENT.triageDueAt(referredAt, LONDON), null, null, false);
    }
}
