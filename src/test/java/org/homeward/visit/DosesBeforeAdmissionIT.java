package org.homeward.visit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import org.homeward.careplan.AddIntervention;
import org.homeward.careplan.CarePlanService;
import org.homeward.careplan.InterventionKind;
import org.homeward.patient.PatientRecord;
import org.homeward.rota.AddShift;
import org.homeward.rota.RotaService;
import org.homeward.security.CurrentUser;
import org.homeward.security.Organisation;
import org.homeward.security.OrganisationType;
import org.homeward.security.Role;
import org.homeward.shared.PatientId;
import org.homeward.shared.Skill;
import org.homeward.support.Fixtures;
import org.homeward.support.IntegrationTest;
import org.homeward.support.TestClock;
import org.homeward.ward.VirtualWard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Care starts at admission, not at midnight (issue 9, item 4): doses due before admission are never "missed". */
@IntegrationTest
class DosesBeforeAdmissionIT {

    @Autowired Fixtures fixtures;
    @Autowired TestClock clock;
    @Autowired VisitService visits;
    @Autowired CarePlanService carePlans;
    @Autowired RotaService rota;
    @Autowired DayPlanService dayPlans;
    @Autowired VisitRecordService records;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aPatientAdmittedAt1542IsNotShownThatMorningsDosesAsMissed() {
        LocalDate day = LocalDate.now().plusDays(2);
        clock.set(day.atTime(15, 42).atZone(clock.getZone()).toInstant());
        Organisation community = fixtures.organisation(OrganisationType.COMMUNITY_PROVIDER);
        CurrentUser referrer = fixtures.user(Role.REFERRER, community);
        CurrentUser consultant = fixtures.user(Role.SENIOR_DECISION_MAKER, community);
        CurrentUser coordinator = fixtures.user(Role.COORDINATOR, community);
        CurrentUser nurse = fixtures.user(Role.CLINICIAN, community);
        VirtualWard ward = fixtures.ward(community, 10);
        PatientRecord patient = fixtures.patient(referrer, LocalDate.of(1947, 7, 7));
        PatientId id = patient.summary().id();
        fixtures.admit(patient, ward, referrer, consultant);
        carePlans.addIntervention(consultant, id, new AddIntervention(InterventionKind.IV_ANTIBIOTIC_DOSE,
                "IV ceftriaxone", null, null, null, List.of("06:00", "14:00", "22:00"), 30, null, null, null, null,
                null));
        rota.addShift(coordinator, new AddShift(nurse.username(), day.atTime(16, 0), day.atTime(23, 30),
                EnumSet.of(Skill.IV_COMPETENT_NURSE, Skill.REGISTERED_NURSE), 50.72, -2.44, null, null, 30, 10));

        assertThat(visits.requirements(coordinator, day, ward.id())).filteredOn(r -> r.patientId().equals(id))
                .extracting(r -> r.earliestStart().atZone(clock.getZone()).toLocalTime())
                .containsExactly(LocalTime.of(21, 30));
        assertThat(visits.requirements(coordinator, day.plusDays(1), ward.id()))
                .filteredOn(r -> r.patientId().equals(id)).as("the next day is a whole day").hasSize(3);

        dayPlans.plan(coordinator, day);
        clock.set(day.atTime(17, 0).atZone(clock.getZone()).toInstant());
        assertThat(records.exceptions(coordinator, day)).noneMatch(e -> e.visit().patientId().equals(id)
                && e.kind() == VisitException.Kind.MISSED);
    }
}
