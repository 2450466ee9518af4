package org.homeward.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import org.homeward.rota.OnCall;
import org.homeward.rota.OnCallTier;
import org.homeward.rota.RotaService;
import org.homeward.support.IntegrationTest;
import org.homeward.ward.VirtualWard;
import org.homeward.ward.WardService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The demo fills the on-call rota of its wards for today and tomorrow, so its alerts reach a person at any hour. */
@IntegrationTest
class DemoOnCallIT {

    @Autowired DemoLoader loader;
    @Autowired RotaService rota;
    @Autowired WardService wards;
    @Autowired Clock clock;

    @BeforeEach
    void loadOnce() {
        DemoLoadedOnce.load(loader);
    }

    @Test
    void everyDemoWardHasItsDayTeamOutOfHoursNurseAndConsultantOnCallTodayAndTomorrow() {
        VirtualWard frailty = wards.wards().stream()
                .filter(w -> w.name().equals(DemoWard.FRAILTY_RESPIRATORY.displayName())).findFirst().orElseThrow();
        for (LocalDate day : new LocalDate[] {LocalDate.now(clock), LocalDate.now(clock).plusDays(1)}) {
            assertThat(onCall(frailty, OnCallTier.WARD_TEAM, day, 10)).isEqualTo("Sarah Coombes");
            assertThat(onCall(frailty, OnCallTier.NURSE_IN_CHARGE, day, 10)).isEqualTo("Karen Legg");
            assertThat(onCall(frailty, OnCallTier.ON_CALL_SENIOR, day, 3)).isEqualTo("Dr Helen Okafor");
            assertThat(onCall(frailty, OnCallTier.OUT_OF_HOURS_CONTACT, day, 23)).isEqualTo("Daniel Pike");
            assertThat(onCall(frailty, OnCallTier.OUT_OF_HOURS_CONTACT, day, 3)).isEqualTo("Daniel Pike");
        }
    }

    private String onCall(VirtualWard ward, OnCallTier tier, LocalDate day, int hour) {
        return rota.onCall(ward.id(), tier, day.atTime(LocalTime.of(hour, 0)).atZone(clock.getZone()).toInstant())
                .stream().map(OnCall::userName).findFirst().orElse("nobody");
    }
}
