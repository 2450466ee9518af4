package org.homeward.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.homeward.careplan.AddIntervention;
import org.homeward.careplan.CarePlanService;
import org.homeward.careplan.InterventionKind;
import org.homeward.escalation.AlertService;
import org.homeward.escalation.AlertStatus;
import org.homeward.escalation.AlertView;
import org.homeward.observation.HomeLinkService;
import org.homeward.patient.PatientRecord;
import org.homeward.rota.AddShift;
import org.homeward.rota.RotaService;
import org.homeward.security.CurrentUser;
import org.homeward.security.Organisation;
import org.homeward.security.OrganisationType;
import org.homeward.security.Role;
import org.homeward.shared.PatientId;
import org.homeward.shared.Skill;
import org.homeward.support.Api;
import org.homeward.support.Fixtures;
import org.homeward.support.IntegrationTest;
import org.homeward.support.PageSession;
import org.homeward.support.TestClock;
import org.homeward.visit.DayPlan;
import org.homeward.visit.DayPlanChange;
import org.homeward.visit.DayPlanService;
import org.homeward.visit.PlannedVisit;
import org.homeward.visit.VisitService;
import org.homeward.ward.VirtualWard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Discharge closes the loop in its own transaction (issue 9, item 4): the interventions end, the visits after
 * discharge leave today's and tomorrow's plans as a recorded change, the carer's link stops working and takes no
 * readings, the missed-reading schedule stops, and the open alert is closed with the discharge as its outcome.
 */
@IntegrationTest
class DischargeClosesTheLoopIT {

    @Autowired Fixtures fixtures;
    @Autowired Api api;
    @Autowired TestClock clock;
    @Autowired ReferralService referrals;
    @Autowired VisitService visits;
    @Autowired CarePlanService carePlans;
    @Autowired RotaService rota;
    @Autowired DayPlanService dayPlans;
    @Autowired AlertService alerts;
    @Autowired HomeLinkService links;
    @Autowired JdbcClient jdbc;

    CurrentUser consultant;
    CurrentUser nurse;
    CurrentUser coordinator;
    VirtualWard ward;
    PatientRecord patient;
    PatientId id;
    AdmissionView admission;
    LocalDate day;

    @BeforeEach
    void admittedWithVisitsPlannedTodayAndTomorrow() {
        day = LocalDate.now().plusDays(2);
        clock.set(at(day, 7, 0));
        Organisation community = fixtures.organisation(OrganisationType.COMMUNITY_PROVIDER);
        CurrentUser referrer = fixtures.user(Role.REFERRER, community);
        consultant = fixtures.user(Role.SENIOR_DECISION_MAKER, community);
        nurse = fixtures.user(Role.CLINICIAN, community);
        coordinator = fixtures.user(Role.COORDINATOR, community);
        ward = fixtures.ward(community, 10);
        patient = fixtures.patient(referrer, LocalDate.of(1944, 3, 3));
        id = patient.summary().id();
        admission = fixtures.admit(patient, ward, referrer, consultant);
        carePlans.addIntervention(consultant, id, new AddIntervention(InterventionKind.IV_ANTIBIOTIC_DOSE,
                "IV co-amoxiclav", null, null, null, List.of("10:00", "14:00", "18:00"), 30, null, null, null, null,
                null));
        for (LocalDate d : List.of(day, day.plusDays(1))) {
            rota.addShift(coordinator, new AddShift(nurse.username(), d.atTime(8, 0), d.atTime(20, 0),
                    EnumSet.of(Skill.IV_COMPETENT_NURSE, Skill.REGISTERED_NURSE), 50.72, -2.44, null, null, 30, 10));
            assertThat(dayPlans.plan(coordinator, d).visits()).filteredOn(v -> v.patientId().equals(id))
                    .hasSize(3).allMatch(PlannedVisit::planned);
        }
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void oneDischargeEndsInterventionsTakesLaterVisitsOffThePlansRevokesTheLinkStopsMonitoringAndClosesTheAlert() {
        String token = links.issue(nurse, id);
        clock.set(at(day, 11, 0));
        sendAsNurse(reading("RESPIRATORY_RATE", 26, at(day, 10, 59)));
        AlertView open = alerts.openAlerts(nurse, ward.id()).stream().filter(a -> a.patientId().equals(id))
                .findFirst().orElseThrow();

        clock.set(at(day, 12, 0));
        var discharged = api.post(consultant, "/api/v1/admissions/" + admission.id().value() + "/discharge", Map.of(
                "destination", "USUAL_RESIDENCE", "summary", "Completed IV antibiotics; GP to review in a week"));
        assertThat(discharged.status()).as(discharged.toString()).isEqualTo(200);

        // interventions end on the day of discharge
        assertThat(carePlans.interventions(consultant, id)).allSatisfy(i -> {
            assertThat(i.endsOn()).isEqualTo(day);
            assertThat(i.endedBy()).isEqualTo(consultant.username());
        });
        // today's visits after discharge are no longer planned, the one before stays; the change is recorded
        DayPlan today = dayPlans.currentPlan(coordinator, day).orElseThrow();
        List<PlannedVisit> todays = today.visits().stream().filter(v -> v.patientId().equals(id)).toList();
        assertThat(todays).filteredOn(PlannedVisit::planned).hasSize(1)
                .allMatch(v -> v.startsAt().isBefore(at(day, 12, 0)));
        assertThat(todays).filteredOn(v -> !v.planned()).hasSize(2)
                .allSatisfy(v -> assertThat(v.notPlannedWhy()).contains("discharged"));
        assertThat(dayPlans.changes(coordinator, day)).filteredOn(c -> c.patientId().equals(id))
                .hasSize(2).allMatch(c -> c.change() == DayPlanChange.Kind.UNPLACED);
        // tomorrow's plan sends nobody
        assertThat(dayPlans.currentPlan(coordinator, day.plusDays(1)).orElseThrow().visits())
                .filteredOn(v -> v.patientId().equals(id)).hasSize(3).noneMatch(PlannedVisit::planned);
        assertThat(visits.requirements(coordinator, day.plusDays(1), null))
                .noneMatch(r -> r.patientId().equals(id));

        // the open alert is closed with the discharge as its outcome, by the discharging consultant
        AlertView closed = alerts.alert(nurse, open.id());
        assertThat(closed.status()).isEqualTo(AlertStatus.CLOSED);
        assertThat(closed.closedBy()).isEqualTo(consultant.username());
        assertThat(closed.responseNote()).contains("Patient discharged");
        assertThat(openAlertsOfPatient()).isEmpty();

        // the carer's link is dead, and takes no readings
        PageSession carer = PageSession.anonymous(api.baseUrl());
        var page = carer.get("/home/" + token);
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.testId("error-detail")).contains("no longer active");
        assertThat(readingsOfPatient()).isEqualTo(1);

        // the missed-reading schedule stopped: a day later nothing is due
        assertThat(jdbc.sql("select count(*) from monitoring_schedule where patient_id = ?").param(id.value())
                .query(Long.class).single()).isZero();
        alerts.raiseMissedReadings(at(day.plusDays(1), 12, 0));
        assertThat(openAlertsOfPatient()).isEmpty();
    }

    @Test
    void readingsForADischargedPatientRaiseNoAlertWithNoWard() {
        clock.set(at(day, 12, 0));
        referrals.discharge(consultant, admission.id(), new DischargePatient(null,
                DischargeDestination.USUAL_RESIDENCE, null, null, "Recovered"));

        sendAsNurse(reading("RESPIRATORY_RATE", 30, at(day, 11, 59)), reading("OXYGEN_SATURATION", 90, at(day, 11, 59)),
                reading("HEART_RATE", 135, at(day, 11, 59)));

        assertThat(jdbc.sql("select count(*) from alert where patient_id = ?").param(id.value()).query(Long.class)
                .single()).isZero();
    }

    @Test
    void aFailureInOneListenerRollsTheWholeDischargeBack() {
        String token = links.issue(nurse, id);
        clock.set(at(day, 12, 0));
        // the monitoring schedule refuses to stop for this patient: a real database failure inside the discharge
        jdbc.sql("""
                create or replace function refuse_discharge_test() returns trigger language plpgsql as $$
                begin raise exception 'monitoring schedule refused to stop'; end $$""").update();
        jdbc.sql("create trigger refuse_discharge_test before delete on monitoring_schedule for each row "
                + "when (old.patient_id = '" + id.value() + "') execute function refuse_discharge_test()").update();
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> referrals.discharge(consultant, admission.id(),
                    new DischargePatient(null, DischargeDestination.USUAL_RESIDENCE, null, null, "Recovered")))
                    .hasMessageContaining("monitoring schedule refused to stop");
        } finally {
            jdbc.sql("drop trigger refuse_discharge_test on monitoring_schedule").update();
            jdbc.sql("drop function refuse_discharge_test()").update();
        }

        assertThat(referrals.currentWard(id)).contains(ward.id());
        assertThat(carePlans.interventions(consultant, id)).allMatch(i -> i.endedAt() == null);
        assertThat(dayPlans.currentPlan(coordinator, day).orElseThrow().visits())
                .filteredOn(v -> v.patientId().equals(id)).allMatch(PlannedVisit::planned);
        assertThat(PageSession.anonymous(api.baseUrl()).get("/home/" + token).status()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from home_link where patient_id = ? and revoked_at is null")
                .param(id.value()).query(Long.class).single()).isOne();
    }

    // ------------------------------------------------------------------------------------------------------------

    private List<AlertView> openAlertsOfPatient() {
        return jdbc.sql("select id from alert where patient_id = ? and status <> 'CLOSED'").param(id.value())
                .query(UUID.class).list().stream().map(a -> alerts.alert(nurse, a)).toList();
    }

    private long readingsOfPatient() {
        return jdbc.sql("select count(*) from observation_reading where patient_id = ?").param(id.value())
                .query(Long.class).single();
    }

    @SafeVarargs
    private void sendAsNurse(Map<String, Object>... readings) {
        var sent = api.post(nurse, "/api/v1/observations/batch", Map.of("readings", List.of(readings)));
        assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
    }

    private Map<String, Object> reading(String parameter, double value, Instant at) {
        return Map.of("id", UUID.randomUUID().toString(), "patientId", id.value().toString(), "parameter", parameter,
                "value", value, "recordedAt", at.toString());
    }

    private Instant at(LocalDate d, int hour, int minute) {
        return d.atTime(LocalTime.of(hour, minute)).atZone(clock.getZone()).toInstant();
    }
}
