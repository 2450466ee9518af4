package org.homeward.visit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.homeward.careplan.InterventionKind;
import org.homeward.shared.InvalidInputException;
import org.homeward.shared.PatientId;
import org.homeward.shared.Skill;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** An urgent visit request is checked field by field, and what is left out takes the clinically usual value. */
class UrgentVisitPlanTests {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final Instant NOW = Instant.parse("2031-07-01T22:50:00Z");
    static final PatientId PATIENT = new PatientId(UUID.randomUUID());

    @Test
    void leftOutItIsAReviewBySeniorClinicianWithinTwoHoursOfNowOnTodaysPlan() {
        UrgentVisit urgent = UrgentVisitPlan.checked(new RequestUrgentVisit(PATIENT, null, null, null, null, null,
                " NEWS2 7 ", null), NOW, LONDON, "consultant");

        assertThat(urgent.kind()).isEqualTo(InterventionKind.REVIEW);
        assertThat(urgent.skill()).isEqualTo(Skill.SENIOR_CLINICIAN);
        assertThat(urgent.duration()).isEqualTo(Duration.ofMinutes(45));
        assertThat(urgent.earliestStart()).isEqualTo(NOW);
        assertThat(urgent.latestStart()).isEqualTo(NOW.plus(Duration.ofMinutes(120)));
        // 23:50 in London in July: still the 1st, though the window runs past midnight
        assertThat(urgent.date()).isEqualTo(LocalDate.of(2031, 7, 1));
        assertThat(urgent.reason()).isEqualTo("NEWS2 7");
        VisitRequirement requirement = urgent.requirement();
        assertThat(requirement.urgent()).isTrue();
        assertThat(requirement.id()).isEqualTo("urgent/" + urgent.id());
        assertThat(requirement.description()).isEqualTo("Urgent: NEWS2 7");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "-", value = {
            "no patient,          -,     60,  -,   reason,     patientId",
            "no reason,           P,     60,  -,   '  ',       reason",
            "within 14 minutes,   P,     14,  -,   reason,     withinMinutes",
            "within 721 minutes,  P,     721, -,   reason,     withinMinutes",
            "duration 4 minutes,  P,     60,  4,   reason,     durationMinutes",
            "duration 241,        P,     60,  241, reason,     durationMinutes",
    })
    void aBadRequestIsRefusedNamingTheField(String name, String patient, Integer within, Integer duration,
            String reason, String field) {
        RequestUrgentVisit request = new RequestUrgentVisit(patient == null ? null : PATIENT,
                InterventionKind.OBSERVATIONS, null, duration, null, within, reason, null);

        assertThatThrownBy(() -> UrgentVisitPlan.checked(request, NOW, LONDON, "nurse"))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo(field);
    }

    @ParameterizedTest(name = "within {0} minutes is accepted")
    @CsvSource({"15", "720"})
    void theWindowEdgesAreAccepted(int within) {
        UrgentVisit urgent = UrgentVisitPlan.checked(new RequestUrgentVisit(PATIENT, InterventionKind.OBSERVATIONS,
                null, null, null, within, "reason", null), NOW, LONDON, "nurse");

        assertThat(Duration.between(urgent.earliestStart(), urgent.latestStart())).isEqualTo(Duration.ofMinutes(within));
    }
}
