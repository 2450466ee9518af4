package org.homeward.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
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
 * The escalation module with what it declares (notification, observation, patient, referral, rota, scoring, security,
 * ward, and what those need): admission, heard as {@code PatientAdmitted} in its transaction, starts the
 * patient's monitoring, and quiet hours are kept for an admitted patient.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
@ModuleTest
@Import(Fixtures.class)
class EscalationModuleIT {

    @Autowired
    Fixtures fixtures;
    @Autowired
    MonitoringService monitoring;

    @Test
    void admissionStartsMonitoringAndQuietHoursAreKept() {
        Organisation trust = fixtures.organisation(OrganisationType.ACUTE_TRUST);
        VirtualWard ward = fixtures.ward(trust, 5);
        CurrentUser referrer = fixtures.user(Role.REFERRER, trust);
        CurrentUser consultant = fixtures.user(Role.SENIOR_DECISION_MAKER, trust);
        PatientRecord patient = fixtures.patient(referrer, LocalDate.of(1950, 1, 1));
        fixtures.admit(patient, ward, referrer, consultant);

        monitoring.setQuietHours(consultant, patient.summary().id(),
                new SetQuietHours("23:00", "06:00", "Sleeps through; settled"));

        assertThat(monitoring.quietHours(consultant, patient.summary().id())).get()
                .satisfies(quiet -> assertThat(quiet.startsAt()).isEqualTo(LocalTime.of(23, 0)));
    }
}
