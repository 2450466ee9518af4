package org.homeward.careplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.homeward.patient.PatientRecord;
import org.homeward.referral.AdmissionView;
import org.homeward.referral.DischargeDestination;
import org.homeward.referral.DischargePatient;
import org.homeward.referral.ReferralService;
import org.homeward.security.CurrentUser;
import org.homeward.security.Organisation;
import org.homeward.security.OrganisationType;
import org.homeward.security.Role;
import org.homeward.shared.RefusedException;
import org.homeward.support.Fixtures;
import org.homeward.support.ModuleTest;
import org.homeward.ward.VirtualWard;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;

/**
 * The care plan module with what it needs (referral brings patient, ward and security): an intervention added to an
 * admitted patient is due from its first day, the visit planners' query finds it, and discharge ends it through the
 * {@code PatientDischarged} event, not by the referral module asking.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
@ModuleTest
@Import(Fixtures.class)
class CarePlanModuleIT {

    @Autowired
    Fixtures fixtures;
    @Autowired
    CarePlanService carePlans;
    @Autowired
    ReferralService referrals;
    @Autowired
    Clock clock;

    @Test
    void anInterventionIsDueWhileThePatientIsAdmittedAndDischargeEndsIt() {
        Organisation trust = fixtures.organisation(OrganisationType.ACUTE_TRUST);
        VirtualWard ward = fixtures.ward(trust, 5);
        CurrentUser referrer = fixtures.user(Role.REFERRER, trust);
        CurrentUser consultant = fixtures.user(Role.SENIOR_DECISION_MAKER, trust);
        PatientRecord patient = fixtures.patient(referrer, LocalDate.of(1946, 2, 3));
        AdmissionView admission = fixtures.admit(patient, ward, referrer, consultant);
        LocalDate today = LocalDate.now(clock);

        Intervention added = carePlans.addIntervention(consultant, patient.summary().id(), new AddIntervention(
                InterventionKind.IV_ANTIBIOTIC_DOSE, "IV ceftriaxone 2 g", null, null, null, List.of("10:00"), null,
                null, null, null, null, null));

        assertThat(carePlans.interventionsDueOn(today)).extracting(Intervention::id).contains(added.id());
        assertThat(carePlans.interventionsDueOn(today.plusDays(1))).extracting(Intervention::id).contains(added.id());

        referrals.discharge(consultant, admission.id(), new DischargePatient(null,
                DischargeDestination.USUAL_RESIDENCE, null, "", "Recovered at home"));

        assertThat(carePlans.interventions(consultant, patient.summary().id())).singleElement()
                .satisfies(ended -> {
                    assertThat(ended.endsOn()).isEqualTo(today);
                    assertThat(ended.endedBy()).isEqualTo(consultant.username());
                });
        assertThat(carePlans.interventionsDueOn(today.plusDays(1))).extracting(Intervention::id)
                .doesNotContain(added.id());
        assertThatThrownBy(() -> carePlans.addIntervention(consultant, patient.summary().id(), new AddIntervention(
                InterventionKind.BLOODS, "U&E", null, null, null, null, null, "08:00", "11:00", null, null, null)))
                .isInstanceOf(RefusedException.class).hasMessageContaining("not admitted");
    }
}
