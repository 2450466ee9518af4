package org.homeward.visit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import org.homeward.observation.HomeLinkService;
import org.homeward.observation.ObservationService;
import org.homeward.patient.PatientRecord;
import org.homeward.scoring.WarningScore;
import org.homeward.security.CurrentUser;
import org.homeward.security.Organisation;
import org.homeward.security.OrganisationType;
import org.homeward.security.Role;
import org.homeward.support.Api;
import org.homeward.support.Fixtures;
import org.homeward.support.IntegrationTest;
import org.homeward.support.PageSession;
import org.homeward.ward.Pathway;
import org.homeward.ward.VirtualWard;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * NEWS2 or PEWS is one rule ({@link WarningScore#forPatient}, by age and, for 16-17s, the ward's pathway): the scorer,
 * {@link ObservationService#warningScore} and the patient's and carer's pages (readings and visits, which speak to
 * the parent of a child scored with PEWS) all make the same choice.
 */
@IntegrationTest
class WarningScoreChoiceIT {

    @Autowired Fixtures fixtures;
    @Autowired Api api;
    @Autowired HomeLinkService links;
    @Autowired ObservationService observations;
    @Autowired Clock clock;

    @Test
    void thePagesAndTheScorerChooseTheSameScore() {
        Organisation trust = fixtures.organisation(OrganisationType.ACUTE_TRUST);
        VirtualWard adults = fixtures.ward(trust, 20, 0, 130, EnumSet.of(Pathway.RESPIRATORY));
        VirtualWard children = fixtures.ward(trust, 20, 0, 130, EnumSet.of(Pathway.PAEDIATRICS));
        CurrentUser referrer = fixtures.user(Role.REFERRER, trust);
        CurrentUser consultant = fixtures.user(Role.SENIOR_DECISION_MAKER, trust);

        assertSameChoice(15, adults, referrer, consultant, WarningScore.PEWS);
        assertSameChoice(16, adults, referrer, consultant, WarningScore.NEWS2);
        assertSameChoice(17, adults, referrer, consultant, WarningScore.NEWS2);
        assertSameChoice(16, children, referrer, consultant, WarningScore.PEWS);
        assertSameChoice(18, children, referrer, consultant, WarningScore.NEWS2);
    }

    private void assertSameChoice(int age, VirtualWard ward, CurrentUser referrer, CurrentUser consultant,
            WarningScore expected) {
        LocalDate today = LocalDate.now(clock);
        PatientRecord patient = fixtures.patient(referrer, today.minusYears(age).minusDays(10));
        fixtures.admit(patient, ward, referrer, consultant);
        String token = links.issue(consultant, patient.summary().id());
        String name = patient.summary().givenName();
        boolean child = expected == WarningScore.PEWS;
        String on = age + " on " + ward.pathways();

        assertThat(WarningScore.forPatient(age, ward.isPaediatric())).as("scorer, " + on).isEqualTo(expected);
        assertThat(observations.warningScore(patient.summary().id())).as("service, " + on).isEqualTo(expected);
        assertThat(PageSession.anonymous(api.baseUrl()).get("/home/" + token).html().selectFirst("h1").text())
                .as("readings page, " + on).isEqualTo(child ? "Readings for " + name : "Your readings, " + name);
        assertThat(PageSession.anonymous(api.baseUrl()).get("/home/" + token + "/visits").html().selectFirst("h1")
                .text()).as("visits page, " + on).isEqualTo(child ? "Visits for " + name : "Your visits, " + name);
    }
}
