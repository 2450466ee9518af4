package org.homeward.referral;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.springframework.modulith.test.PublishedEvents;

/**
 * The referral module with what it declares (patient, scoring, security, ward): the journey's events are published
 * for the modules that react to them, which are not started here.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
@ModuleTest
@Import(Fixtures.class)
class ReferralModuleIT {

    @Autowired
    Fixtures fixtures;
    @Autowired
    ReferralService referrals;

    @Test
    void publishesTriageAdmissionAndDischargeAndKeepsTheCurrentWard(PublishedEvents events) {
        Organisation trust = fixtures.organisation(OrganisationType.ACUTE_TRUST);
        VirtualWard ward = fixtures.ward(trust, 5);
        CurrentUser referrer = fixtures.user(Role.REFERRER, trust);
        CurrentUser consultant = fixtures.user(Role.SENIOR_DECISION_MAKER, trust);
        PatientRecord patient = fixtures.patient(referrer, LocalDate.of(1948, 6, 1));

        AdmissionView admission = fixtures.admit(patient, ward, referrer, consultant);

        assertThat(events.ofType(ReferralTriaged.class).matching(e -> e.patientId().equals(patient.summary().id())
                && e.wardId().equals(ward.id()) && e.outcome() == ReferralStatus.ACCEPTED)).hasSize(1);
        assertThat(events.ofType(PatientAdmitted.class).matching(e -> e.admissionId().equals(admission.id())
                && e.wardId().equals(ward.id()) && e.accountableClinicianId().equals(consultant.id()))).hasSize(1);
        assertThat(referrals.currentWard(patient.summary().id())).contains(ward.id());

        referrals.discharge(consultant, admission.id(), new DischargePatient(null,
                DischargeDestination.USUAL_RESIDENCE, null, "", "Recovered at home"));

        assertThat(events.ofType(PatientDischarged.class).matching(e -> e.admissionId().equals(admission.id())
                && e.dischargedBy().equals(consultant.username()))).hasSize(1);
        assertThat(referrals.currentWard(patient.summary().id())).isEmpty();
    }
}
