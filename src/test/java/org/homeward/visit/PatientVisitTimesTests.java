package org.homeward.visit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import org.homeward.shared.Skill;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the patient or carer is told: a band never narrower than the plan can keep, a first name and a plain role. */
class PatientVisitTimesTests {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    @ParameterizedTest
    @CsvSource({
        "2026-11-23T14:00:00Z, 13:45, 14:15",
        "2026-11-23T14:02:00Z, 13:45, 14:20",
        "2026-11-23T14:02:30Z, 13:45, 14:20",
        "2026-11-23T13:58:59Z, 13:40, 14:15",
        "2026-07-01T13:00:00Z, 13:45, 14:15",
        "2026-11-23T23:50:00Z, 23:35, 00:05"
    })
    void theBandIsFifteenMinutesEitherSideWidenedToWholeFiveMinutes(String start, String from, String to) {
        Instant planned = Instant.parse(start);
        LocalTime bandFrom = PatientVisitTimes.floorToFive(planned.minus(PatientVisitTimes.BAND), LONDON);
        LocalTime bandTo = PatientVisitTimes.ceilToFive(planned.plus(PatientVisitTimes.BAND), LONDON);
        assertThat(bandFrom).isEqualTo(LocalTime.parse(from));
        assertThat(bandTo).isEqualTo(LocalTime.parse(to));
    }

    @ParameterizedTest
    @CsvSource({
        "Sarah Coombes, Sarah",
        "Dr Helen Okafor, Helen",
        "Sister Mary-Jane O'Neill, Mary-Jane",
        "Rosa, Rosa",
        "'  Amy   Ackland ', Amy"
    })
    void onlyTheFirstNameIsShownNeverTheSurnameOrATitle(String displayName, String firstName) {
        assertThat(PatientVisitTimes.firstName(displayName)).isEqualTo(firstName);
    }

    @Test
    void aNameThatIsOnlyATitleOrMissingBecomesAMemberOfTheTeam() {
        assertThat(PatientVisitTimes.firstName("Dr")).isEqualTo("A member of the team");
        assertThat(PatientVisitTimes.firstName(null)).isEqualTo("A member of the team");
    }

    @Test
    void theRoleComesFromTheShiftsSkillsNotTheJobTitle() {
        assertThat(PatientVisitTimes.role(EnumSet.of(Skill.IV_COMPETENT_NURSE, Skill.REGISTERED_NURSE)))
                .isEqualTo("nurse");
        assertThat(PatientVisitTimes.role(EnumSet.of(Skill.PAEDIATRIC_NURSE))).isEqualTo("children's nurse");
        assertThat(PatientVisitTimes.role(EnumSet.of(Skill.SENIOR_CLINICIAN, Skill.REGISTERED_NURSE)))
                .isEqualTo("senior clinician");
        assertThat(PatientVisitTimes.role(EnumSet.of(Skill.HEALTHCARE_SUPPORT_WORKER)))
                .isEqualTo("healthcare support worker");
        assertThat(PatientVisitTimes.role(Set.of())).isEqualTo("member of the team");
    }
}
