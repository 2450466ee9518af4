package org.homeward.demo;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.homeward.careplan.AddIntervention;
import org.homeward.careplan.InterventionKind;
import org.homeward.demo.EpisodePlan.Stage;
import org.homeward.patient.AddCarer;
import org.homeward.patient.RegisterPatient;
import org.homeward.referral.ConsentGivenBy;
import org.homeward.referral.ReferralDirection;
import org.homeward.rota.AddShift;
import org.homeward.security.OrganisationType;
import org.homeward.security.Role;
import org.homeward.shared.NhsNumber;
import org.homeward.shared.OrganisationId;
import org.homeward.shared.PatientId;
import org.homeward.shared.Skill;
import org.homeward.shared.UserId;
import org.homeward.shared.WardId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The demo plan is the same for the same seed and time, has the promised numbers, and would pass every rule. */
class DemoPlanTests {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final ZonedDateTime NOW = ZonedDateTime.of(2026, 11, 23, 10, 30, 0, 0, LONDON);
    private static final DemoPlan PLAN = DemoPlanner.plan(DemoPlanner.SEED, NOW);

    private static ValidatorFactory validation;
    private static Validator validator;

    @BeforeAll
    static void startValidation() {
        validation = Validation.buildDefaultValidatorFactory();
        validator = validation.getValidator();
    }

    @AfterAll
    static void stopValidation() {
        validation.close();
    }

    /** Start-up times that stress the timeline: just after midnight, late evening, both clock changes. */
    static Stream<ZonedDateTime> awkwardTimes() {
        return Stream.of(NOW, ZonedDateTime.of(2026, 11, 23, 0, 5, 0, 0, LONDON),
                ZonedDateTime.of(2026, 11, 23, 23, 55, 0, 0, LONDON),
                ZonedDateTime.of(2026, 3, 29, 3, 10, 0, 0, LONDON),
                ZonedDateTime.of(2026, 10, 25, 1, 30, 0, 0, LONDON));
    }

    @Test
    void sameSeedAndTimeGiveTheSamePlan() {
        assertThat(DemoPlanner.plan(DemoPlanner.SEED, NOW)).isEqualTo(DemoPlanner.plan(DemoPlanner.SEED, NOW));
    }

    @Test
    void aBenchmarkScaleCopiesEveryWardWithItsBedsAndJourneys() {
        DemoPlan scaled = DemoPlanner.plan(DemoPlanner.SEED, NOW, 15);
        assertThat(scaled.wardCopies()).hasSize(45);
        assertThat(scaled.beds()).isEqualTo(PLAN.beds() * 15);
        for (EpisodePlan.Stage stage : EpisodePlan.Stage.values()) {
            assertThat(scaled.count(stage)).as(stage.name()).isEqualTo(PLAN.count(stage) * 15);
        }
        // every copy is a ward of the demo ward's size with the demo ward's journeys, under a name of its own
        assertThat(scaled.wardCopies()).extracting(DemoWardCopy::displayName).doesNotHaveDuplicates()
                .contains(DemoWard.HEART_FAILURE.displayName(), DemoWard.HEART_FAILURE.displayName() + " 2",
                        DemoWard.CHILDREN.displayName() + " 15");
        assertThat(scaled.wardCopies()).allSatisfy(copy -> {
            assertThat(validator.validate(copy.command(OrganisationId.random()))).isEmpty();
            assertThat(copy.command(OrganisationId.random()).bedCapacity()).isEqualTo(copy.ward().beds());
            assertThat(scaled.episodes().stream().filter(e -> e.onWard().equals(copy) && e.stage() == Stage.ADMITTED))
                    .hasSize((int) PLAN.count(Stage.ADMITTED, copy.ward()));
        });
        // copy 1 of each ward is the demo service itself, journey for journey
        assertThat(scaled.episodes().subList(0, PLAN.episodes().size())).isEqualTo(PLAN.episodes());
        assertThat(DemoPlanner.plan(DemoPlanner.SEED, NOW, DemoPlanner.MAX_SCALE).count(Stage.ADMITTED))
                .isGreaterThanOrEqualTo(10_000);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DemoPlanner.plan(DemoPlanner.SEED, NOW, 121))
                .hasMessageContaining("from 1 to 120");
    }

    @Test
    void anotherSeedGivesOtherPeople() {
        assertThat(DemoPlanner.plan(DemoPlanner.SEED + 1, NOW).episodes().get(0).patient())
                .isNotEqualTo(PLAN.episodes().get(0).patient());
    }

    @Test
    void hasOneOrganisationOfEachTypeWithOdsLikeCodes() {
        assertThat(PLAN.organisations()).extracting(DemoOrganisation::type)
                .containsExactlyInAnyOrder(OrganisationType.values());
        assertThat(PLAN.organisations()).allSatisfy(o -> assertThat(o.odsCode()).matches("[A-Z0-9]{3,12}"));
    }

    @Test
    void hasTwentySixNamedStaffCoveringEveryRoleInEveryOrganisation() {
        Map<Role, Long> perRole = DemoLogins.all().stream()
                .collect(Collectors.groupingBy(DemoLogin::role, () -> new EnumMap<>(Role.class), Collectors.counting()));
        assertThat(DemoLogins.all()).hasSize(26);
        assertThat(DemoLogins.all()).extracting(DemoLogin::username)
                .contains("consultant", "nurse", "referrer", "gp", "coordinator", "commissioner", "governance",
                        "admin", "pharmacist");
        assertThat(perRole).containsExactlyInAnyOrderEntriesOf(Map.of(Role.REFERRER, 6L, Role.CLINICIAN, 5L,
                Role.SENIOR_DECISION_MAKER, 6L, Role.PHARMACIST, 1L, Role.COORDINATOR, 2L, Role.COMMISSIONER, 2L,
                Role.GOVERNANCE, 2L, Role.ADMIN, 2L));
        assertThat(DemoLogins.all()).extracting(DemoLogin::organisation).containsAll(
                PLAN.organisations().stream().map(DemoOrganisation::displayName).toList());
        assertThat(DemoLogins.byUsername("commissioner").organisation()).isEqualTo(DemoOrganisation.ICB.displayName());
        assertThat(DemoLogins.byUsername("gp").role()).isEqualTo(Role.SENIOR_DECISION_MAKER);
    }

    @Test
    void theVisitingTeamAreNursingLoginsAfterTheNamedOnesAndGrowWithTheScale() {
        assertThat(DemoRota.TEAM_AT_SCALE_ONE).isEqualTo(49);
        assertThat(PLAN.staff()).hasSize(26 + DemoRota.TEAM_AT_SCALE_ONE).startsWith(DemoLogins.all().toArray(DemoLogin[]::new));
        assertThat(PLAN.staff()).extracting(DemoLogin::username).doesNotHaveDuplicates();
        assertThat(PLAN.staff()).extracting(DemoLogin::displayName).doesNotHaveDuplicates();
        assertThat(PLAN.staff().subList(26, PLAN.staff().size())).allSatisfy(login -> {
            assertThat(login.role()).isEqualTo(Role.CLINICIAN);
            assertThat(login.organisation()).isEqualTo(DemoOrganisation.COMMUNITY.displayName());
        });
        DemoPlan scaled = DemoPlanner.plan(DemoPlanner.SEED, NOW, 15);
        assertThat(scaled.staff()).hasSize(26 + 15 * DemoRota.TEAM_AT_SCALE_ONE);
        assertThat(scaled.staff()).extracting(DemoLogin::username).doesNotHaveDuplicates();
        assertThat(scaled.shifts()).hasSize(2 * (6 + 15 * DemoRota.TEAM_AT_SCALE_ONE));
    }

    @Test
    void opensThreeValidWardsWith120Beds() {
        assertThat(PLAN.wards()).hasSize(3);
        assertThat(PLAN.beds()).isEqualTo(120);
        assertThat(PLAN.wards()).allSatisfy(ward -> assertThat(validator.validate(ward.command(OrganisationId.random())))
                .isEmpty());
    }

    @Test
    void admitsTheCurrentPatientsOfEachWardWithinCapacity() {
        assertThat(PLAN.count(Stage.ADMITTED, DemoWard.FRAILTY_RESPIRATORY)).isEqualTo(48);
        assertThat(PLAN.count(Stage.ADMITTED, DemoWard.HEART_FAILURE)).isEqualTo(24);
        assertThat(PLAN.count(Stage.ADMITTED, DemoWard.CHILDREN)).isEqualTo(18);
        assertThat(PLAN.wards()).allSatisfy(ward ->
                assertThat(PLAN.count(Stage.ADMITTED, ward)).isLessThanOrEqualTo(ward.beds()));
    }

    @Test
    void hasHistoryAndReferralsInProgress() {
        assertThat(PLAN.count(Stage.DISCHARGED)).isEqualTo(150);
        assertThat(PLAN.count(Stage.DECLINED)).isEqualTo(15);
        assertThat(PLAN.count(Stage.AWAITING_TRIAGE)).isEqualTo(6);
        assertThat(PLAN.count(Stage.AWAITING_ADMISSION)).isEqualTo(3);
        assertThat(PLAN.episodes()).hasSize(264);
    }

    @Test
    void someCurrentPatientsHaveReachedFourteenDaysOrPassedTheirEstimatedDischarge() {
        List<AdmissionPlan> current = PLAN.episodes().stream().filter(e -> e.stage() == Stage.ADMITTED)
                .map(EpisodePlan::admission).toList();
        LocalDate today = NOW.toLocalDate();
        assertThat(current).filteredOn(a -> dateOf(a.admittedAt()).plusDays(14).compareTo(today) <= 0)
                .hasSizeBetween(2, 15);
        assertThat(current).filteredOn(a -> a.estimatedDischargeDate().isBefore(today)).hasSizeGreaterThan(5);
    }

    @Test
    void everyNhsNumberIsValidUniqueAndInTheTestRange() {
        List<String> numbers = PLAN.episodes().stream().map(e -> e.patient().details().nhsNumber()).toList();
        assertThat(numbers).doesNotHaveDuplicates().allSatisfy(number -> {
            assertThat(NhsNumber.problemWith(number)).isNull();
            assertThat(number).startsWith("999");
        });
    }

    @ParameterizedTest
    @MethodSource("awkwardTimes")
    void agesFitTheWardOnTheDayOfTriageAndToday(ZonedDateTime now) {
        DemoPlan plan = DemoPlanner.plan(DemoPlanner.SEED, now);
        assertThat(plan.episodes()).allSatisfy(e -> {
            LocalDate decided = dateOf(e.triage() == null ? e.referral().referredAt() : e.triage().decidedAt());
            assertThat(e.ward().admitsAge(e.patient().ageOn(decided))).as(e.patient().fullName()).isTrue();
            assertThat(e.ward().admitsAge(e.patient().ageOn(now.toLocalDate()))).isTrue();
            assertThat(e.patient().details().dateOfBirth()).isBefore(dateOf(e.referral().referredAt()));
        });
        assertThat(plan.episodes()).filteredOn(e -> e.ward() == DemoWard.FRAILTY_RESPIRATORY)
                .allSatisfy(e -> assertThat(e.patient().ageOn(now.toLocalDate())).isBetween(55, 99));
        assertThat(plan.episodes()).filteredOn(e -> e.ward() == DemoWard.CHILDREN)
                .allSatisfy(e -> assertThat(e.patient().ageOn(now.toLocalDate())).isBetween(0, 17))
                .anySatisfy(e -> assertThat(e.patient().details().dateOfBirth())
                        .isAfter(now.toLocalDate().minusDays(28)));
    }

    @ParameterizedTest
    @MethodSource("awkwardTimes")
    void everyJourneyIsInOrderAndInThePast(ZonedDateTime now) {
        Instant until = now.toInstant();
        assertThat(DemoPlanner.plan(DemoPlanner.SEED, now).episodes()).allSatisfy(e -> {
            Instant referred = e.referral().referredAt();
            assertThat(referred).isBeforeOrEqualTo(until);
            if (e.triage() != null) {
                assertThat(e.triage().decidedAt()).isAfterOrEqualTo(referred).isBeforeOrEqualTo(until);
            }
            if (e.admission() != null) {
                AdmissionPlan a = e.admission();
                assertThat(a.admittedAt()).isAfterOrEqualTo(e.triage().decidedAt()).isBeforeOrEqualTo(until);
                assertThat(a.estimatedDischargeDate()).isAfterOrEqualTo(a.admittedAt().atZone(LONDON).toLocalDate());
                if (e.referral().direction() == ReferralDirection.STEP_DOWN) {
                    assertThat(a.accountabilityTransferredAt()).isBeforeOrEqualTo(a.admittedAt());
                }
            }
            if (e.discharge() != null) {
                assertThat(e.discharge().dischargedAt()).isAfter(e.admission().admittedAt()).isBefore(until);
            }
        });
    }

    @Test
    void stepDownsNameTheInpatientWardAndConsultantAndStepUpsDoNot() {
        assertThat(PLAN.episodes()).filteredOn(e -> e.referral().direction() == ReferralDirection.STEP_DOWN)
                .hasSizeGreaterThan(10)
                .allSatisfy(e -> assertThat(e.referral().inpatientConsultant()).isNotBlank())
                .filteredOn(e -> e.admission() != null)
                .allSatisfy(e -> assertThat(e.admission().accountabilityTransferredAt()).isNotNull());
        assertThat(PLAN.episodes()).filteredOn(e -> e.referral().direction() == ReferralDirection.STEP_UP)
                .allSatisfy(e -> assertThat(e.referral().inpatientWard()).isNull());
    }

    @Test
    void childrenHaveAParentWithParentalResponsibilityWhoConsents() {
        assertThat(PLAN.episodes()).filteredOn(e -> e.ward().isPaediatric()).allSatisfy(e -> {
            assertThat(e.patient().carers()).hasSizeBetween(1, 2);
            assertThat(e.patient().carers().get(0).hasParentalResponsibility()).isTrue();
            if (e.admission() != null) {
                assertThat(e.admission().consentGivenBy()).isEqualTo(ConsentGivenBy.PARENT_WITH_PARENTAL_RESPONSIBILITY);
                assertThat(e.patient().carers().get(e.admission().consentingCarerIndex()).hasParentalResponsibility())
                        .isTrue();
            }
        });
    }

    @Test
    void someFrailAdultsConsentThroughAnAttorneyOrABestInterestsDecision() {
        List<AdmissionPlan> adults = PLAN.episodes().stream().filter(e -> !e.ward().isPaediatric())
                .map(EpisodePlan::admission).filter(a -> a != null).toList();
        assertThat(adults).extracting(AdmissionPlan::consentGivenBy).contains(ConsentGivenBy.PATIENT,
                ConsentGivenBy.LASTING_POWER_OF_ATTORNEY, ConsentGivenBy.BEST_INTERESTS_DECISION);
        assertThat(adults).filteredOn(a -> a.consentGivenBy() != ConsentGivenBy.PATIENT)
                .allSatisfy(a -> {
                    assertThat(a.patientHasCapacity()).isFalse();
                    assertThat(a.consentingPersonName()).isNotBlank();
                });
    }

    @Test
    void patientsLiveInDorsetWithAGpPracticeAndPassRegistrationRules() {
        assertThat(PLAN.episodes()).allSatisfy(e -> {
            RegisterPatient details = e.patient().details();
            assertThat(validator.validate(details)).isEmpty();
            assertThat(details.latitude()).isBetween(DemoTowns.MIN_LATITUDE, DemoTowns.MAX_LATITUDE);
            assertThat(details.longitude()).isBetween(DemoTowns.MIN_LONGITUDE, DemoTowns.MAX_LONGITUDE);
            assertThat(details.postcode()).matches("(DT|BH)[0-9]{1,2} [0-9][A-Z]{2}");
            for (AddCarer carer : e.patient().carers()) {
                assertThat(validator.validate(carer)).isEmpty();
            }
        });
        assertThat(PLAN.episodes().stream().map(e -> e.patient().details().ethnicCategory()).distinct())
                .hasSizeGreaterThan(4);
    }

    @Test
    void everyCommandPassesTheServicesValidation() {
        PatientId patient = PatientId.random();
        assertThat(PLAN.episodes()).allSatisfy(e -> {
            assertThat(validator.validate(e.referral().command(patient, WardId.random()))).isEmpty();
            if (e.triage() != null) {
                assertThat(validator.validate(e.triage().decision())).isEmpty();
            }
            if (e.admission() != null) {
                assertThat(validator.validate(e.admission().command(UserId.random(), null))).isEmpty();
            }
            if (e.discharge() != null) {
                assertThat(validator.validate(e.discharge().command())).isEmpty();
            }
        });
    }

    @Test
    void everyCurrentPatientHasHomeVisitsThatFollowTheirScenario() {
        List<Integer> admitted = java.util.stream.IntStream.range(0, PLAN.episodes().size())
                .filter(i -> PLAN.episodes().get(i).stage() == Stage.ADMITTED).boxed().toList();
        assertThat(PLAN.carePlans()).extracting(DemoCarePlans.CarePlan::episode).containsExactlyElementsOf(admitted);
        assertThat(PLAN.carePlans()).allSatisfy(plan -> {
            EpisodePlan episode = PLAN.episodes().get(plan.episode());
            Set<InterventionKind> kinds = plan.interventions().stream().map(AddIntervention::kind)
                    .collect(Collectors.toSet());
            Set<org.homeward.referral.Intervention> needs = episode.referral().interventions();
            assertThat(plan.interventions()).isNotEmpty();
            assertThat(plan.addedBy()).isEqualTo(episode.triage().decider());
            if (needs.contains(org.homeward.referral.Intervention.IV_THERAPY)) {
                // a diuretic is not an antibiotic: the carer is told what the visit is really for
                assertThat(kinds).contains(episode.ward() == DemoWard.HEART_FAILURE
                        ? InterventionKind.IV_MEDICINE_DOSE : InterventionKind.IV_ANTIBIOTIC_DOSE);
            }
            if (needs.contains(org.homeward.referral.Intervention.SUBCUTANEOUS_FLUIDS)) {
                assertThat(kinds).contains(InterventionKind.SUBCUTANEOUS_FLUIDS);
            }
            if (needs.contains(org.homeward.referral.Intervention.NEBULISERS)) {
                assertThat(kinds).contains(InterventionKind.NEBULISER);
            }
            if (needs.contains(org.homeward.referral.Intervention.OXYGEN)) {
                assertThat(kinds).contains(InterventionKind.OXYGEN_CHECK);
            }
            if (needs.contains(org.homeward.referral.Intervention.NG_FEEDING)) {
                assertThat(kinds).contains(InterventionKind.NG_FEED_CHECK);
            }
            if (needs.contains(org.homeward.referral.Intervention.PHOTOTHERAPY)) {
                assertThat(kinds).contains(InterventionKind.PHOTOTHERAPY_CHECK);
            }
            if (needs.contains(org.homeward.referral.Intervention.CARER_SUPPORT)) {
                assertThat(kinds).contains(InterventionKind.CARER_SUPPORT);
            }
            if (episode.ward().isPaediatric()) {
                assertThat(plan.interventions()).extracting(AddIntervention::skill).containsOnly(Skill.PAEDIATRIC_NURSE);
            }
        });
    }

    @Test
    void ivDosesAreAtFixedTimesWithinHalfAnHourAndMorningBloodsBeforeTheLabCutOff() {
        List<AddIntervention> all = PLAN.carePlans().stream().flatMap(p -> p.interventions().stream()).toList();
        assertThat(all).filteredOn(i -> i.kind() == InterventionKind.IV_ANTIBIOTIC_DOSE
                || i.kind() == InterventionKind.IV_MEDICINE_DOSE).isNotEmpty().allSatisfy(i -> {
            assertThat(i.times()).isNotEmpty();
            assertThat(i.toleranceMinutes()).isEqualTo(30);
        }).extracting(AddIntervention::times).contains(List.of("06:00", "14:00", "22:00"));
        assertThat(all).filteredOn(i -> i.kind() == InterventionKind.BLOODS).isNotEmpty()
                .allSatisfy(i -> assertThat(List.of(i.windowFrom(), i.windowTo())).containsExactly("08:00", "11:00"));
        assertThat(all).filteredOn(i -> i.staffNeeded() != null && i.staffNeeded() == 2).hasSizeBetween(1, 10);
        assertThat(all).filteredOn(i -> i.followUp() != null).isNotEmpty().allSatisfy(i -> {
            assertThat(i.description()).contains("first dose");
            assertThat(i.times()).hasSize(1);
            assertThat(i.endsOn()).isEqualTo(i.startsOn());
        });
    }

    @ParameterizedTest
    @MethodSource("awkwardTimes")
    void everyInterventionIsDueFromTodayToAtLeastTomorrowAndGivesTimesOrAWindow(ZonedDateTime now) {
        DemoPlan plan = DemoPlanner.plan(DemoPlanner.SEED, now);
        LocalDate today = now.toLocalDate();
        assertThat(plan.carePlans().stream().flatMap(p -> p.interventions().stream())).allSatisfy(i -> {
            assertThat(i.startsOn()).isBetween(today, today.plusDays(1));
            assertThat(i.endsOn()).isAfterOrEqualTo(i.startsOn());
            assertThat(i.times() == null).isNotEqualTo(i.windowFrom() == null);
        });
    }

    @Test
    void theTeamHasShiftsTodayAndTomorrowWithEverySkillTheVisitsNeedFromTheirBase() {
        Set<String> visitingStaff = PLAN.staff().stream()
                .filter(l -> EnumSet.of(Role.CLINICIAN, Role.SENIOR_DECISION_MAKER, Role.PHARMACIST).contains(l.role()))
                .map(DemoLogin::username).collect(Collectors.toSet());
        Set<Skill> needed = PLAN.carePlans().stream().flatMap(p -> p.interventions().stream())
                .map(i -> i.skill() == null ? i.kind().usualSkill() : i.skill()).collect(Collectors.toSet());
        for (LocalDate day : List.of(NOW.toLocalDate(), NOW.toLocalDate().plusDays(1))) {
            List<AddShift> shifts = PLAN.shifts().stream().filter(s -> s.startsAt().toLocalDate().equals(day)).toList();
            assertThat(shifts).as(day.toString()).hasSize(PLAN.shifts().size() / 2);
            assertThat(shifts).extracting(AddShift::username).doesNotHaveDuplicates();
            assertThat(shifts.stream().flatMap(s -> s.skills().stream())).as(day.toString()).containsAll(needed);
            assertThat(shifts).allSatisfy(s -> {
                assertThat(visitingStaff).contains(s.username());
                assertThat(java.time.Duration.between(s.startsAt(), s.endsAt())).isBetween(
                        java.time.Duration.ofHours(8), java.time.Duration.ofHours(14));
                assertThat(s.breakMinutes()).isEqualTo(30);
                assertThat(s.startLatitude()).isBetween(DemoTowns.MIN_LATITUDE, DemoTowns.MAX_LATITUDE);
                assertThat(s.startLongitude()).isBetween(DemoTowns.MIN_LONGITUDE, DemoTowns.MAX_LONGITUDE);
            });
        }
        assertThat(PLAN.shifts()).extracting(s -> s.startsAt().toLocalTime().getHour()).contains(5, 7, 9, 13, 15);
    }

    private static LocalDate dateOf(Instant instant) {
        return instant.atZone(LONDON).toLocalDate();
    }
}
