package org.homeward.rota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import org.homeward.security.CurrentUser;
import org.homeward.security.Organisation;
import org.homeward.security.OrganisationType;
import org.homeward.security.Role;
import org.homeward.security.SecurityService;
import org.homeward.shared.ForbiddenException;
import org.homeward.shared.RefusedException;
import org.homeward.shared.Skill;
import org.homeward.support.Fixtures;
import org.homeward.support.ModuleTest;
import org.homeward.ward.CreateWard;
import org.homeward.ward.Pathway;
import org.homeward.ward.VirtualWard;
import org.homeward.ward.WardService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;

/**
 * The rota module with what it declares (security, ward): who is on call for a ward's tier, and when; the staff shifts
 * visits are planned into.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
@ModuleTest
class RotaModuleIT {

    @Autowired
    SecurityService security;
    @Autowired
    WardService wards;
    @Autowired
    RotaService rota;
    @Autowired
    Clock clock;

    @Test
    void answersWhoIsOnCallForAWardsTierAtAMoment() {
        Organisation trust = security.createOrganisation("RMIT1", "Rota module trust", OrganisationType.ACUTE_TRUST);
        CurrentUser admin = user("rota-module-admin", Role.ADMIN, trust);
        CurrentUser coordinator = user("rota-module-coordinator", Role.COORDINATOR, trust);
        CurrentUser senior = user("rota-module-senior", Role.SENIOR_DECISION_MAKER, trust);
        VirtualWard ward = wards.create(admin, new CreateWard("Rota module ward", EnumSet.of(Pathway.RESPIRATORY),
                trust.id(), 5, LocalTime.of(8, 0), LocalTime.of(20, 0), "On-call registrar", "01305 255 000",
                "01632 960 000", 18, 130, "Safe at home"));
        Instant now = clock.instant();

        rota.add(coordinator, new AddOnCall(ward.id(), OnCallTier.ON_CALL_SENIOR, senior.username(),
                now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(11))));

        assertThat(rota.onCall(ward.id(), OnCallTier.ON_CALL_SENIOR, now)).extracting(OnCall::userId)
                .containsExactly(senior.id());
        assertThat(rota.onCall(ward.id(), OnCallTier.ON_CALL_SENIOR, now.plus(Duration.ofHours(12)))).isEmpty();
    }

    @Test
    void keepsAStaffMembersShiftsAndRefusesAnOverlappingOne() {
        Organisation provider = security.createOrganisation("RMIT2", "Rota module provider",
                OrganisationType.COMMUNITY_PROVIDER);
        CurrentUser coordinator = user("rota-module-coordinator-2", Role.COORDINATOR, provider);
        CurrentUser nurse = user("rota-module-nurse-2", Role.CLINICIAN, provider);
        LocalDate day = LocalDate.now(clock).plusDays(1);

        StaffShift shift = rota.addShift(coordinator, new AddShift(nurse.username(), day.atTime(8, 0),
                day.atTime(16, 0), EnumSet.of(Skill.REGISTERED_NURSE), 50.71, -2.44, null, null, null, null));

        assertThat(rota.shifts(coordinator, day)).extracting(StaffShift::id).containsExactly(shift.id());
        assertThatThrownBy(() -> rota.addShift(coordinator, new AddShift(nurse.username(), day.atTime(15, 0),
                day.atTime(20, 0), EnumSet.of(Skill.REGISTERED_NURSE), 50.71, -2.44, null, null, null, null)))
                .isInstanceOf(RefusedException.class).hasMessageContaining("overlapping");
        assertThatThrownBy(() -> rota.addShift(nurse, new AddShift(nurse.username(), day.atTime(17, 0),
                day.atTime(20, 0), EnumSet.of(Skill.REGISTERED_NURSE), 50.71, -2.44, null, null, null, null)))
                .isInstanceOf(ForbiddenException.class);
    }

    private CurrentUser user(String username, Role role, Organisation organisation) {
        return CurrentUser.of(security.createUser(username, Fixtures.PASSWORD, "Test " + username, role.label(), role,
                organisation.id()));
    }
}
