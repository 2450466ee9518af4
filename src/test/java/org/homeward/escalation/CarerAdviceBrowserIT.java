package org.homeward.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import org.homeward.observation.HomeLinkService;
import org.homeward.patient.PatientRecord;
import org.homeward.security.CurrentUser;
import org.homeward.security.Organisation;
import org.homeward.security.OrganisationType;
import org.homeward.security.Role;
import org.homeward.support.Api;
import org.homeward.support.Browser;
import org.homeward.support.Fixtures;
import org.homeward.support.IntegrationTest;
import org.homeward.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A carer on a 390 px phone sends worrying readings in the afternoon and is told to call the team now on the in-hours
 * number, with when to call 999; then says "I am worried" in their own words and is told what happens next.
 */
@IntegrationTest
class CarerAdviceBrowserIT {

    @Autowired Fixtures fixtures;
    @Autowired Api api;
    @Autowired HomeLinkService links;
    @Autowired TestClock clock;

    Browser phone;
    String token;

    @BeforeEach
    void anAdmittedPatientWithALink() {
        Organisation community = fixtures.organisation(OrganisationType.COMMUNITY_PROVIDER);
        CurrentUser referrer = fixtures.user(Role.REFERRER, community);
        CurrentUser consultant = fixtures.user(Role.SENIOR_DECISION_MAKER, community);
        CurrentUser nurse = fixtures.user(Role.CLINICIAN, community);
        PatientRecord patient = fixtures.patient(referrer, LocalDate.of(1948, 6, 1));
        fixtures.admit(patient, fixtures.ward(community, 10), referrer, consultant);
        token = links.issue(nurse, patient.summary().id());
        clock.set(LocalDate.now(clock.getZone()).atTime(LocalTime.of(14, 0)).atZone(clock.getZone()).toInstant());
        phone = new Browser(api.baseUrl(), "carer-advice");
        phone.driver().manage().window().setSize(new Dimension(390, 844));
    }

    @AfterEach
    void tearDown() {
        phone.close();
        clock.reset();
    }

    @Test
    void aCarerIsToldToCallTheTeamNowAndCanSayTheyAreWorried() {
        phone.open("/home/" + token);
        assertFitsThePhone();
        phone.check("Worse").type("oxygenSaturation", "88").type("heartRate", "190").type("respiratoryRate", "70");
        phone.screenshot("1-readings");
        phone.click("send-readings");

        assertThat(phone.testId("advice-heading")).isEqualTo("Call the team now");
        assertThat(phone.testId("advice-what-to-do")).contains("01632 960 000");
        assertThat(phone.testId("advice-999")).contains("call 999");
        assertThat(phone.attribute(By.cssSelector("[data-testid='advice-phone'] a"), "href"))
                .isEqualTo("tel:01632960000");
        assertFitsThePhone();
        phone.screenshot("2-call-now");

        phone.act(By.cssSelector("[data-testid='worried-link']"), org.openqa.selenium.WebElement::click);
        phone.waitForText(By.tagName("h1"), "I am worried");
        phone.click("send-worry");
        assertThat(phone.testId("worried-problem")).contains("in your own words");
        assertFitsThePhone();
        phone.screenshot("3-worried-needs-words");

        phone.type("words", "He is very sleepy and his lips look grey").click("send-worry");
        assertThat(phone.testId("concern-sent")).contains("told you are worried");
        assertThat(phone.testId("advice-heading")).as("the HIGH alert stays the more urgent").isEqualTo("Call the team now");
        assertFitsThePhone();
        phone.screenshot("4-worry-sent");
    }

    private void assertFitsThePhone() {
        Long scroll = (Long) ((JavascriptExecutor) phone.driver()).executeScript(
                "return document.documentElement.scrollWidth;");
        assertThat(viewport()).as("viewport").isLessThanOrEqualTo(390L);
        assertThat(scroll).as("page width").isLessThanOrEqualTo(viewport());
        Long unlabelled = (Long) ((JavascriptExecutor) phone.driver()).executeScript("""
                return Array.from(document.querySelectorAll('input:not([type=hidden]), textarea, select'))
                    .filter(e => !document.querySelector('label[for="' + e.id + '"]')).length;""");
        assertThat(unlabelled).as("form fields without a label").isZero();
    }

    private long viewport() {
        return (Long) ((JavascriptExecutor) phone.driver()).executeScript("return window.innerWidth;");
    }
}
