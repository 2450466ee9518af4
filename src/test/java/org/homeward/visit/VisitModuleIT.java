package org.homeward.visit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import org.homeward.patient.PatientRecord;
import org.homeward.security.CurrentUser;
import org.homeward.security.Organisation;
import org.homeward.security.OrganisationType;
import org.homeward.security.Role;
import org.homeward.support.Fixtures;
import org.homeward.support.ModuleTest;
import org.homeward.ward.VirtualWard;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;

/**
 * The visit module with everything it needs (escalation brings notification and rota, so ALL_DEPENDENCIES): the
 * solver plans a team's day and stores it as the day's first plan; a patient with nothing to visit for has no visits.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
@ModuleTest
@Import(Fixtures.class)
class VisitModuleIT {

    @Autowired
    Fixtures fixtures;
    @Autowired
    DayPlanService dayPlans;
    @Autowired
    PatientVisitTimes visitTimes;
    @Autowired
    Clock clock;

    @Test
    void plansAnEmptyDayAndStoresItAsTheFirstPlan() {
        Organisation community = fixtures.organisation(OrganisationType.COMMUNITY_PROVIDER);
        VirtualWard ward = fixtures.ward(community, 5);
        CurrentUser referrer = fixtures.user(Role.REFERRER, community);
        CurrentUser consultant = fixtures.user(Role.SENIOR_DECISION_MAKER, community);
        CurrentUser coordinator = fixtures.user(Role.COORDINATOR, community);
        PatientRecord patient = fixtures.patient(referrer, LocalDate.of(1950, 6, 1));
        fixtures.admit(patient, ward, referrer, consultant);
        LocalDate today = LocalDate.now(clock);

        DayPlan plan = dayPlans.plan(coordinator, today);

        assertThat(plan.organisationId()).isEqualTo(community.id());
        assertThat(plan.version()).isEqualTo(1);
        assertThat(plan.visits()).isEmpty();
        assertThat(visitTimes.visitsFor(patient.summary().id(), today)).isEmpty();
    }
}
