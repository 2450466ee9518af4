package org.homeward.visit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import org.homeward.careplan.AddIntervention;
import org.homeward.careplan.CarePlanService;
import org.homeward.careplan.InterventionKind;
import org.homeward.observation.HomeLinkService;
import org.homeward.patient.PatientRecord;
import org.homeward.patient.PatientService;
import org.homeward.patient.RegisterPatient;
import org.homeward.rota.AddShift;
import org.homeward.rota.RotaService;
import org.homeward.security.CurrentUser;
import org.homeward.security.Organisation;
import org.homeward.security.OrganisationType;
import org.homeward.security.Role;
import org.homeward.security.SecurityService;
import org.homeward.shared.Skill;
import org.homeward.support.Api;
import org.homeward.support.Fixtures;
import org.homeward.support.IntegrationTest;
import org.homeward.support.PageSession;
import org.homeward.support.PageSession.Page;
import org.homeward.ward.VirtualWard;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A carer opens "who is coming and when" from the patient's personal link: today's planned visit as a half-hour band,
 * what it is for, and the nurse's first name and role, never the surname; a day with no plan says the team will phone;
 * a link that is unknown or revoked gets the same 404 as the readings page.
 */
@IntegrationTest
class HomeVisitsIT {

    /** Far from the demo's Dorset bases, so no other test's shift today can reach this patient in the window. */
    static final double LATITUDE = 54.60;
    static final double LONGITUDE = -3.10;

    @Autowired Fixtures fixtures;
    @Autowired Api api;
    @Autowired PatientService patients;
    @Autowired SecurityService security;
    @Autowired CarePlanService carePlans;
    @Autowired RotaService rota;
    @Autowired DayPlanService dayPlans;
    @Autowired HomeLinkService links;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    CurrentUser coordinator;
    CurrentUser consultant;
    CurrentUser nurse;
    String surname;
    PatientRecord patient;
    String token;
    LocalDate today;

    @BeforeEach
    void anAdmittedPatientWithAHomeLink() {
        Organisation community = fixtures.organisation(OrganisationType.COMMUNITY_PROVIDER);
        CurrentUser referrer = fixtures.user(Role.REFERRER, community);
        consultant = fixtures.user(Role.SENIOR_DECISION_MAKER, community);
        coordinator = fixtures.user(Role.COORDINATOR, community);
        surname = Fixtures.unique("Treloar");
        nurse = CurrentUser.of(security.createUser(Fixtures.unique("rosa"), Fixtures.PASSWORD, "Rosa " + surname,
                "Staff Nurse (IV-competent)", Role.CLINICIAN, community.id()));
        VirtualWard ward = fixtures.ward(community, 10);
        RegisterPatient d = fixtures.patientDetails(LocalDate.of(1950, 6, 1));
        patient = patients.register(referrer, new RegisterPatient(d.nhsNumber(), d.givenName(), d.familyName(),
                d.dateOfBirth(), d.sex(), d.ethnicCategory(), d.addressLine1(), d.addressLine2(), d.town(),
                d.postcode(), LATITUDE, LONGITUDE, d.phone(), d.gpPracticeCode(), d.gpPracticeName()));
        fixtures.admit(patient, ward, referrer, consultant);
        token = links.issue(consultant, patient.summary().id());
        today = LocalDate.now(clock);
    }

    @Test
    void theCarerSeesTheVisitBandWhatItIsForAndTheNursesFirstNameOnly() {
        // a plan is made at a moment: the dose is two hours from now today, or at noon tomorrow late in the evening,
        // when the page also shows tomorrow
        LocalDateTime now = LocalDateTime.now(clock);
        boolean later = now.toLocalTime().isBefore(LocalTime.of(20, 0));
        LocalDate day = later ? today : today.plusDays(1);
        LocalTime dose = later ? now.toLocalTime().plusHours(2).truncatedTo(ChronoUnit.HOURS) : LocalTime.NOON;
        carePlans.addIntervention(consultant, patient.summary().id(), new AddIntervention(
                InterventionKind.IV_ANTIBIOTIC_DOSE, "IV ceftriaxone", null, null, null, List.of(dose.toString()), 30,
                null, null, null, null, null));
        rota.addShift(coordinator, new AddShift(nurse.username(), day.atTime(dose.minusHours(2)),
                day.atTime(dose.minusHours(2)).plusHours(8), EnumSet.of(Skill.IV_COMPETENT_NURSE,
                        Skill.REGISTERED_NURSE), LATITUDE + 0.01, LONGITUDE, null, null, 30, 10));
        DayPlan plan = dayPlans.plan(coordinator, day);
        PlannedVisit planned = plan.visits().stream().filter(v -> v.patientId().equals(patient.summary().id()))
                .findFirst().orElseThrow();
        assertThat(planned.staffName()).as(planned.toString()).isEqualTo(nurse.displayName());

        Page page = PageSession.anonymous(api.baseUrl()).get("/home/" + token + "/visits");

        assertThat(page.status()).isEqualTo(200);
        Element todaySection = page.html().selectFirst("section[data-day=" + (later ? "Today" : "Tomorrow") + "]");
        assertThat(todaySection).isNotNull();
        String band = "Between " + PatientVisitTimes.floorToFive(planned.startsAt().minus(PatientVisitTimes.BAND),
                clock.getZone()) + " and " + PatientVisitTimes.ceilToFive(planned.startsAt()
                .plus(PatientVisitTimes.BAND), clock.getZone());
        assertThat(todaySection.select("[data-testid=visit-band]").text()).isEqualTo(band);
        assertThat(todaySection.select("[data-testid=visit-what]").text()).isEqualTo("IV antibiotic dose");
        assertThat(todaySection.select("[data-testid=visit-who]").text()).isEqualTo("Rosa (nurse)");
        assertThat(page.text()).doesNotContain(surname).doesNotContain(patient.summary().familyName())
                .contains("01305 255 000");
        assertThat(jdbc.sql("""
                select count(*) from audit_event where patient_id = ? and record_type = 'DayPlan' and action = 'READ'
                and username = 'home-link'""").param(patient.summary().id().value()).query(Long.class).single())
                .isPositive();
    }

    @Test
    void aDayWithoutAPlannedVisitSaysTheTeamWillPhone() {
        Page page = PageSession.anonymous(api.baseUrl()).get("/home/" + token + "/visits");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html().selectFirst("section[data-day=Today] [data-testid=no-visits]").text())
                .contains("The team will phone you");
    }

    @Test
    void theReadingsPageLinksToTheVisits() {
        Page readings = PageSession.anonymous(api.baseUrl()).get("/home/" + token);

        assertThat(readings.html().selectFirst("[data-testid=visits-link]").attr("href"))
                .isEqualTo("/home/" + token + "/visits");
    }

    @Test
    void anUnknownOrRevokedLinkGetsTheSame404AsTheReadingsPage() throws Exception {
        PageSession carer = PageSession.anonymous(api.baseUrl());
        Page unknownReadings = carer.get("/home/not-a-real-link");
        Page unknownVisits = carer.get("/home/not-a-real-link/visits");
        assertThat(unknownVisits.status()).isEqualTo(404).isEqualTo(unknownReadings.status());
        assertThat(unknownVisits.testId("error-detail")).isEqualTo(unknownReadings.testId("error-detail"))
                .contains("This link is not valid or has expired");

        jdbc.sql("update home_link set revoked_at = now() where token_hash = ?").param(sha256(token)).update();
        Page revokedReadings = carer.get("/home/" + token);
        Page revokedVisits = carer.get("/home/" + token + "/visits");
        assertThat(revokedVisits.status()).isEqualTo(404).isEqualTo(revokedReadings.status());
        assertThat(revokedVisits.testId("error-detail")).isEqualTo(revokedReadings.testId("error-detail"));
        assertThat(revokedVisits.text()).doesNotContain(patient.summary().givenName());
    }

    private static String sha256(String token) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(token.getBytes(StandardCharsets.UTF_8)));
    }
}
