package org.homeward.visit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.homeward.patient.PatientRecord;
import org.homeward.patient.PatientService;
import org.homeward.security.CurrentUser;
import org.homeward.security.Role;
import org.homeward.support.Api;
import org.homeward.support.Fixtures;
import org.homeward.support.IntegrationTest;
import org.homeward.support.PageSession;
import org.homeward.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The visits due, the day plan and the missed and late visits show patients' names: each writes one audit line per
 * patient shown, against that patient (ADR 0002).
 */
@IntegrationTest
class VisitListAuditIT {

    @Autowired Fixtures fixtures;
    @Autowired Api api;
    @Autowired PatientService patientService;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theVisitsDueTheDayPlanAndTheMissedVisitsEachWriteOneAuditRowPerPatientShown() {
        VisitDay team = new VisitDay(fixtures, api, patientService);
        CurrentUser nurse = team.staff(Role.CLINICIAN);
        PatientRecord dose = team.admitted(50.712, -2.441);
        PatientRecord bloods = team.admitted(50.725, -2.462);
        team.intervention(nurse, dose, Map.of("kind", "IV_ANTIBIOTIC_DOSE", "times", List.of("10:00"),
                "toleranceMinutes", 30));
        team.intervention(nurse, bloods, Map.of("kind", "BLOODS", "windowFrom", "08:00", "windowTo", "11:00"));
        team.shift(team.staff(Role.CLINICIAN), LocalTime.of(8, 0), LocalTime.of(16, 0),
                List.of("IV_COMPETENT_NURSE", "REGISTERED_NURSE"));
        List<UUID> both = List.of(dose.summary().id().value(), bloods.summary().id().value());

        CurrentUser requirementsReader = team.staff(Role.CLINICIAN);
        assertThat(api.get(requirementsReader, "/api/v1/visit-requirements?date=" + team.day).body()).hasSize(2);
        assertThat(audited(requirementsReader, "VisitRequirements")).containsExactlyInAnyOrderElementsOf(both);

        assertThat(api.post(team.coordinator, "/api/v1/day-plans/" + team.day, Map.of()).status()).isEqualTo(201);
        CurrentUser planReader = team.staff(Role.CLINICIAN);
        assertThat(api.get(planReader, "/api/v1/day-plans/" + team.day).body().path("visits")).hasSize(2);
        assertThat(audited(planReader, "DayPlan")).containsExactlyInAnyOrderElementsOf(both);

        clock.set(team.at("15:00"));
        CurrentUser exceptionsReader = team.staff(Role.COORDINATOR);
        assertThat(api.get(exceptionsReader, "/api/v1/visit-exceptions?date=" + team.day).body()).hasSize(2);
        assertThat(audited(exceptionsReader, "VisitExceptions")).containsExactlyInAnyOrderElementsOf(both);

        CurrentUser dayViewer = team.staff(Role.COORDINATOR);
        assertThat(PageSession.signIn(api.baseUrl(), dayViewer).get("/visits?date=" + team.day).html().text())
                .containsIgnoringCase(dose.summary().familyName());
        assertThat(audited(dayViewer, "DayPlan")).containsExactlyInAnyOrderElementsOf(both);
        assertThat(audited(dayViewer, "VisitExceptions")).containsExactlyInAnyOrderElementsOf(both);
    }

    private List<UUID> audited(CurrentUser user, String recordType) {
        return jdbc.sql("select patient_id from audit_event where username = ? and record_type = ? and action = 'READ'")
                .params(user.username(), recordType).query((rs, row) -> rs.getObject(1, UUID.class)).list();
    }
}
