package org.homeward.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.homeward.patient.PatientRecord;
import org.homeward.security.CurrentUser;
import org.homeward.security.Organisation;
import org.homeward.security.OrganisationType;
import org.homeward.security.Role;
import org.homeward.support.Api;
import org.homeward.support.Axe;
import org.homeward.support.Browser;
import org.homeward.support.Fixtures;
import org.homeward.support.IntegrationTest;
import org.homeward.ward.VirtualWard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The alert board in Chromium, at 1280 px and on a 390 px phone: an alert raised by a device reading appears as a row
 * without a reload (server-sent events name the alert; only its row is fetched); a response being typed survives an
 * update of another alert and of its own alert (its row is marked as changed instead of replaced); the filters by
 * ward and severity are kept through live updates and say how many alerts they hide; closed alerts are in the history
 * with their outcome. Every page is checked with axe-core and for overflow at both widths.
 */
@IntegrationTest
class AlertBoardBrowserIT {

    @Autowired Fixtures fixtures;
    @Autowired Api api;
    @Autowired JdbcClient jdbc;

    Browser browser;
    Organisation acute;
    CurrentUser referrer;
    CurrentUser nurse;
    CurrentUser consultant;
    PatientRecord patient;
    VirtualWard ward;

    @BeforeEach
    void admitAPatient() {
        acute = fixtures.organisation(OrganisationType.ACUTE_TRUST);
        referrer = fixtures.user(Role.REFERRER, acute);
        consultant = fixtures.user(Role.SENIOR_DECISION_MAKER, acute);
        nurse = fixtures.user(Role.CLINICIAN, acute);
        ward = fixtures.ward(acute, 10);
        patient = admitted(ward);
        browser = new Browser(api.baseUrl(), "alert-board");
    }

    @AfterEach
    void tearDown() {
        browser.close();
    }

    @Test
    void aDeviceReadingAppearsOnTheOpenBoardAndIsHandledThere() {
        browser.signIn(nurse.username(), Fixtures.PASSWORD).open("/alerts?wardId=" + ward.id());
        assertThat(browser.testId("no-alerts")).isEqualTo("No open alerts.");
        waitUntilLive();
        markThePage();

        String name = patient.summary().displayName();
        raise(patient, HIGH);

        browser.waitForText(By.cssSelector("[data-testid='alerts']"), name);
        String row = browser.text(By.cssSelector("[data-testid='alerts'] tbody tr"));
        assertThat(row).contains("High").contains("NEWS2 8").contains("Not acknowledged").contains(ward.name())
                .doesNotContain("HIGH").doesNotContain("RAISED");
        assertThat(pageWasNotReloaded()).as("the row came without a reload").isTrue();
        checkBothWidths("alert-appeared");

        browser.open("/wards/" + ward.id() + "/census").waitForText(By.cssSelector("[data-testid='open-alert-count']"), "1");
        browser.open("/alerts?wardId=" + ward.id());

        browser.act(By.cssSelector("[data-testid='acknowledge']"), WebElement::click);
        browser.waitForText(By.cssSelector("[data-testid='alerts'] tbody tr [data-testid='status']"), "Acknowledged");
        browser.act(By.cssSelector("select[name='action']"), select -> new Select(select).selectByVisibleText("Visit"))
                .act(By.cssSelector("textarea[name='note']"), note -> note.sendKeys("Visited within 40 minutes; nebuliser given"))
                .act(By.cssSelector("[data-testid='respond']"), WebElement::click);
        browser.waitForText(By.cssSelector("[data-testid='alerts'] tbody tr [data-testid='status']"), "Responded");
        assertThat(browser.text(By.cssSelector("[data-testid='alerts'] tbody tr"))).contains("Visit by " + nurse.username());
        checkBothWidths("alert-responded");
        assertThat(browser.testId("senior-closes")).as("NEWS2 7 or more: a senior closes it")
                .contains("senior decision-maker");
        assertThat(browser.driver().findElements(By.cssSelector("[data-testid='close']"))).isEmpty();

        browser.signOut().signIn(consultant.username(), Fixtures.PASSWORD).open("/alerts?wardId=" + ward.id());
        browser.act(By.cssSelector("[data-testid='close']"), WebElement::click);
        assertThat(browser.testId("no-alerts")).isEqualTo("No open alerts.");

        browser.clickLink("Closed alerts and their outcome");
        String closed = browser.text(By.cssSelector("[data-testid='history'] tbody tr"));
        assertThat(closed).contains(name).contains("High").contains("Visit by " + nurse.username())
                .contains("Visited within 40 minutes").contains("Closed").contains("By " + consultant.username());
        checkBothWidths("history");
    }

    @Test
    void aResponseBeingTypedSurvivesAnUpdateOfAnotherAlertAndOfItsOwn() {
        PatientRecord other = admitted(ward);
        UUID alert = raise(patient, MEDIUM);
        api.post(nurse, "/api/v1/alerts/" + alert + "/acknowledge", Map.of());

        browser.signIn(nurse.username(), Fixtures.PASSWORD).open("/alerts?wardId=" + ward.id());
        waitUntilLive();
        markThePage();
        String row = "tr[data-alert-id='" + alert + "'] ";
        String typed = "Phoned the daughter: breathing easier, will ring back at 6";
        browser.act(By.cssSelector(row + "select[name='action']"), s -> new Select(s).selectByVisibleText("Phone call"))
                .act(By.cssSelector(row + "textarea[name='note']"), note -> note.sendKeys(typed));

        // another alert: a row of its own appears, the form being typed in is untouched
        int updates = updates();
        raise(other, HIGH);
        browser.waitForText(By.cssSelector("[data-testid='alerts']"), other.summary().displayName());
        browser.waitForScript("Number(document.getElementById('board').dataset.updates) > " + updates);
        assertThat(noteIn(row)).isEqualTo(typed);
        assertThat(new Select(browser.driver().findElement(By.cssSelector(row + "select[name='action']")))
                .getFirstSelectedOption().getText()).isEqualTo("Phone call");
        assertThat(browser.driver().findElements(By.cssSelector(row + "[data-testid='row-changed']"))).isEmpty();
        assertThat(pageWasNotReloaded()).isTrue();
        assertThat(browser.driver().findElements(By.cssSelector("[data-testid='alerts'] tbody tr"))).hasSize(2);
        assertThat(browser.driver().findElements(By.cssSelector("[data-testid='alerts'] tbody tr")).get(0).getText())
                .as("most severe first").contains(other.summary().displayName());

        // its own alert worsens: the row is not replaced under the nurse; it says it changed
        raise(patient, HIGH);
        browser.waitForText(By.cssSelector(row + "[data-testid='row-changed']"), "High, Not acknowledged");
        assertThat(noteIn(row)).isEqualTo(typed);
        checkBothWidths("typed-response-kept");
        assertThat(noteIn(row)).as("kept through the resize too").isEqualTo(typed);

        // the nurse lets go of the draft: the row shows the alert as it now is
        browser.act(By.cssSelector(row + "[data-show-latest]"), WebElement::click);
        browser.waitForText(By.cssSelector(row + "[data-testid='status']"), "Not acknowledged");
        assertThat(browser.driver().findElements(By.cssSelector(row + "textarea[name='note']"))).isEmpty();
        assertThat(pageWasNotReloaded()).isTrue();

        // on a phone Acknowledge is in view, no sideways scrolling
        assertThat(Axe.overflowAtPhoneWidth(browser)).isZero();
        WebElement acknowledge = browser.driver().findElement(By.cssSelector(row + "[data-testid='acknowledge']"));
        long right = ((Number) ((JavascriptExecutor) browser.driver()).executeScript(
                "return arguments[0].getBoundingClientRect().right", acknowledge)).longValue();
        long viewport = ((Number) ((JavascriptExecutor) browser.driver()).executeScript(
                "return document.documentElement.clientWidth")).longValue();
        assertThat(right).as("Acknowledge within the phone's width").isLessThanOrEqualTo(viewport);
        browser.screenshot("phone-acknowledge");
        Axe.desktop(browser);
    }

    @Test
    void filtersByWardAndSeverityAreKeptThroughLiveUpdatesAndSayWhatTheyHide() {
        // the same organisation cares for both wards' patients
        PatientRecord onOtherWard = admitted(fixtures.ward(acute, 10));
        PatientRecord low = admitted(ward);

        browser.signIn(nurse.username(), Fixtures.PASSWORD).open("/alerts");
        browser.select("wardId", ward.name()).check("High").click("apply-filters");
        assertThat(browser.currentPath()).contains("wardId=" + ward.id()).contains("severity=HIGH");
        waitUntilLive();
        markThePage();

        raise(low, LOW);
        browser.waitForText(By.cssSelector("[data-testid='hidden-alerts']"), "1 open alert is hidden by your filters");
        assertThat(browser.testId("hidden-alerts")).contains("(1 low)");
        assertThat(browser.testId("no-alerts")).isEqualTo("No open alerts.");

        raise(patient, HIGH);
        browser.waitForText(By.cssSelector("[data-testid='alerts']"), patient.summary().displayName());
        assertThat(browser.testId("board-summary")).contains("Showing 1 of 2 open alerts");
        raise(onOtherWard, HIGH);
        browser.waitForText(By.cssSelector("[data-testid='hidden-alerts']"), "2 open alerts are hidden by your filters");
        assertThat(browser.testId("hidden-alerts")).contains("(1 high, 1 low)");
        assertThat(browser.text(By.cssSelector("[data-testid='alerts']"))).doesNotContain(low.summary().displayName());
        assertThat(pageWasNotReloaded()).as("the filter held through the live updates").isTrue();
        checkBothWidths("filtered");

        // the link from the hidden count shows them all, without JavaScript's help
        browser.clickLink("Show all open alerts");
        assertThat(browser.text(By.cssSelector("[data-testid='alerts']"))).contains(low.summary().displayName())
                .contains(patient.summary().displayName());
    }

    // NEWS2 8 (respiratory rate 26, SpO2 91, pulse 118): high
    static final Map<String, Double> HIGH = Map.of("RESPIRATORY_RATE", 26.0, "OXYGEN_SATURATION", 91.0, "HEART_RATE", 118.0);
    // NEWS2 5 (respiratory rate 22, pulse 118, 38.5 C), no red score: medium
    static final Map<String, Double> MEDIUM = Map.of("RESPIRATORY_RATE", 22.0, "HEART_RATE", 118.0, "TEMPERATURE", 38.5);
    // a 3 in one parameter (respiratory rate 26): low
    static final Map<String, Double> LOW = Map.of("RESPIRATORY_RATE", 26.0);

    private PatientRecord admitted(VirtualWard on) {
        PatientRecord admitted = fixtures.patient(referrer, LocalDate.of(1939, 9, 9));
        fixtures.admit(admitted, on, referrer, consultant);
        return admitted;
    }

    /** Sends the readings as a device would and returns the patient's open alert. */
    private UUID raise(PatientRecord who, Map<String, Double> readings) {
        List<Map<String, Object>> body = readings.entrySet().stream().map(e -> Map.<String, Object>of(
                "id", UUID.randomUUID().toString(), "patientId", who.summary().id().toString(),
                "parameter", e.getKey(), "value", e.getValue(), "recordedAt", Instant.now().minusSeconds(30).toString()))
                .toList();
        assertThat(api.post(nurse, "/api/v1/observations/batch", Map.of("readings", body)).status()).isEqualTo(200);
        return jdbc.sql("select id from alert where patient_id = ? and status <> 'CLOSED'")
                .param(who.summary().id().value()).query(UUID.class).single();
    }

    private void waitUntilLive() {
        browser.waitForScript("document.getElementById('board').dataset.live === 'true'"
                + " && Number(document.getElementById('board').dataset.updates) > 0");
    }

    private int updates() {
        return ((Number) ((JavascriptExecutor) browser.driver())
                .executeScript("return Number(document.getElementById('board').dataset.updates)")).intValue();
    }

    /** A mark a reload would wipe. */
    private void markThePage() {
        ((JavascriptExecutor) browser.driver()).executeScript("window.hwNotReloaded = true;");
    }

    private boolean pageWasNotReloaded() {
        return Boolean.TRUE.equals(((JavascriptExecutor) browser.driver()).executeScript("return window.hwNotReloaded === true;"));
    }

    private String noteIn(String row) {
        return browser.driver().findElement(By.cssSelector(row + "textarea[name='note']")).getAttribute("value");
    }

    /** axe clean and nothing wider than the window, at 1280 px and at 390 px; screenshots at both. */
    private void checkBothWidths(String name) {
        Axe.desktop(browser);
        assertThat(Axe.violations(browser)).as("axe at 1280 px").isEmpty();
        assertThat(((Number) ((JavascriptExecutor) browser.driver()).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth")).longValue())
                .as("nothing wider than the window at 1280 px").isLessThanOrEqualTo(0);
        browser.screenshot(name + "-desktop");
        assertThat(Axe.overflowAtPhoneWidth(browser)).as("overflow at 390 px").isZero();
        assertThat(Axe.violations(browser)).as("axe at 390 px").isEmpty();
        browser.screenshot(name + "-phone");
        Axe.desktop(browser);
    }
}
