package org.homeward;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.homeward.medication.AdministrationOutcome;
import org.homeward.medication.AdministrationService;
import org.homeward.medication.AllergyService;
import org.homeward.medication.DoseLine;
import org.homeward.medication.DoseState;
import org.homeward.medication.DoseUnit;
import org.homeward.medication.FormularyEntry;
import org.homeward.medication.FormularyService;
import org.homeward.medication.Frequency;
import org.homeward.medication.GrabBag;
import org.homeward.medication.GrabBagService;
import org.homeward.medication.NewGrabBag;
import org.homeward.medication.Prescribe;
import org.homeward.medication.PrescriptionService;
import org.homeward.medication.RecordAdministration;
import org.homeward.medication.RestockBag;
import org.homeward.medication.Route;
import org.homeward.medication.SaveFormularyEntry;
import org.homeward.medication.SecondCheckHow;
import org.homeward.medication.SubstanceClass;
import org.homeward.patient.PatientRecord;
import org.homeward.security.CurrentUser;
import org.homeward.security.Organisation;
import org.homeward.security.OrganisationType;
import org.homeward.security.Role;
import org.homeward.shared.PatientId;
import org.homeward.support.Fixtures;
import org.homeward.support.RealApplication;
import org.homeward.support.TestClock;
import org.homeward.ward.VirtualWard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The medicines chart across a restart of the real application on its own data folder: a dose given from the grab bag
 * on the first day is still given (batch, checker, the bag one vial down) after the restart, and the next morning's dose
 * nobody gave while the application was down is late: after the restart the late-dose check raises its task once, and
 * past the limit its alert once, however often the check runs.
 */
class MedicinesRestartIT {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @TempDir
    Path dataDir;

    private final TestClock clock = new TestClock(LONDON);
    private final LocalDate day = LocalDate.now(LONDON);

    @Test
    void aDoseGivenBeforeARestartStaysGivenAndTheDoseMissedWhileDownIsChasedOnce() {
        PatientId patient;
        CurrentUser nurse;
        UUID entryId;
        String firstDose;
        try (ConfigurableApplicationContext first = start()) {
            clock.set(at(day, "08:00"));
            Fixtures fixtures = first.getAutowireCapableBeanFactory().createBean(Fixtures.class);
            Organisation acute = fixtures.organisation(OrganisationType.ACUTE_TRUST);
            Organisation community = fixtures.organisation(OrganisationType.COMMUNITY_PROVIDER);
            CurrentUser referrer = fixtures.user(Role.REFERRER, acute);
            CurrentUser consultant = fixtures.user(Role.SENIOR_DECISION_MAKER, acute);
            CurrentUser pharmacist = fixtures.user(Role.PHARMACIST, acute);
            CurrentUser coordinator = fixtures.user(Role.COORDINATOR, community);
            nurse = fixtures.user(Role.CLINICIAN, community);
            CurrentUser secondNurse = fixtures.user(Role.CLINICIAN, community);
            VirtualWard ward = fixtures.ward(acute, 5, List.of(community));
            PatientRecord record = fixtures.patient(referrer, LocalDate.of(1939, 5, 2));
            fixtures.admit(record, ward, referrer, consultant);
            patient = record.summary().id();
            first.getBean(AllergyService.class).recordNoKnownAllergies(nurse, patient);
            FormularyEntry ceftriaxone = first.getBean(FormularyService.class).add(pharmacist, new SaveFormularyEntry(
                    "Ceftriaxone", "powder for solution for injection", Fixtures.unique("vial "),
                    EnumSet.of(Route.INTRAVENOUS), DoseUnit.G, BigDecimal.ONE, new BigDecimal("4"), null, null, null,
                    true, true, false, true, SubstanceClass.CEPHALOSPORINS, null, null, "BNF, Ceftriaxone", null));
            entryId = ceftriaxone.id();
            first.getBean(PrescriptionService.class).prescribe(consultant, patient, new Prescribe(entryId,
                    new BigDecimal("2"), DoseUnit.G, Route.INTRAVENOUS, Frequency.ONCE_DAILY,
                    List.of(LocalTime.of(9, 0)), null, null, "Cellulitis", null, List.of()));
            GrabBagService bags = first.getBean(GrabBagService.class);
            GrabBag bag = bags.create(coordinator, new NewGrabBag(Fixtures.unique("IV bag "), "Base", "S-77"));
            bags.restock(coordinator, bag.id(), new RestockBag(entryId, "CX0101", day.plusMonths(6),
                    new BigDecimal("3"), "Order 1", null));

            clock.set(at(day, "09:04"));
            AdministrationService doses = first.getBean(AdministrationService.class);
            firstDose = doses.dosesOn(nurse, patient, day).get(0).dose().key();
            UUID item = bags.usableItems(nurse, entryId).get(0).bagItemId();
            doses.record(nurse, patient, new RecordAdministration(firstDose, AdministrationOutcome.GIVEN, null,
                    new BigDecimal("2"), Route.INTRAVENOUS, "Left forearm cannula", null, null, item,
                    secondNurse.username(), SecondCheckHow.IN_PERSON, null, null));
            clock.set(at(day.plusDays(1), "08:00"));
        }

        // down overnight; back at 09:31 the next day, past the window of the 09:00 dose nobody gave
        clock.set(at(day.plusDays(1), "09:31"));
        try (ConfigurableApplicationContext second = start()) {
            AdministrationService doses = second.getBean(AdministrationService.class);
            DoseLine given = doses.dosesOn(nurse, patient, day).get(0);
            assertThat(given.dose().key()).isEqualTo(firstDose);
            assertThat(given.state()).isEqualTo(DoseState.GIVEN);
            assertThat(given.administration().batch()).isEqualTo("CX0101");
            assertThat(second.getBean(GrabBagService.class).usableItems(nurse, entryId)).singleElement()
                    .satisfies(i -> assertThat(i.quantity()).isEqualByComparingTo("2"));

            DoseLine missed = doses.dosesOn(nurse, patient, day.plusDays(1)).get(0);
            assertThat(missed.state()).isEqualTo(DoseState.LATE);
            doses.checkLateDoses(clock.instant());
            doses.checkLateDoses(clock.instant());
            JdbcClient jdbc = second.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select count(*) from task where origin = 'MEDICINE_DOSE' and origin_id = ?")
                    .param(missed.dose().key()).query(Long.class).single()).as("one task, however often checked")
                    .isEqualTo(1);

            clock.set(at(day.plusDays(1), "11:00"));
            doses.checkLateDoses(clock.instant());
            doses.checkLateDoses(clock.instant());
            assertThat(jdbc.sql("select count(*) from alert where patient_id = ? and kind = 'MISSED_DOSE'")
                    .param(patient.value()).query(Long.class).single()).as("one alert past the 2 hour limit")
                    .isEqualTo(1);
        }
    }

    private static Instant at(LocalDate date, String time) {
        return date.atTime(LocalTime.parse(time)).atZone(LONDON).toInstant();
    }

    private ConfigurableApplicationContext start() {
        return RealApplication.start(dataDir, clock);
    }
}
