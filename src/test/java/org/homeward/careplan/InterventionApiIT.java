package org.homeward.careplan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.homeward.patient.PatientRecord;
import org.homeward.security.CurrentUser;
import org.homeward.security.Organisation;
import org.homeward.security.OrganisationType;
import org.homeward.security.Role;
import org.homeward.support.Api;
import org.homeward.support.Api.Response;
import org.homeward.support.Fixtures;
import org.homeward.support.IntegrationTest;
import org.homeward.ward.VirtualWard;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Interventions on an admitted patient's plan, through the API, and the visits they call for on a day. */
@IntegrationTest
class InterventionApiIT {

    @Autowired Fixtures fixtures;
    @Autowired Api api;
    @Autowired JdbcClient jdbc;

    CurrentUser nurse;
    CurrentUser outsider;
    CurrentUser commissioner;
    VirtualWard ward;
    PatientRecord admitted;
    PatientRecord notAdmitted;
    String today;

    @BeforeEach
    void admitAPatient() {
        Organisation acute = fixtures.organisation(OrganisationType.ACUTE_TRUST);
        CurrentUser referrer = fixtures.user(Role.REFERRER, acute);
        CurrentUser consultant = fixtures.user(Role.SENIOR_DECISION_MAKER, acute);
        nurse = fixtures.user(Role.CLINICIAN, acute);
        outsider = fixtures.user(Role.CLINICIAN, fixtures.organisation(OrganisationType.COMMUNITY_PROVIDER));
        commissioner = fixtures.user(Role.COMMISSIONER, fixtures.organisation(OrganisationType.ICB));
        ward = fixtures.ward(acute, 10);
        admitted = fixtures.patient(referrer, LocalDate.of(1948, 8, 8));
        notAdmitted = fixtures.patient(referrer, LocalDate.of(1949, 9, 9));
        fixtures.admit(admitted, ward, referrer, consultant);
        today = LocalDate.now(ZoneId.of("Europe/London")).toString();
    }

    @Test
    void anEightHourlyDoseOnThePlanIsThreeVisitsOnTheDaysRequirements() {
        Response added = api.post(nurse, path(admitted), Map.of("kind", "IV_ANTIBIOTIC_DOSE",
                "description", "Piperacillin-tazobactam 4.5 g", "times", List.of("06:00", "14:00", "22:00"),
                "toleranceMinutes", 30));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        assertThat(added.text("skill")).isEqualTo("IV_COMPETENT_NURSE");

        // tomorrow: the first whole day at home (today's doses before the admission are not due, H093)
        String tomorrow = LocalDate.parse(today).plusDays(1).toString();
        Response due = api.get(nurse, "/api/v1/visit-requirements?date=" + tomorrow + "&wardId=" + ward.id());
        assertThat(due.status()).isEqualTo(200);
        assertThat(due.body().findValuesAsText("patientId")).containsOnly(admitted.summary().id().toString()).hasSize(3);
        assertThat(api.get(nurse, path(admitted)).body()).hasSize(1);
        assertThat(jdbc.sql("select count(*) from audit_event where patient_id = ? and record_type = 'Intervention'")
                .param(admitted.summary().id().value()).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void anEndedInterventionCallsForNoVisitsAfterToday() {
        Response added = api.post(nurse, path(admitted), Map.of("kind", "BLOODS", "windowFrom", "08:00",
                "windowTo", "11:00"));
        Response ended = api.post(nurse, "/api/v1/interventions/" + added.text("id") + "/end", Map.of());
        assertThat(ended.status()).as(ended.toString()).isEqualTo(200);
        assertThat(ended.text("endsOn")).isEqualTo(today);
        String tomorrow = LocalDate.parse(today).plusDays(1).toString();
        assertThat(api.get(nurse, "/api/v1/visit-requirements?date=" + tomorrow + "&wardId=" + ward.id()).body()).isEmpty();
        assertThat(api.post(nurse, "/api/v1/interventions/" + added.text("id") + "/end", Map.of()).status()).isEqualTo(409);
    }

    @Test
    void refusesNamingTheFieldAndWritesNothing() {
        Response bad = api.post(nurse, path(admitted), Map.of("kind", "BLOODS", "times", List.of("9am")));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().path("errors").get(0).path("field").asText()).isEqualTo("times[0]");
        assertThat(jdbc.sql("select count(*) from care_intervention where patient_id = ?")
                .param(admitted.summary().id().value()).query(Long.class).single()).isZero();
    }

    @Test
    void onlyAdmittedPatientsInYourCareAndOnlyClinicalPlanners() {
        Map<String, Object> bloods = Map.of("kind", "BLOODS", "windowFrom", "08:00", "windowTo", "11:00");
        assertThat(api.post(nurse, path(notAdmitted), bloods).status()).isEqualTo(409);
        assertThat(api.post(outsider, path(admitted), bloods).status()).isEqualTo(404);
        assertThat(api.post(commissioner, path(admitted), bloods).status()).isEqualTo(403);
        assertThat(api.get(commissioner, "/api/v1/visit-requirements?date=" + today).status()).isEqualTo(403);
        api.post(nurse, path(admitted), bloods);
        assertThat(api.get(outsider, "/api/v1/visit-requirements?date=" + today).body().findValuesAsText("patientId"))
                .doesNotContain(admitted.summary().id().toString());
    }

    private static String path(PatientRecord patient) {
        return "/api/v1/patients/" + patient.summary().id() + "/interventions";
    }
}
