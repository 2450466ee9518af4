package org.homeward.medication;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.homeward.shared.PatientId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The medicine changes of a stay ({@link DischargeMedicinesRules}), row by row. */
class DischargeMedicinesRulesTests {

    static final ZoneId ZONE = ZoneId.of("Europe/London");
    static final Instant ADMITTED = Instant.parse("2026-12-01T10:00:00Z");
    static final Instant DISCHARGE = Instant.parse("2026-12-05T15:00:00Z");
    static final PatientId PATIENT = new PatientId(UUID.randomUUID());
    static final RecordedBy CONSULTANT = new RecordedBy("cons", "Dr Ann Lee", "Senior decision-maker", "Wessex Trust");

    static ReconciliationMedicine before(String medicine, ReconciliationDecision decision, String reason,
            String newDose, String newFrequency) {
        MedicineBeforeAdmission listed = new MedicineBeforeAdmission(UUID.randomUUID(),
                ReconciliationSource.GP_RECORD, medicine, "40 mg", "By mouth", "Once a day", null, "Nurse (n)",
                ADMITTED);
        ReconciliationDecisionMade made = decision == null ? null : new ReconciliationDecisionMade(
                listed.medicineKey(), decision, reason, newDose, newFrequency, "Pharmacist Pat (pp)",
                ADMITTED.plusSeconds(3600));
        return new ReconciliationMedicine(listed.medicineKey(), medicine, List.of(listed), made);
    }

    static Prescription prescribed(String medicine, String dose, Route route, Instant at, Instant endsAt,
            Instant stoppedAt, String stopReason, UUID replaces, UUID replacedBy) {
        return new Prescription(UUID.randomUUID(), PATIENT, UUID.randomUUID(), 1, medicine, new BigDecimal(dose),
                DoseUnit.MG, route, Frequency.ONCE_DAILY, List.of(LocalTime.of(8, 0)), at, endsAt, "Pneumonia", null,
                false, null, null, null, CONSULTANT, at, List.of(), ScreeningStatus.SCREENED, null, null, null, null,
                stoppedAt, stoppedAt == null ? null : "Dr Ann Lee (cons)", stopReason, replaces, replacedBy);
    }

    static Prescription active(String medicine, Route route) {
        return prescribed(medicine, "40", route, ADMITTED.plusSeconds(60), null, null, null, null, null);
    }

    @ParameterizedTest(name = "{0} before admission is shown as {1}")
    @CsvSource({
            "CONTINUED, CONTINUED, '40 mg, Once a day (By mouth)'",
            "STOPPED, STOPPED, ",
            "CHANGED, CHANGED, '20 mg, Once a day'",
            "WITHHELD, WITHHELD, "})
    void aMedicineBeforeAdmissionShowsTheReconciliationsDecision(ReconciliationDecision decision,
            MedicineChangeKind shown, String after) {
        MedicineChange row = DischargeMedicinesRules.beforeAdmission(List.of(before("Furosemide 40 mg tablets",
                decision, decision.needsReason() ? "Renal function fell" : null,
                decision == ReconciliationDecision.CHANGED ? "20 mg" : null,
                decision == ReconciliationDecision.CHANGED ? "Once a day" : null)), ZONE).get(0);
        assertThat(row.kind()).isEqualTo(shown);
        assertThat(row.section()).isEqualTo(MedicineChange.Section.BEFORE_ADMISSION);
        assertThat(row.before()).isEqualTo("40 mg, Once a day (By mouth)");
        assertThat(row.after()).isEqualTo(after);
        assertThat(row.reason()).isEqualTo(decision.needsReason() ? "Renal function fell" : null);
        assertThat(row.by()).isEqualTo("Pharmacist Pat (pp)");
        assertThat(row.history()).first().isEqualTo("Listed in GP record: 40 mg, Once a day (By mouth)");
        assertThat(row.history()).last().asString().startsWith(decision.label()).endsWith("(Pharmacist Pat (pp), "
                + "1 December 2026)");
        assertThat(row.needsCheck()).isEqualTo(decision == ReconciliationDecision.WITHHELD);
    }

    @Test
    void aMedicineBeforeAdmissionWithNoDecisionIsShownToCheckNeverLeftOut() {
        MedicineChange row = DischargeMedicinesRules.beforeAdmission(List.of(before("Ramipril 5 mg", null, null,
                null, null)), ZONE).get(0);
        assertThat(row.kind()).isEqualTo(MedicineChangeKind.NOT_DECIDED);
        assertThat(row.needsCheck()).isTrue();
        assertThat(row.after()).isNull();
        assertThat(row.history()).last().isEqualTo("No decision was recorded in the medicines reconciliation");
    }

    @ParameterizedTest(name = "still prescribed by the {0} route is {1}")
    @CsvSource({
            "ORAL, STARTED",
            "INHALED, STARTED",
            "NEBULISED, STARTED",
            "TOPICAL, STARTED",
            "NASOGASTRIC, STARTED",
            "RECTAL, STARTED",
            "INTRAVENOUS, STILL_PRESCRIBED_CHECK",
            "SUBCUTANEOUS, STILL_PRESCRIBED_CHECK",
            "INTRAMUSCULAR, STILL_PRESCRIBED_CHECK"})
    void aPrescriptionStillActiveAtDischargeContinuesUnlessTheVisitingTeamGivesIt(Route route,
            MedicineChangeKind shown) {
        MedicineChange row = DischargeMedicinesRules.duringStay(List.of(active("Ceftriaxone", route)), DISCHARGE,
                ZONE).get(0);
        assertThat(row.kind()).isEqualTo(shown);
        assertThat(row.after()).isEqualTo("Ceftriaxone 40 mg " + route.label().toLowerCase() + ", once daily");
        assertThat(row.reason()).isEqualTo("Pneumonia");
        assertThat(row.needsCheck()).isEqualTo(shown == MedicineChangeKind.STILL_PRESCRIBED_CHECK);
    }

    @Test
    void aCourseEndingExactlyAtDischargeIsCompletedAMinuteLaterIsStillPrescribed() {
        Prescription endsAtDischarge = prescribed("Amoxicillin", "500", Route.ORAL, ADMITTED, DISCHARGE, null, null,
                null, null);
        Prescription endsAfter = prescribed("Amoxicillin", "500", Route.ORAL, ADMITTED, DISCHARGE.plusSeconds(60),
                null, null, null, null);
        assertThat(DischargeMedicinesRules.standing(endsAtDischarge, DISCHARGE))
                .isEqualTo(MedicineChangeKind.COURSE_COMPLETED);
        assertThat(DischargeMedicinesRules.standing(endsAfter, DISCHARGE)).isEqualTo(MedicineChangeKind.STARTED);
        MedicineChange row = DischargeMedicinesRules.duringStay(List.of(endsAtDischarge), DISCHARGE, ZONE).get(0);
        assertThat(row.after()).isNull();
        assertThat(row.history()).last().isEqualTo("Course ended on 5 December 2026");
    }

    @Test
    void aStoppedPrescriptionIsStartedAndStoppedWithTheReasonAndWho() {
        Prescription stopped = prescribed("Furosemide", "40", Route.INTRAVENOUS, ADMITTED,
                null, ADMITTED.plusSeconds(86400), "Euvolaemic: back on oral diuretic", null, null);
        MedicineChange row = DischargeMedicinesRules.duringStay(List.of(stopped), DISCHARGE, ZONE).get(0);
        assertThat(row.kind()).isEqualTo(MedicineChangeKind.STOPPED_DURING_STAY);
        assertThat(row.reason()).isEqualTo("Euvolaemic: back on oral diuretic");
        assertThat(row.by()).isEqualTo("Dr Ann Lee (cons)");
        assertThat(row.after()).isNull();
        assertThat(row.history()).containsExactly(
                "Started Furosemide 40 mg intravenous, once daily on 1 December 2026 by Dr Ann Lee (Senior "
                        + "decision-maker, Wessex Trust), for Pneumonia",
                "Stopped on 2 December 2026 by Dr Ann Lee (cons): Euvolaemic: back on oral diuretic");
    }

    @Test
    void aChangedPrescriptionIsOneRowFromTheOldDoseToTheNewWithWhoAndWhy() {
        UUID firstId = UUID.randomUUID();
        UUID secondId = UUID.randomUUID();
        Instant changedAt = ADMITTED.plusSeconds(2 * 86400);
        Prescription first = withId(prescribed("Furosemide", "40", Route.ORAL, ADMITTED, null, changedAt,
                "Changed: Weight still rising", null, secondId), firstId);
        Prescription second = withId(prescribed("Furosemide", "80", Route.ORAL, changedAt, null, null, null, firstId,
                null), secondId);
        List<MedicineChange> rows = DischargeMedicinesRules.duringStay(List.of(second, first), DISCHARGE, ZONE);
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.kind()).isEqualTo(MedicineChangeKind.STARTED);
            assertThat(row.before()).isEqualTo("Furosemide 40 mg oral, once daily");
            assertThat(row.after()).isEqualTo("Furosemide 80 mg oral, once daily");
            assertThat(row.history()).element(1).isEqualTo("Changed from Furosemide 40 mg oral, once daily to "
                    + "Furosemide 80 mg oral, once daily on 3 December 2026 by Dr Ann Lee (Senior decision-maker, "
                    + "Wessex Trust): Weight still rising");
        });
    }

    @Test
    void beforeAdmissionComesFirstThenThePrescriptionsInTheOrderPrescribed() {
        Prescription later = prescribed("Salbutamol", "5", Route.NEBULISED, ADMITTED.plusSeconds(7200), null, null,
                null, null, null);
        Prescription earlier = prescribed("Ceftriaxone", "2000", Route.INTRAVENOUS, ADMITTED.plusSeconds(60), null,
                null, null, null, null);
        List<MedicineChange> rows = DischargeMedicinesRules.changes(List.of(before("Aspirin 75 mg",
                ReconciliationDecision.CONTINUED, null, null, null)), List.of(later, earlier), DISCHARGE, ZONE);
        assertThat(rows).extracting(MedicineChange::medicine).containsExactly("Aspirin 75 mg", "Ceftriaxone",
                "Salbutamol");
        assertThat(DischargeMedicinesRules.changes(List.of(), List.of(), DISCHARGE, ZONE)).isEmpty();
    }

    static Prescription withId(Prescription p, UUID id) {
        return new Prescription(id, p.patientId(), p.formularyEntryId(), p.formularyVersion(), p.medicine(), p.dose(),
                p.doseUnit(), p.route(), p.frequency(), p.times(), p.startsAt(), p.endsAt(), p.indication(),
                p.reviewOn(), p.antimicrobial(), p.substanceClass(), p.weightKg(), p.dosePerKgMg(), p.prescribedBy(),
                p.prescribedAt(), p.overrides(), p.screening(), p.screeningNote(), p.screenedBy(), p.screenedAt(),
                p.screeningTaskId(), p.stoppedAt(), p.stoppedBy(), p.stopReason(), p.replaces(), p.replacedBy());
    }
}
