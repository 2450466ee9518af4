package org.homeward.medication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.homeward.shared.InvalidInputException;
import org.homeward.shared.PatientId;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The checks at prescribing, row by row, every edge included. */
class PrescribingRulesTests {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final PatientId PATIENT = new PatientId(UUID.randomUUID());
    static final Instant NOW = Instant.parse("2026-12-05T09:00:00Z");

    static FormularyEntry ceftriaxone() {
        return entry("Ceftriaxone", SubstanceClass.CEPHALOSPORINS, DoseUnit.G, "1", "4", "50", "80", "4", true,
                EnumSet.of(Route.INTRAVENOUS, Route.INTRAMUSCULAR));
    }

    static FormularyEntry coAmoxiclav() {
        return entry("Co-amoxiclav", SubstanceClass.PENICILLINS, DoseUnit.MG, "1200", "1200", "30", "30", "1200",
                true, EnumSet.of(Route.INTRAVENOUS));
    }

    static FormularyEntry entry(String name, SubstanceClass cls, DoseUnit unit, String adultMin, String adultMax,
            String childMin, String childMax, String childMaxDose, boolean antimicrobial, EnumSet<Route> routes) {
        return new FormularyEntry(UUID.randomUUID(), 1, name, "powder for solution for injection", "1 g", routes, unit,
                dec(adultMin), dec(adultMax), dec(childMin), dec(childMax), dec(childMaxDose), true, false, false,
                antimicrobial, cls, null, null, "BNF", "pharmacist", NOW, null);
    }

    static BigDecimal dec(String value) {
        return value == null ? null : new BigDecimal(value);
    }

    static Allergy allergy(String substance, SubstanceClass cls, AllergySeverity severity, boolean inError,
            UUID entryId) {
        return new Allergy(UUID.randomUUID(), PATIENT, 1, substance, entryId, cls, "rash", severity,
                AllergyCertainty.CONFIRMED, ReactionKind.ALLERGY, inError,
                new RecordedBy("u", "Dr U", "Senior decision-maker", "Trust"), NOW, NOW, null);
    }

    static Prescription prescription(FormularyEntry entry, Route route, Instant stoppedAt, Instant endsAt) {
        return new Prescription(UUID.randomUUID(), PATIENT, entry.id(), 1, entry.name(), BigDecimal.ONE,
                entry.doseUnit(), route, Frequency.ONCE_DAILY, List.of(LocalTime.of(8, 0)), NOW.minusSeconds(86400),
                endsAt, "pneumonia", null, entry.antimicrobial(), entry.substanceClass(), null, null,
                new RecordedBy("u", "Dr U", "Senior decision-maker", "Trust"), NOW, List.of(),
                ScreeningStatus.AWAITING, null, null, null, null, stoppedAt, null, stoppedAt == null ? null : "done",
                null, null);
    }

    @Nested
    class AllergiesRecorded {

        @ParameterizedTest
        @CsvSource({"NOT_RECORDED, true", "NO_KNOWN_ALLERGIES, false", "HAS_ALLERGIES, false"})
        void refusesOnlyWhileNotRecorded(AllergyStatus status, boolean refused) {
            Optional<CheckFinding> finding = PrescribingRules.allergiesRecorded(status);
            assertThat(finding.isPresent()).isEqualTo(refused);
            finding.ifPresent(f -> {
                assertThat(f.field()).isEqualTo("allergies");
                assertThat(f.confirmable()).as("cannot be confirmed past").isFalse();
            });
        }

        @Test
        void anUnknownStatusIsRefused() {
            assertThat(PrescribingRules.allergiesRecorded(null)).isPresent();
        }
    }

    @Nested
    class AllergyConflict {

        @ParameterizedTest(name = "{0} {1} {2} against {3}: conflict {4}")
        @CsvSource({
                // same class
                "Penicillins, PENICILLINS, MILD, co-amoxiclav, true",
                "Penicillins, PENICILLINS, LIFE_THREATENING, co-amoxiclav, true",
                // cross-sensitivity: only a severe or life-threatening penicillin allergy
                "Penicillins, PENICILLINS, MILD, ceftriaxone, false",
                "Penicillins, PENICILLINS, MODERATE, ceftriaxone, false",
                "Penicillins, PENICILLINS, SEVERE, ceftriaxone, true",
                "Penicillins, PENICILLINS, LIFE_THREATENING, ceftriaxone, true",
                // by name, no class
                "ceftriaxone, , MILD, ceftriaxone, true",
                "Ceftriaxone, , MILD, co-amoxiclav, false",
                // another class altogether
                "Doxycycline, TETRACYCLINES, SEVERE, ceftriaxone, false",
                "Cefalexin, CEPHALOSPORINS, MILD, ceftriaxone, true",
        })
        void matchesBySubstanceClassNameOrCrossSensitivity(String substance, SubstanceClass cls,
                AllergySeverity severity, String medicine, boolean conflict) {
            FormularyEntry entry = medicine.equals("ceftriaxone") ? ceftriaxone() : coAmoxiclav();
            Optional<CheckFinding> finding = PrescribingRules.allergyConflict(entry,
                    List.of(allergy(substance, cls, severity, false, null)));
            assertThat(finding.isPresent()).isEqualTo(conflict);
            finding.ifPresent(f -> {
                assertThat(f.check()).isEqualTo(PrescribingCheck.ALLERGY);
                assertThat(f.field()).isEqualTo("formularyEntryId");
                assertThat(f.message()).contains(substance);
            });
        }

        @Test
        void anAllergyToTheFormularyEntryItselfConflicts() {
            FormularyEntry entry = ceftriaxone();
            assertThat(PrescribingRules.allergyConflict(entry,
                    List.of(allergy("Rocephin", null, AllergySeverity.MILD, false, entry.id())))).isPresent();
        }

        @Test
        void anAllergyEnteredInErrorIsIgnored() {
            assertThat(PrescribingRules.allergyConflict(coAmoxiclav(),
                    List.of(allergy("Penicillins", SubstanceClass.PENICILLINS, AllergySeverity.SEVERE, true, null))))
                    .isEmpty();
        }

        @Test
        void noAllergiesNoConflict() {
            assertThat(PrescribingRules.allergyConflict(coAmoxiclav(), List.of())).isEmpty();
        }

        @ParameterizedTest
        @CsvSource({"penicillin, PENICILLINS", "Penicillins, PENICILLINS", "CEPHALOSPORIN, CEPHALOSPORINS",
                "amoxicillin, ", "pe, "})
        void aSubstanceNamingAClassGetsThatClass(String substance, SubstanceClass expected) {
            assertThat(SubstanceClass.named(substance)).isEqualTo(Optional.ofNullable(expected));
        }
    }

    @Nested
    class Duplicate {

        @Test
        void theSameMedicineByAnyRouteIsADuplicate() {
            FormularyEntry entry = ceftriaxone();
            Optional<CheckFinding> finding = PrescribingRules.duplicate(entry, entry.substanceClass(),
                    Route.INTRAMUSCULAR, List.of(prescription(entry, Route.INTRAVENOUS, null, null)), NOW);
            assertThat(finding).get().extracting(CheckFinding::check).isEqualTo(PrescribingCheck.DUPLICATE);
        }

        @Test
        void theSameClassByTheSameRouteIsADuplicate() {
            FormularyEntry other = entry("Cefuroxime", SubstanceClass.CEPHALOSPORINS, DoseUnit.MG, null, null, null,
                    null, null, true, EnumSet.of(Route.INTRAVENOUS));
            FormularyEntry entry = ceftriaxone();
            assertThat(PrescribingRules.duplicate(entry, entry.substanceClass(), Route.INTRAVENOUS,
                    List.of(prescription(other, Route.INTRAVENOUS, null, null)), NOW)).isPresent();
        }

        @Test
        void theSameClassByAnotherRouteIsNot() {
            FormularyEntry other = entry("Cefalexin", SubstanceClass.CEPHALOSPORINS, DoseUnit.MG, null, null, null,
                    null, null, true, EnumSet.of(Route.ORAL));
            FormularyEntry entry = ceftriaxone();
            assertThat(PrescribingRules.duplicate(entry, entry.substanceClass(), Route.INTRAVENOUS,
                    List.of(prescription(other, Route.ORAL, null, null)), NOW)).isEmpty();
        }

        @Test
        void aStoppedOrEndedPrescriptionIsNot() {
            FormularyEntry entry = ceftriaxone();
            assertThat(PrescribingRules.duplicate(entry, entry.substanceClass(), Route.INTRAVENOUS,
                    List.of(prescription(entry, Route.INTRAVENOUS, NOW.minusSeconds(1), null),
                            prescription(entry, Route.INTRAVENOUS, null, NOW)), NOW))
                    .as("stopped before now; ending exactly now").isEmpty();
            assertThat(PrescribingRules.duplicate(entry, entry.substanceClass(), Route.INTRAVENOUS,
                    List.of(prescription(entry, Route.INTRAVENOUS, null, NOW.plusSeconds(1))), NOW))
                    .as("ending a second from now").isPresent();
        }

        @Test
        void aMedicineWithNoClassMatchesOnlyItself() {
            FormularyEntry a = entry("A", null, DoseUnit.MG, null, null, null, null, null, false,
                    EnumSet.of(Route.ORAL));
            FormularyEntry b = entry("B", null, DoseUnit.MG, null, null, null, null, null, false,
                    EnumSet.of(Route.ORAL));
            assertThat(PrescribingRules.duplicate(a, null, Route.ORAL, List.of(prescription(b, Route.ORAL, null,
                    null)), NOW)).isEmpty();
        }
    }

    @Nested
    class RouteAndUnit {

        @Test
        void aRouteTheEntryDoesNotAllowIsRefused() {
            assertThat(PrescribingRules.routeAllowed(ceftriaxone(), Route.ORAL)).get()
                    .extracting(CheckFinding::field).isEqualTo("route");
            assertThat(PrescribingRules.routeAllowed(ceftriaxone(), null)).isPresent();
            assertThat(PrescribingRules.routeAllowed(ceftriaxone(), Route.INTRAVENOUS)).isEmpty();
        }

        @ParameterizedTest
        @CsvSource({"2000, MG, 2", "2, G, 2", "2000000, MICROGRAM, 2", "0.5, G, 0.5"})
        void aMassDoseConvertsToTheEntryUnit(String dose, DoseUnit unit, String inGrams) {
            assertThat(PrescribingRules.doseInEntryUnit(ceftriaxone(), new BigDecimal(dose), unit))
                    .isEqualByComparingTo(inGrams);
        }

        @Test
        void aDoseInAnotherKindOfUnitIsRefused() {
            assertThatThrownBy(() -> PrescribingRules.doseInEntryUnit(ceftriaxone(), BigDecimal.TEN, DoseUnit.ML))
                    .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("doseUnit");
        }

        @ParameterizedTest
        @CsvSource({"0", "-1"})
        void aDoseNotAboveZeroIsRefused(String dose) {
            assertThatThrownBy(() -> PrescribingRules.doseInEntryUnit(ceftriaxone(), new BigDecimal(dose),
                    DoseUnit.G)).isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("dose");
        }
    }

    @Nested
    class AdultDose {

        @ParameterizedTest(name = "{0} g: outside {1}")
        @CsvSource({"0.99, true", "1, false", "2, false", "4, false", "4.01, true"})
        void theRangeEndsAreInside(String grams, boolean outside) {
            Optional<CheckFinding> finding = PrescribingRules.adultDose(ceftriaxone(), new BigDecimal(grams));
            assertThat(finding.isPresent()).isEqualTo(outside);
            finding.ifPresent(f -> {
                assertThat(f.check()).isEqualTo(PrescribingCheck.DOSE_RANGE);
                assertThat(f.field()).isEqualTo("dose");
            });
        }

        @Test
        void noRangeNothingToCheck() {
            FormularyEntry open = entry("Oxygen", SubstanceClass.MEDICAL_GASES, DoseUnit.LITRES_PER_MINUTE, null,
                    null, null, null, null, false, EnumSet.of(Route.INHALED));
            assertThat(PrescribingRules.adultDose(open, new BigDecimal("15"))).isEmpty();
        }

        @ParameterizedTest
        @CsvSource({"0.5, true", "1, false", "100, false"})
        void aMinimumOnly(String dose, boolean outside) {
            FormularyEntry min = entry("X", null, DoseUnit.MG, "1", null, null, null, null, false,
                    EnumSet.of(Route.ORAL));
            assertThat(PrescribingRules.adultDose(min, new BigDecimal(dose)).isPresent()).isEqualTo(outside);
        }
    }

    @Nested
    class ChildWeight {

        static final LocalDate TODAY = LocalDate.of(2026, 12, 5);

        static Optional<Weight> weighed(LocalDate on) {
            return Optional.of(new Weight(UUID.randomUUID(), new BigDecimal("20"), on, "Nurse", NOW));
        }

        @Test
        void noWeightIsRefusedNamingWeight() {
            assertThat(PrescribingRules.childWeight(Optional.empty(), TODAY)).get()
                    .satisfies(f -> {
                        assertThat(f.field()).isEqualTo("weight");
                        assertThat(f.confirmable()).isFalse();
                    });
        }

        @ParameterizedTest(name = "measured {0} days ago: refused {1}")
        @CsvSource({"0, false", "1, false", "7, false", "8, true", "30, true"})
        void aWeightFromTheLastSevenDaysIsUsed(int daysAgo, boolean refused) {
            assertThat(PrescribingRules.childWeight(weighed(TODAY.minusDays(daysAgo)), TODAY).isPresent())
                    .isEqualTo(refused);
        }
    }

    @Nested
    class ChildDose {

        @ParameterizedTest(name = "{0} g for {1} kg: finding {2}")
        @CsvSource({
                // 50-80 mg/kg, at most 4 g
                "1, 20, false",      // 50 mg/kg: the lower end is inside
                "0.98, 20, true",    // 49 mg/kg
                "1.6, 20, false",    // 80 mg/kg: the upper end is inside
                "1.62, 20, true",    // 81 mg/kg
                "4, 50, false",      // 80 mg/kg and the maximum exactly
                "4.1, 60, true",     // 68 mg/kg but above the 4 g maximum
        })
        void perKgWithinTheRangeAndNotAboveTheMaximum(String grams, String kg, boolean finding) {
            Optional<CheckFinding> found = PrescribingRules.childDose(ceftriaxone(), new BigDecimal(grams),
                    new BigDecimal(kg));
            assertThat(found.isPresent()).as(found.map(CheckFinding::message).orElse("none")).isEqualTo(finding);
            found.ifPresent(f -> assertThat(f.check()).isEqualTo(PrescribingCheck.CHILD_DOSE));
        }

        @Test
        void noChildRangeIsConfirmableNeverSilent() {
            FormularyEntry adultOnly = entry("Furosemide", SubstanceClass.LOOP_DIURETICS, DoseUnit.MG, "20", "80",
                    null, null, null, false, EnumSet.of(Route.INTRAVENOUS));
            assertThat(PrescribingRules.childDose(adultOnly, new BigDecimal("10"), new BigDecimal("20"))).get()
                    .extracting(CheckFinding::check).isEqualTo(PrescribingCheck.CHILD_DOSE);
        }

        @Test
        void dosePerKgIsRoundedToTwoPlaces() {
            assertThat(PrescribingRules.dosePerKg(new BigDecimal("1000"), new BigDecimal("3"))).isEqualByComparingTo(
                    "333.33");
        }
    }

    @Nested
    class Times {

        @Test
        void asManyTimesAsTheFrequencyTakesInOrder() {
            assertThat(PrescribingRules.times(Frequency.TWICE_DAILY, List.of(LocalTime.of(14, 0),
                    LocalTime.of(8, 0)))).containsExactly(LocalTime.of(8, 0), LocalTime.of(14, 0));
            assertThat(PrescribingRules.times(Frequency.CONTINUOUS, null)).isEmpty();
        }

        @Test
        void tooFewTooManyOrRepeatedTimesAreRefused() {
            assertThatThrownBy(() -> PrescribingRules.times(Frequency.TWICE_DAILY, List.of(LocalTime.of(8, 0))))
                    .extracting("field").isEqualTo("times");
            assertThatThrownBy(() -> PrescribingRules.times(Frequency.ONCE_DAILY, List.of(LocalTime.of(8, 0),
                    LocalTime.of(9, 0)))).extracting("field").isEqualTo("times");
            assertThatThrownBy(() -> PrescribingRules.times(Frequency.TWICE_DAILY, List.of(LocalTime.of(8, 0),
                    LocalTime.of(8, 0)))).extracting("field").isEqualTo("times");
            assertThatThrownBy(() -> PrescribingRules.times(null, List.of())).extracting("field")
                    .isEqualTo("frequency");
        }
    }

    @Nested
    class ReviewDate {

        // 09:00 on 5 December (GMT): +48 h is 7 December, +72 h is 8 December
        static final Instant START = Instant.parse("2026-12-05T09:00:00Z");

        @ParameterizedTest(name = "review on {0}: refused {1}")
        @CsvSource({"2026-12-06, true", "2026-12-07, false", "2026-12-08, false", "2026-12-09, true"})
        void anAntimicrobialIsReviewedFrom48To72Hours(LocalDate reviewOn, boolean refused) {
            if (refused) {
                assertThatThrownBy(() -> PrescribingRules.reviewOn(true, START, reviewOn, LONDON))
                        .extracting("field").isEqualTo("reviewOn");
            } else {
                assertThat(PrescribingRules.reviewOn(true, START, reviewOn, LONDON)).isEqualTo(reviewOn);
            }
        }

        @Test
        void anAntimicrobialWithNoDateIsReviewedAfter48Hours() {
            assertThat(PrescribingRules.reviewOn(true, START, null, LONDON)).isEqualTo(LocalDate.of(2026, 12, 7));
        }

        @Test
        void anotherMedicinesReviewIsOptionalButNotBeforeTheStart() {
            assertThat(PrescribingRules.reviewOn(false, START, null, LONDON)).isNull();
            assertThat(PrescribingRules.reviewOn(false, START, LocalDate.of(2026, 12, 5), LONDON))
                    .isEqualTo(LocalDate.of(2026, 12, 5));
            assertThatThrownBy(() -> PrescribingRules.reviewOn(false, START, LocalDate.of(2026, 12, 4), LONDON))
                    .extracting("field").isEqualTo("reviewOn");
        }
    }

    @Nested
    class ReviewPrompt {

        static Prescription reviewedOn(LocalDate on, Route route, boolean antimicrobial, Instant stoppedAt) {
            Prescription p = prescription(ceftriaxone(), route, stoppedAt, null);
            return new Prescription(p.id(), p.patientId(), p.formularyEntryId(), 1, p.medicine(), p.dose(),
                    p.doseUnit(), route, p.frequency(), p.times(), p.startsAt(), null, p.indication(), on,
                    antimicrobial, p.substanceClass(), null, null, p.prescribedBy(), p.prescribedAt(), List.of(),
                    p.screening(), null, null, null, null, stoppedAt, null, stoppedAt == null ? null : "x", null,
                    null);
        }

        @Test
        void dueFromTheReviewDateWithTheSwitchPromptForIntravenous() {
            LocalDate review = LocalDate.of(2026, 12, 7);
            assertThat(PrescribingRules.antimicrobialReviewPrompt(reviewedOn(review, Route.INTRAVENOUS, true, null),
                    review.minusDays(1))).isEmpty();
            assertThat(PrescribingRules.antimicrobialReviewPrompt(reviewedOn(review, Route.INTRAVENOUS, true, null),
                    review)).get().asString().contains("due today").contains("intravenous to oral");
            assertThat(PrescribingRules.antimicrobialReviewPrompt(reviewedOn(review, Route.INTRAVENOUS, true, null),
                    review.plusDays(1))).get().asString().contains("since 7 December 2026");
            assertThat(PrescribingRules.antimicrobialReviewPrompt(reviewedOn(review, Route.ORAL, true, null), review))
                    .get().asString().doesNotContain("intravenous to oral");
        }

        @Test
        void noPromptForAStoppedOneOrOneNotAnAntimicrobial() {
            LocalDate review = LocalDate.of(2026, 12, 7);
            assertThat(PrescribingRules.antimicrobialReviewPrompt(reviewedOn(review, Route.INTRAVENOUS, false, null),
                    review)).isEmpty();
            assertThat(PrescribingRules.antimicrobialReviewPrompt(reviewedOn(review, Route.INTRAVENOUS, true, NOW),
                    review)).isEmpty();
        }
    }
}
