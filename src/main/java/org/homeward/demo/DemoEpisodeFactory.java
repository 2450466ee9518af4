package org.homeward.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.List;
import org.homeward.demo.DemoConsent.Consent;
import org.homeward.demo.DemoTeam.InpatientStay;
import org.homeward.patient.AddCarer;
import org.homeward.patient.Sex;
import org.homeward.referral.ReferralDirection;
import org.homeward.referral.ReferralSource;
import org.homeward.referral.TriageDecision.Outcome;
import org.homeward.referral.Urgency;

/**
 * Builds one demo journey at a time, for each stage a referral can be in. Times are chosen first, then the patient is
 * made to fit them (their age on the referral date is in the scenario's band), then who consents.
 */
final class DemoEpisodeFactory {

    private static final List<String> LIVES_ALONE = List.of("Lives alone; key safe in place.",
            "Lives alone with a twice-daily care package.", "Lives in sheltered housing with a warden on site.");

    private final DemoRandom random;
    private final DemoPeople people;
    private final DemoTimes times;

    DemoEpisodeFactory(DemoRandom random, ZonedDateTime now) {
        this.random = random;
        this.people = new DemoPeople(random);
        this.times = new DemoTimes(random, now);
    }

    /** Admitted today or up to 19 days ago and still on the ward. */
    EpisodePlan current(DemoWard ward) {
        DemoScenario scenario = scenario(ward);
        int daysSoFar = dayOfStay(ward) - 1;
        Instant admittedAt = times.notLaterThanRecently(times.during(times.daysAgo(daysSoFar), 9, 20));
        int expectedStay = random.chance(0.7) ? daysSoFar : 0;
        return admitted(ward, scenario, admittedAt, expectedStay, null);
    }

    /** Admitted and discharged within the last 60 days. */
    EpisodePlan discharged(DemoWard ward) {
        DemoScenario scenario = scenario(ward);
        LocalDate dischargeDate = times.daysAgo(random.between(1, 60));
        int lengthOfStay = lengthOfStay(scenario);
        Instant admittedAt = times.during(dischargeDate.minusDays(lengthOfStay), 9, 20);
        Instant dischargedAt = times.during(dischargeDate, 10, 18);
        return admitted(ward, scenario, admittedAt, 0,
                DemoDischarges.plan(random, ward, scenario, dischargedAt, lengthOfStay + 1));
    }

    EpisodePlan declined(DemoWard ward) {
        DemoScenario scenario = scenario(ward);
        Instant referredAt = times.during(times.daysAgo(random.between(1, 60)), 8, 21);
        Instant decidedAt = times.after(referredAt, 20, 180);
        Referred referred = refer(ward, scenario, referredAt);
        TriagePlan triage = new TriagePlan(random.pick(DemoTeam.deciders(ward)), Outcome.DECLINE,
                random.pick(DemoDeclines.forWard(ward)), decidedAt);
        return new EpisodePlan(referred.patient(), referred.referral(), triage, null, null);
    }

    EpisodePlan awaitingTriage(DemoWard ward) {
        Referred referred = refer(ward, scenario(ward), times.minutesAgo(10, 240));
        return new EpisodePlan(referred.patient(), referred.referral(), null, null, null);
    }

    EpisodePlan awaitingAdmission(DemoWard ward) {
        DemoScenario scenario = scenario(ward);
        Instant decidedAt = times.minutesAgo(10, 150);
        Referred referred = refer(ward, scenario, times.before(decidedAt, 20, 120));
        return new EpisodePlan(referred.patient(), referred.referral(), accept(ward, scenario, decidedAt), null, null);
    }

    /**
     * An accepted and admitted journey. The estimated discharge date comes from the scenario's usual stay, but is at
     * least {@code minimumExpectedStay} days: most patients still on the ward after a long stay were expected to need it
     * (complex needs are recognised at admission), and the rest show as over their estimate.
     */
    private EpisodePlan admitted(DemoWard ward, DemoScenario scenario, Instant admittedAt, int minimumExpectedStay,
            DischargePlan discharge) {
        Instant decidedAt = times.before(admittedAt, 30, 240);
        Referred referred = refer(ward, scenario, times.before(decidedAt, 15, 180));
        TriagePlan triage = accept(ward, scenario, decidedAt);
        Instant transferredAt = referred.referral().direction() == ReferralDirection.STEP_DOWN
                ? DemoTimes.halfwayBetween(decidedAt, admittedAt) : null;
        LocalDate admissionDate = times.dateOf(admittedAt);
        LocalDate expectedDischarge = admissionDate.plusDays(Math.max(Math.max(1, minimumExpectedStay),
                scenario.typicalStayDays() + random.between(-1, 2)));
        Consent consent = consent(referred, triage.decider());
        AdmissionPlan admission = new AdmissionPlan(admittedAt, expectedDischarge, consent.givenBy(),
                consent.patientHasCapacity(), consent.carerIndex(), consent.personName(), consent.personRole(),
                consent.sharedDecisionRecord(), transferredAt);
        return new EpisodePlan(referred.patient(), referred.referral(), triage, admission, discharge);
    }

    private TriagePlan accept(DemoWard ward, DemoScenario scenario, Instant decidedAt) {
        return new TriagePlan(random.pick(DemoTeam.deciders(ward)), Outcome.ACCEPT, scenario.acceptReason(),
                decidedAt);
    }

    private enum ConsentRoute { PATIENT, ATTORNEY, BEST_INTERESTS, PARENT }

    /** A patient made to fit the scenario on the referral date, the referral made for them, and who will consent. */
    private record Referred(PatientPlan patient, ReferralPlan referral, ConsentRoute consentRoute, int ageYears) {
    }

    private static Consent consent(Referred referred, String decider) {
        return switch (referred.consentRoute()) {
            case PATIENT -> DemoConsent.byPatient(referred.patient());
            case ATTORNEY -> DemoConsent.byAttorney(referred.patient());
            case BEST_INTERESTS -> DemoConsent.inBestInterests(referred.patient(), DemoLogins.byUsername(decider));
            case PARENT -> DemoConsent.byParent(referred.patient(), referred.ageYears());
        };
    }

    private Referred refer(DemoWard ward, DemoScenario scenario, Instant referredAt) {
        LocalDate referralDate = times.dateOf(referredAt);
        LocalDate dateOfBirth = scenario.ages().dateOfBirth(random, referralDate);
        int age = Period.between(dateOfBirth, referralDate).getYears();
        Sex sex = random.chance(femaleShare(ward)) ? Sex.FEMALE : Sex.MALE;
        ConsentRoute route = consentRoute(ward, scenario, age);
        PatientPlan patient = ward.isPaediatric() ? people.child(dateOfBirth, sex)
                : people.adult(dateOfBirth, age, sex, route == ConsentRoute.ATTORNEY
                        || random.chance(ward == DemoWard.FRAILTY_RESPIRATORY ? 0.35 : 0.2));
        return new Referred(patient, referral(ward, scenario, patient, referredAt), route, age);
    }

    /** Some frail people over 80 with delirium or after a fall lack capacity; a little over half have an attorney. */
    private ConsentRoute consentRoute(DemoWard ward, DemoScenario scenario, int age) {
        if (ward.isPaediatric()) {
            return ConsentRoute.PARENT;
        }
        if (scenario.mayLackCapacity() && age >= 80 && random.chance(0.4)) {
            return random.chance(0.55) ? ConsentRoute.ATTORNEY : ConsentRoute.BEST_INTERESTS;
        }
        return ConsentRoute.PATIENT;
    }

    private ReferralPlan referral(DemoWard ward, DemoScenario scenario, PatientPlan patient, Instant referredAt) {
        ReferralSource source = random.pick(scenario.sources());
        boolean stepDown = source == ReferralSource.INPATIENT_WARD;
        InpatientStay stay = stepDown ? DemoTeam.inpatientStay(random, ward) : null;
        return new ReferralPlan(ward, DemoTeam.referrer(random, ward, source),
                stepDown ? ReferralDirection.STEP_DOWN : ReferralDirection.STEP_UP, source, scenario.condition(),
                scenario.reason() + " " + socialContext(ward, patient), scenario.interventions(), urgency(source),
                stepDown ? stay.ward() : null, stepDown ? stay.consultant() : null, referredAt);
    }

    private String socialContext(DemoWard ward, PatientPlan patient) {
        if (ward.isPaediatric()) {
            return "Parents confident to care at home with daily nurse visits.";
        }
        if (patient.carers().isEmpty()) {
            return random.pick(LIVES_ALONE);
        }
        AddCarer carer = patient.carers().get(0);
        return "Supported at home by " + carer.relationship().toLowerCase() + ", " + carer.name() + ".";
    }

    private static Urgency urgency(ReferralSource source) {
        return switch (source) {
            case EMERGENCY_DEPARTMENT, AMBULANCE -> Urgency.URGENT;
            case INPATIENT_WARD -> Urgency.NEXT_DAY;
            default -> Urgency.SAME_DAY;
        };
    }

    private static double femaleShare(DemoWard ward) {
        return switch (ward) {
            case FRAILTY_RESPIRATORY -> 0.58;
            case HEART_FAILURE -> 0.45;
            case CHILDREN -> 0.47;
        };
    }

    private DemoScenario scenario(DemoWard ward) {
        return random.pick(DemoScenarios.forWard(ward));
    }

    /** Most patients are in their first week; a few have reached the 14-day review (day 15 or later). */
    private int dayOfStay(DemoWard ward) {
        if (ward.isPaediatric()) {
            return random.chance(0.15) ? random.between(6, 9) : random.between(1, 5);
        }
        if (random.chance(0.08)) {
            return random.between(15, 20);
        }
        return random.chance(0.3) ? random.between(8, 14) : random.between(1, 7);
    }

    private int lengthOfStay(DemoScenario scenario) {
        int days = Math.max(1, scenario.typicalStayDays() + random.between(-2, 3));
        return random.chance(0.06) ? days + random.between(5, 9) : days;
    }
}
