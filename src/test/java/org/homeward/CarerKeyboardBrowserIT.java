package org.homeward;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import org.homeward.patient.PatientRecord;
import org.homeward.security.CurrentUser;
import org.homeward.security.Organisation;
import org.homeward.security.OrganisationType;
import org.homeward.security.Role;
import org.homeward.support.Api;
import org.homeward.support.Browser;
import org.homeward.support.Fixtures;
import org.homeward.support.IntegrationTest;
import org.homeward.ward.Pathway;
import org.homeward.ward.VirtualWard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A carer who uses only the keyboard (Tab, Shift+Tab, Space, Enter, typing) goes through every page of their personal
 * link: each control is reached in reading order with its focus visible, readings are sent and confirmed, the visit
 * times are read, and "I am worried" asks for a review.
 */
@IntegrationTest
class CarerKeyboardBrowserIT {

    /** Whether the focused control shows it: NHS.UK's yellow focus (outline, shadow or background), for a radio its circle. */
    private static final String FOCUS_SHOWN = """
            const e = document.activeElement;
            if (!e || e === document.body || !e.matches(':focus-visible')) { return false; }
            const shows = s => (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 && s.outlineColor !== 'rgba(0, 0, 0, 0)')
                || (s.boxShadow && s.boxShadow !== 'none') || s.backgroundColor === 'rgb(255, 235, 59)';
            if (e.type === 'radio' || e.type === 'checkbox') {
              return shows(getComputedStyle(document.querySelector('label[for="' + e.id + '"]'), '::before'));
            }
            return shows(getComputedStyle(e));""";

    @Autowired Fixtures fixtures;
    @Autowired Api api;
    @Autowired JdbcClient jdbc;

    Browser carer;
    PatientRecord patient;
    String link;

    @BeforeEach
    void admitAPatientWithAPersonalLink() {
        Organisation community = fixtures.organisation(OrganisationType.COMMUNITY_PROVIDER);
        CurrentUser referrer = fixtures.user(Role.REFERRER, community);
        CurrentUser consultant = fixtures.user(Role.SENIOR_DECISION_MAKER, community);
        CurrentUser nurse = fixtures.user(Role.CLINICIAN, community);
        VirtualWard ward = fixtures.ward(community, 10, 18, 120, EnumSet.of(Pathway.ADULT_FRAILTY));
        patient = fixtures.patient(referrer, LocalDate.of(1941, 3, 15));
        fixtures.admit(patient, ward, referrer, consultant);
        Api.Response issued = api.post(nurse, "/api/v1/patients/" + patient.summary().id() + "/home-links", Map.of());
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        link = issued.text("url");
        carer = new Browser(api.baseUrl(), "carer-keyboard");
    }

    @AfterEach
    void tearDown() {
        carer.close();
    }

    @Test
    void aCarerSendsReadingsReadsVisitTimesAndAsksForAReviewWithTheKeyboardAlone() {
        carer.open(link);

        // readings: each control in reading order, focus visible on each
        tab("visits-link");
        tab("worried-link");
        tab("feeling-worse");
        press(Keys.SPACE);
        assertThat(focused().isSelected()).as("Space chooses the focused answer").isTrue();
        tab("oxygenSaturation");
        focused().sendKeys("95");
        tab("heartRate");
        focused().sendKeys("88");
        tab("temperature");
        focused().sendKeys("37.4");
        tab("respiratoryRate");
        focused().sendKeys("18");
        tab("send-readings");
        shiftTab("respiratoryRate");
        tab("send-readings");
        press(Keys.ENTER);

        carer.waitForText(By.cssSelector("[data-testid='sent']"), "Thank you. Your readings were sent at");
        carer.checkPageIfNew();
        assertThat(jdbc.sql("select count(*) from observation_reading where patient_id = ? and source = 'PATIENT_OR_CARER'")
                .param(patient.summary().id().value()).query(Long.class).single()).as("the answer and four readings").isEqualTo(5);

        // visit times, and back, by links followed with Enter
        tabUntil("Who is coming and when");
        press(Keys.ENTER);
        arriveAt("/visits");
        tab("back-to-readings");
        press(Keys.ENTER);
        carer.waitForText(By.tagName("h1"), "Your readings");
        carer.checkPageIfNew();
        assertThat(carer.currentPath()).doesNotEndWith("/visits");

        // "I am worried": the words, then the request for a review
        tab("visits-link");
        tab("worried-link");
        press(Keys.ENTER);
        arriveAt("/worried");
        tabUntilId("words");
        focused().sendKeys("She is more breathless than this morning and will not eat");
        tab("send-worry");
        press(Keys.ENTER);
        carer.waitForText(By.cssSelector("[data-testid='concern-sent']"), "The team has been told you are worried");
        carer.checkPageIfNew();
        assertThat(jdbc.sql("select words from patient_concern where patient_id = ?")
                .param(patient.summary().id().value()).query(String.class).list())
                .containsExactly("She is more breathless than this morning and will not eat");
    }

    /** Waits for the page the last Enter opened, then checks it (axe and width at both sizes). */
    private void arriveAt(String pathEnding) {
        new WebDriverWait(carer.driver(), Duration.ofSeconds(15)).until(ExpectedConditions.urlMatches(".*" + pathEnding + "$"));
        carer.checkPageIfNew();
    }

    private void tab(String idOrTestId) {
        press(Keys.TAB);
        assertFocusOn(idOrTestId);
    }

    private void shiftTab(String idOrTestId) {
        new Actions(carer.driver()).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
        assertFocusOn(idOrTestId);
    }

    /** Tabs on (at most 10 times) to the link with this text: for a page whose controls before it are not the point. */
    private void tabUntil(String linkText) {
        for (int i = 0; i < 10; i++) {
            press(Keys.TAB);
            if (linkText.equals(focused().getText())) {
                assertFocusShown();
                return;
            }
        }
        throw new AssertionError("Tab never reached the link '" + linkText + "'");
    }

    private void tabUntilId(String id) {
        for (int i = 0; i < 10; i++) {
            press(Keys.TAB);
            if (id.equals(focused().getAttribute("id"))) {
                assertFocusShown();
                return;
            }
        }
        throw new AssertionError("Tab never reached #" + id);
    }

    private void assertFocusOn(String idOrTestId) {
        WebElement element = focused();
        assertThat(idOrTestId).as("the control Tab reached (" + element.getTagName() + " " + element.getText() + ")")
                .isIn(element.getAttribute("id"), element.getAttribute("data-testid"));
        assertFocusShown();
    }

    private void assertFocusShown() {
        assertThat(((JavascriptExecutor) carer.driver()).executeScript(FOCUS_SHOWN))
                .as("focus is visible on " + focused().getAttribute("outerHTML")).isEqualTo(true);
    }

    private void press(CharSequence key) {
        new Actions(carer.driver()).sendKeys(key).perform();
    }

    private WebElement focused() {
        return carer.driver().switchTo().activeElement();
    }
}
