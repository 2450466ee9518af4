package org.homeward.visit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.homeward.patient.PatientRecord;
import org.homeward.security.CurrentUser;
import org.homeward.security.Organisation;
import org.homeward.security.OrganisationType;
import org.homeward.security.Role;
import org.homeward.support.Api;
import org.homeward.support.Fixtures;
import org.homeward.support.IntegrationTest;
import org.homeward.support.PageSession;
import org.homeward.support.PageSession.Page;
import org.homeward.ward.VirtualWard;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A nurse adds interventions to a patient's home visit plan from the page, sees them, and ends one. */
@IntegrationTest
class VisitPlanPageIT {

    @Autowired Fixtures fixtures;
    @Autowired Api api;
    @Autowired JdbcClient jdbc;

    CurrentUser nurse;
    PatientRecord patient;
    String planPath;

    @BeforeEach
    void admitAPatient() {
        Organisation acute = fixtures.organisation(OrganisationType.ACUTE_TRUST);
        CurrentUser referrer = fixtures.user(Role.REFERRER, acute);
        CurrentUser consultant = fixtures.user(Role.SENIOR_DECISION_MAKER, acute);
        nurse = fixtures.user(Role.CLINICIAN, acute);
        VirtualWard ward = fixtures.ward(acute, 10);
        patient = fixtures.patient(referrer, LocalDate.of(1950, 10, 10));
        fixtures.admit(patient, ward, referrer, consultant);
        planPath = "/patients/" + patient.summary().id() + "/visits";
    }

    @Test
    void aNurseAddsAnEightHourlyDoseWithAFollowUpAndEndsIt() {
        PageSession session = PageSession.signIn(api.baseUrl(), nurse);
        Page plan = session.get(planPath);
        assertThat(plan.testId("no-interventions")).isEqualTo("No interventions on the plan yet.");

        Page added = session.follow(session.submit(plan, "form[action$=/interventions]", Map.of("kind", "IV_ANTIBIOTIC_DOSE",
                "description", "Ceftriaxone 2 g", "times", "06:00, 14:00, 22:00", "toleranceMinutes", "30",
                "followUpKind", "OBSERVATIONS", "followUpMinGapMinutes", "60", "followUpMaxGapMinutes", "120")));
        assertThat(added.testId("flash")).isEqualTo("IV antibiotic dose added to the visit plan");
        assertThat(added.testId("interventions")).contains("Ceftriaxone 2 g").contains("06:00, 14:00, 22:00 ± 30 min")
                .contains("IV-competent nurse").contains("then observations 60-120 min later");

        Page ended = session.follow(session.submit(added, "form[action$=/end]", Map.of()));
        assertThat(ended.testId("flash")).contains("ended");
        assertThat(ended.testId("interventions")).contains("ended by " + nurse.username());
    }

    @Test
    void aMistypedTimeIsShownBesideTheFieldAndNothingIsSaved() {
        PageSession session = PageSession.signIn(api.baseUrl(), nurse);
        Page refused = session.submit(session.get(planPath), "form[action$=/interventions]",
                Map.of("kind", "BLOODS", "times", "9am"));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.testId("errors")).contains("Times must be a time of day such as 09:00, got '9am'");
        assertThat(refused.html().selectFirst("#times").attr("value")).isEqualTo("9am");
        assertThat(jdbc.sql("select count(*) from care_intervention where patient_id = ?")
                .param(patient.summary().id().value()).query(Long.class).single()).isZero();
    }
}
