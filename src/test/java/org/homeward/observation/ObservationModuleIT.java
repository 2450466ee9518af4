package org.homeward.observation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import org.homeward.patient.PatientRecord;
import org.homeward.scoring.WarningScore;
import org.homeward.security.CurrentUser;
import org.homeward.security.Organisation;
import org.homeward.security.OrganisationType;
import org.homeward.security.Role;
import org.homeward.support.Fixtures;
import org.homeward.support.ModuleTest;
import org.homeward.ward.Pathway;
import org.homeward.ward.VirtualWard;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;

/**
 * The observation module with what it declares (patient, referral, scoring, security, ward): the score a patient is
 * scored with today is {@link WarningScore#forPatient}'s, the ward's pathway deciding for 16-17s.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
@ModuleTest
@Import(Fixtures.class)
class ObservationModuleIT {

    @Autowired
    Fixtures fixtures;
    @Autowired
    ObservationService observations;
    @Autowired
    Clock clock;

    @Test
    void choosesTheScoreByAgeAndTheCurrentWardsPathway() {
        Organisation trust = fixtures.organisation(OrganisationType.ACUTE_TRUST);
        VirtualWard adults = fixtures.ward(trust, 10, 0, 130, EnumSet.of(Pathway.RESPIRATORY));
        VirtualWard children = fixtures.ward(trust, 10, 0, 130, EnumSet.of(Pathway.PAEDIATRICS));
        CurrentUser referrer = fixtures.user(Role.REFERRER, trust);
        CurrentUser consultant = fixtures.user(Role.SENIOR_DECISION_MAKER, trust);
        LocalDate today = LocalDate.now(clock);

        assertThat(scoreOf(15, adults, referrer, consultant, today)).isEqualTo(WarningScore.PEWS)
                .isEqualTo(WarningScore.forPatient(15, false));
        assertThat(scoreOf(16, adults, referrer, consultant, today)).isEqualTo(WarningScore.NEWS2)
                .isEqualTo(WarningScore.forPatient(16, false));
        assertThat(scoreOf(17, children, referrer, consultant, today)).isEqualTo(WarningScore.PEWS)
                .isEqualTo(WarningScore.forPatient(17, true));
        assertThat(scoreOf(18, children, referrer, consultant, today)).isEqualTo(WarningScore.NEWS2)
                .isEqualTo(WarningScore.forPatient(18, true));
    }

    private WarningScore scoreOf(int age, VirtualWard ward, CurrentUser referrer, CurrentUser consultant,
            LocalDate today) {
        PatientRecord patient = fixtures.patient(referrer, today.minusYears(age).minusDays(10));
        fixtures.admit(patient, ward, referrer, consultant);
        return observations.warningScore(patient.summary().id());
    }
}
