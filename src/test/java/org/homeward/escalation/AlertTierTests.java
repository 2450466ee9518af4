package org.homeward.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The tier ladder, in and out of the ward's hours: every step, and the top. */
class AlertTierTests {

    @Test
    void inHoursTheWardTeamThenTheNurseInChargeThenTheOnCallSeniorThenTheAccountableConsultant() {
        assertThat(AlertTier.startingTier(true)).isEqualTo(AlertTier.WARD_TEAM);
        assertThat(AlertTier.WARD_TEAM.next(true)).isEqualTo(AlertTier.NURSE_IN_CHARGE);
        assertThat(AlertTier.NURSE_IN_CHARGE.next(true)).isEqualTo(AlertTier.ON_CALL_SENIOR);
        assertThat(AlertTier.ON_CALL_SENIOR.next(true)).isEqualTo(AlertTier.ACCOUNTABLE_CONSULTANT);
        assertThat(AlertTier.ACCOUNTABLE_CONSULTANT.next(true)).as("the top").isEqualTo(AlertTier.ACCOUNTABLE_CONSULTANT);
    }

    @Test
    void outOfHoursTheOutOfHoursCoverThenTheOnCallSeniorThenTheAccountableConsultant() {
        assertThat(AlertTier.startingTier(false)).isEqualTo(AlertTier.OUT_OF_HOURS_CONTACT);
        assertThat(AlertTier.WARD_TEAM.next(false)).isEqualTo(AlertTier.OUT_OF_HOURS_CONTACT);
        assertThat(AlertTier.NURSE_IN_CHARGE.next(false)).isEqualTo(AlertTier.OUT_OF_HOURS_CONTACT);
        assertThat(AlertTier.OUT_OF_HOURS_CONTACT.next(false)).isEqualTo(AlertTier.ON_CALL_SENIOR);
        assertThat(AlertTier.ON_CALL_SENIOR.next(false)).isEqualTo(AlertTier.ACCOUNTABLE_CONSULTANT);
    }
}
