package org.homeward;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.homeward.escalation.AlertService;
import org.homeward.security.CurrentUser;
import org.homeward.security.Organisation;
import org.homeward.security.OrganisationType;
import org.homeward.security.Role;
import org.homeward.support.Api;
import org.homeward.support.Api.Response;
import org.homeward.support.Axe;
import org.homeward.support.Browser;
import org.homeward.support.Fixtures;
import org.homeward.support.IntegrationTest;
import org.homeward.support.TestClock;
import org.homeward.ward.VirtualWard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * One patient's care shared by four organisations, each person signed in to their own, in headless Chromium: an ED
 * referrer of the acute trust registers and refers; the acute consultant admits to the acute trust's virtual ward,
 * whose visits the community provider makes; the community coordinator sees the patient and plans the day; the carer
 * sends worrying readings from a phone and is told to call the team now; the on-call community nurse is emailed (read
 * from a real SMTP server) and, unacknowledged, the alert climbs to the nurse in charge; the consultant asks for an
 * urgent visit that the community team's plan takes; the patient is discharged, the GP federation's GP reads the
 * summary through the patient's practice, the carer's link is dead and the ICB's commissioner sees numbers only.
 * Nothing is shared by hand: care teams come from the ward's care organisations and the GP practice the GP
 * organisation covers. Screenshots in target/screenshots/shared-care.
 */
@IntegrationTest
class SharedCareBrowserIT {

    private static final java.time.Duration PLANNING = java.time.Duration.ofSeconds(90);

    @Autowired Fixtures fixtures;
    @Autowired Api api;
    @Autowired TestClock clock;
    @Autowired AlertService alerts;
    @Autowired JavaMailSenderImpl mailSender;
    @Autowired JdbcClient jdbc;

    GreenMail smtp;
    Browser browser;
    Browser phone;

    LocalDate day;
    String practice;
    VirtualWard ward;
    CurrentUser edReferrer;
    CurrentUser consultant;
    CurrentUser coordinator;
    CurrentUser nurse;
    CurrentUser gp;
    CurrentUser commissioner;
    String nurseEmail;
    String coordinatorEmail;

    @BeforeEach
    void fourOrganisationsAndTheirPeople() {
        smtp = new GreenMail(new ServerSetup(mailSender.getPort(), mailSender.getHost(), ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        ZoneId zone = clock.getZone();
        day = LocalDate.now(zone).plusDays(3);
        clock.set(at("10:00"));

        Organisation acute = fixtures.organisation(OrganisationType.ACUTE_TRUST);
        Organisation community = fixtures.organisation(OrganisationType.COMMUNITY_PROVIDER);
        practice = Fixtures.newPracticeCode();
        Organisation gpFederation = fixtures.gpOrganisation(practice);
        Organisation icb = fixtures.organisation(OrganisationType.ICB);

        edReferrer = fixtures.user(Role.REFERRER, acute);
        consultant = fixtures.user(Role.SENIOR_DECISION_MAKER, acute);
        coordinator = fixtures.user(Role.COORDINATOR, community);
        nurse = fixtures.user(Role.CLINICIAN, community);
        gp = fixtures.user(Role.SENIOR_DECISION_MAKER, gpFederation);
        commissioner = fixtures.user(Role.COMMISSIONER, icb);

        // the acute trust's administrator opens the ward, naming the community provider as the team that visits
        ward = fixtures.ward(acute, 10, List.of(community));

        // the community coordinator puts their own staff on call and on shift; each person gives their own email
        onCall("WARD_TEAM", nurse);
        onCall("NURSE_IN_CHARGE", coordinator);
        nurseEmail = Fixtures.unique("nurse") + "@community.nhs.test";
        coordinatorEmail = Fixtures.unique("coordinator") + "@community.nhs.test";
        ok(api.put(nurse, "/api/v1/notifications/contact", Map.of("email", nurseEmail)), 200);
        ok(api.put(coordinator, "/api/v1/notifications/contact", Map.of("email", coordinatorEmail)), 200);
        ok(api.post(coordinator, "/api/v1/shifts", Map.of("username", nurse.username(),
                "startsAt", day + "T08:00", "endsAt", day + "T18:00",
                "skills", List.of("IV_COMPETENT_NURSE", "REGISTERED_NURSE"),
                "startLatitude", 50.715, "startLongitude", -2.437)), 201);

        browser = new Browser(api.baseUrl(), "shared-care");
        phone = new Browser(api.baseUrl(), "shared-care-carer");
        phone.driver().manage().window().setSize(new Dimension(390, 844));
    }

    @AfterEach
    void tearDown() {
        browser.close();
        phone.close();
        smtp.stop();
        clock.reset();
    }

    @Test
    void aPatientsCareIsSharedByTheAcuteTrustTheCommunityTeamTheGpAndTheIcbFromReferralToDischarge() throws Exception {
        String familyName = Fixtures.unique("Hardy");
        String patientName = familyName.toUpperCase() + ", Thomas";
        String nhsNumber = Fixtures.newNhsNumber();

        // 1. The ED referrer (acute trust) registers the patient and refers to the virtual ward
        browser.signIn(edReferrer.username(), Fixtures.PASSWORD).open("/patients/new");
        browser.type("nhsNumber", nhsNumber).type("givenName", "Thomas").type("familyName", familyName)
                .typeDate("dateOfBirth", java.time.LocalDate.of(1938, 4, 2)).select("sex", "Male").select("ethnicCategory", "White - British")
                .type("addressLine1", "3 Max Gate Lane").type("town", "Dorchester").type("postcode", "dt1 2aa")
                .type("gpPracticeCode", practice)
                .type("gpPracticeName", "Max Gate Surgery").click("save-patient");
        assertThat(browser.testId("patient-name")).isEqualTo(patientName);
        String record = browser.currentPath();
        String patientId = record.substring("/patients/".length());
        browser.click("refer").selectContaining("wardId", ward.name()).select("direction", "Step-up")
                .select("source", "Emergency department").select("urgency", "Same day")
                .type("presentingCondition", "Community-acquired pneumonia")
                .type("reason", "CURB-65 of 1, needs IV antibiotics; wife at home").check("IV therapy");
        browser.click("send-referral");
        assertThat(browser.testId("referral-status")).isEqualTo("Awaiting triage");
        browser.screenshot("ed-referred");
        browser.signOut();

        // 2. The acute consultant accepts and admits
        browser.signIn(consultant.username(), Fixtures.PASSWORD).open("/referrals");
        browser.clickLink(patientName);
        browser.check("Accept").type("reason", "Meets criteria: pneumonia, NEWS2 3").click("save-triage");
        assertThat(browser.testId("referral-status")).isEqualTo("Accepted");
        browser.setValue("estimatedDischargeDate", day.plusDays(5).toString()).check("Yes")
                .select("consentGivenBy", "The patient")
                .type("sharedDecisionRecord", "Discussed home IV treatment; Mr Hardy and his wife prefer home");
        browser.act(By.xpath("//label[starts-with(normalize-space(), 'Benefits and risks of care at home')]"),
                label -> label.click());
        browser.click("save-admission");
        assertThat(browser.testId("accountable")).isEqualTo(consultant.displayName());
        String admission = browser.currentPath();
        browser.screenshot("admitted");
        browser.signOut();

        // 3. The community coordinator (another organisation) sees the patient, by the ward's rule, and plans the day
        browser.signIn(coordinator.username(), Fixtures.PASSWORD).open(record);
        assertThat(browser.testId("patient-name")).isEqualTo(patientName);
        assertThat(browser.text(By.cssSelector("[data-testid='care-team']")))
                .contains("Visits the ward's patients").contains(ward.name())
                .contains("The patient's GP practice").contains(practice)
                .doesNotContain(commissioner.organisationName());
        browser.screenshot("coordinator-sees-record");
        // the referrer was not asked for the map location; the visiting team sets it before planning visits
        assertThat(browser.testId("location")).contains("Not set");
        browser.click("change-location").type("latitude", "50.7080").type("longitude", "-2.4210")
                .type("reason", "From the address on the map").click("save-correction");
        assertThat(browser.testId("location")).contains("50.708, -2.421");
        ok(api.post(nurse, "/api/v1/patients/" + patientId + "/interventions", Map.of("kind", "IV_ANTIBIOTIC_DOSE",
                "times", List.of("14:00"), "toleranceMinutes", 30, "startsOn", day.toString())), 201);
        browser.open("/visits?date=" + day).click("plan-day")
                .waitForText(By.cssSelector("[data-testid='flash']"), "Planned", PLANNING);
        assertThat(browser.text(By.cssSelector("[data-testid='route']"))).contains("IV antibiotic dose")
                .contains("13:30-14:30");
        browser.screenshot("community-plan");
        browser.signOut();

        // 4. The community nurse gives the carer a personal link
        browser.signIn(nurse.username(), Fixtures.PASSWORD).open(record).click("issue-home-link");
        String link = browser.attribute(By.cssSelector("[data-testid='home-link']"), "href");
        browser.signOut();

        // 5. The carer sends worrying readings from a phone and is told what to do, with the day-time number
        clock.set(at("10:30"));
        phone.driver().get(link);
        phone.check("Worse").type("oxygenSaturation", "88").type("heartRate", "190").type("respiratoryRate", "70");
        phone.click("send-readings");
        assertThat(phone.testId("advice-heading")).isEqualTo("Call the team now");
        assertThat(phone.testId("advice-what-to-do")).contains("01632 960 000");
        assertThat(phone.testId("advice-999")).contains("999");
        assertThat(Axe.violations(phone)).as("axe on the carer's advice").isEmpty();
        assertThat(Axe.overflowAtPhoneWidth(phone)).as("advice page wider than the phone").isZero();
        phone.screenshot("carer-told-to-call");

        // 6. The on-call community nurse is emailed; unacknowledged, the alert climbs to the nurse in charge
        assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
        assertThat(mailTo(nurseEmail)).singleElement()
                .satisfies(m -> assertThat(m.getSubject()).contains("HIGH alert").contains(ward.name()));
        Instant late = at("11:01");
        clock.set(late);
        alerts.escalateUnacknowledged(late);
        assertThat(smtp.waitForIncomingEmail(10_000, 2)).isTrue();
        assertThat(mailTo(coordinatorEmail)).as("the nurse in charge is told when nobody acknowledged").hasSize(1);
        browser.signIn(coordinator.username(), Fixtures.PASSWORD).open("/alerts");
        assertThat(browser.pageText()).contains(familyName.toUpperCase());
        browser.screenshot("alert-board-nurse-in-charge");
        browser.signOut();

        // 7. The acute consultant asks for an urgent visit: the community team's plan takes it
        browser.signIn(consultant.username(), Fixtures.PASSWORD).open(record + "/urgent-visit");
        browser.type("reason", "NEWS2 9 from the carer's readings; new confusion")
                .select("kind", "Observations").select("withinMinutes", "2 hours");
        browser.click("request-urgent-visit")
                .waitForText(By.cssSelector("[data-testid='flash']"), "Urgent visit planned: ", PLANNING);
        assertThat(browser.testId("flash")).contains(nurse.displayName());
        browser.screenshot("urgent-visit-planned");

        // 8. The consultant discharges
        clock.set(at("16:00"));
        browser.open(admission).select("destination", "Usual place of residence")
                .type("onwardReferrals", "Community respiratory team follow-up in 2 weeks")
                .type("summary", "Pneumonia treated with IV then oral amoxicillin. Deteriorated on day 1, reviewed at home.")
                .click("save-discharge");
        assertThat(browser.testId("discharge-summary")).contains("reviewed at home");
        browser.signOut();

        // 9. The GP reads the summary through the patient's practice
        browser.signIn(gp.username(), Fixtures.PASSWORD).open(admission);
        assertThat(browser.testId("discharge-summary")).contains("oral amoxicillin").contains("reviewed at home");
        assertThat(Axe.violations(browser)).as("axe on the GP's discharge summary").isEmpty();
        browser.screenshot("gp-reads-summary");
        browser.signOut();

        // 10. The carer's link is dead, and the open alert was closed with the discharge
        phone.driver().get(link);
        assertThat(phone.testId("error-detail")).contains("no longer active");
        assertThat(phone.pageText()).doesNotContain(familyName);
        phone.screenshot("link-dead");
        assertThat(jdbc.sql("select count(*) from alert where patient_id = ? and status <> 'CLOSED'")
                .param(UUID.fromString(patientId)).query(Long.class).single()).isZero();

        // 11. The ICB's commissioner sees numbers, never the record
        Response refused = api.get(commissioner, "/api/v1/patients/" + patientId);
        assertThat(refused.status()).isIn(403, 404);
    }

    private void onCall(String tier, CurrentUser person) {
        ok(api.post(coordinator, "/api/v1/on-call", Map.of("wardId", ward.id().value().toString(), "tier", tier,
                "username", person.username(), "startsAt", at("08:00").toString(),
                "endsAt", at("20:00").toString())), 201);
    }

    private List<MimeMessage> mailTo(String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> recipient(m).equals(address)).toList();
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Instant at(String time) {
        return day.atTime(LocalTime.parse(time)).atZone(clock.getZone()).toInstant();
    }

    private static void ok(Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
    }
}
