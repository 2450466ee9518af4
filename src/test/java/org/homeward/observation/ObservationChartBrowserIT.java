package org.homeward.observation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.homeward.patient.PatientRecord;
import org.homeward.ward.Pathway;
import org.homeward.security.CurrentUser;
import org.homeward.security.Organisation;
import org.homeward.security.OrganisationType;
import org.homeward.security.Role;
import org.homeward.support.Api;
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
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A nurse records sets at visits, is told what each set's score means and what escalation did, and reads the chart
 * row by row with each parameter's score bands; every page checked with axe and for width at 1280 and 390 px.
 */
@IntegrationTest
class ObservationChartBrowserIT {

    /** 15:46 on 4 December 2026 in London (GMT), a day no other test uses. */
    private static final Instant NOW = Instant.parse("2026-12-04T15:46:00Z");

    @Autowired Fixtures fixtures;
    @Autowired Api api;
    @Autowired TestClock clock;

    Browser browser;
    CurrentUser nurse;
    CurrentUser referrer;
    CurrentUser consultant;
    Organisation acute;

    @BeforeEach
    void setUp() {
        clock.set(NOW);
        acute = fixtures.organisation(OrganisationType.ACUTE_TRUST);
        referrer = fixtures.user(Role.REFERRER, acute);
        consultant = fixtures.user(Role.SENIOR_DECISION_MAKER, acute);
        nurse = fixtures.user(Role.CLINICIAN, acute);
        browser = new Browser(api.baseUrl(), "observation-chart");
        Axe.desktop(browser);
    }

    @AfterEach
    void tearDown() {
        browser.close();
        clock.reset();
    }

    private PatientRecord adult() {
        VirtualWard ward = fixtures.ward(acute, 10);
        PatientRecord patient = fixtures.patient(referrer, LocalDate.of(1944, 2, 2));
        fixtures.admit(patient, ward, referrer, consultant);
        return patient;
    }

    /** axe clean and nothing wider than the viewport, at 1280 and at 390 px, with a screenshot at each. */
    private void checkPage(String name) {
        Axe.desktop(browser);
        assertThat(Axe.violations(browser)).as(name + " at 1280 px").isEmpty();
        assertThat((Boolean) ((JavascriptExecutor) browser.driver()).executeScript(
                "return document.documentElement.scrollWidth <= document.documentElement.clientWidth;"))
                .as(name + " no wider than the window at 1280 px").isTrue();
        browser.screenshot(name + "-1280");
        assertThat(Axe.overflowAtPhoneWidth(browser)).as(name + " overflow at 390 px").isZero();
        assertThat(Axe.violations(browser)).as(name + " at 390 px").isEmpty();
        browser.screenshot(name + "-390");
        Axe.desktop(browser);
        assertThat(browser.cspViolations()).as(name + " CSP").isEmpty();
    }

    @Test
    void aNurseIsToldTheScoreItsRiskAndWhatEscalationDidThenReadsTheChartRowByRow() {
        PatientRecord patient = adult();
        String id = patient.summary().id().toString();
        browser.signIn(nurse.username(), Fixtures.PASSWORD).open("/patients/" + id + "/observations/new");
        assertThat(browser.attribute(By.id("takenDay"), "value")).isEqualTo("4");
        assertThat(browser.attribute(By.id("takenMonth"), "value")).isEqualTo("12");
        assertThat(browser.attribute(By.id("takenYear"), "value")).isEqualTo("2026");
        assertThat(browser.attribute(By.id("takenTime"), "value")).isEqualTo("15:46");
        checkPage("visit-form-news2");

        browser.type("takenTime", "08:00").type("respiratoryRate", "18").type("oxygenSaturation", "96")
                .select("onOxygen", "Air").type("systolic", "128").type("heartRate", "84").check("Alert")
                .type("temperature", "37.1").click("save-observations");
        assertThat(browser.testId("set-taken")).isEqualTo("Set taken 4 December 2026, 08:00.");
        assertThat(browser.testId("saved-risk")).isEqualTo("Risk: low clinical risk.");
        assertThat(browser.testId("saved-alert")).contains("No alert was raised");
        assertThat(browser.testId("saved-response")).contains("Continue routine NEWS monitoring")
                .contains("minimum 12-hourly");
        checkPage("saved-news2-0");

        browser.click("record-another").type("takenTime", "14:30").type("respiratoryRate", "23")
                .type("oxygenSaturation", "93").select("onOxygen", "On oxygen").type("systolic", "104")
                .type("heartRate", "112").check("New confusion").type("temperature", "38.4").click("save-observations");
        assertThat(browser.text(By.cssSelector("[data-testid='saved-score'] h2"))).isEqualTo("NEWS2 13");
        assertThat(browser.testId("saved-risk")).isEqualTo("Risk: high clinical risk.");
        assertThat(browser.text(By.cssSelector("[data-testid='saved-alert'] h3"))).contains("High alert raised");
        assertThat(browser.testId("saved-alert-with")).isEqualTo("It is with: Ward team.");
        assertThat(browser.testId("saved-alert-told")).contains(consultant.displayName());
        assertThat(browser.testId("saved-alert-due")).startsWith("Response due within 30 minutes, by 4 December 2026, 16:16");
        checkPage("saved-news2-13");

        browser.click("view-chart");
        browser.waitForScript("window.scoreChart && window.scoreChart.data.datasets[0].data.length === 2");
        assertThat(browser.driver().findElements(By.cssSelector("[data-testid='observation-chart'] figure")))
                .extracting(e -> e.findElement(By.tagName("figcaption")).getText())
                .containsExactly("Respiration rate (per minute)", "Oxygen saturation (%), Scale 1", "Air or oxygen",
                        "Systolic blood pressure (mmHg)", "Pulse (per minute)", "Consciousness", "Temperature (°C)",
                        "Score");
        assertThat(axisLabels("score")).containsExactly("08:00", "10:00", "12:00", "14:00", "16:00");
        assertThat(axisLabels("respiratory-rate")).containsExactly("08:00", "10:00", "12:00", "14:00", "16:00");
        assertThat(browser.attribute(By.cssSelector("[data-testid='observation-chart']"), "tabindex")).isEqualTo("0");
        String table = browser.text(By.cssSelector("[data-testid='observation-table'] tbody"));
        assertThat(table).contains("4 December 2026, 14:30").contains("4 December 2026, 08:00").contains("NEWS2 13")
                .contains("On oxygen").contains("Air").contains("Alert").contains("New confusion")
                .doesNotContain("true").doesNotContain("false").doesNotContain("ALERT");
        checkPage("chart-news2");
        Axe.overflowAtPhoneWidth(browser);
        assertThat(browser.attribute(By.cssSelector("[data-testid='observation-table'] caption"), "scrollWidth"))
                .isEqualTo(browser.attribute(By.cssSelector("[data-testid='observation-table'] caption"), "clientWidth"));
        assertThat(axisLabels("score")).as("the same times at 390 px").containsExactly("08:00", "10:00", "12:00",
                "14:00", "16:00");
    }

    @SuppressWarnings("unchecked")
    private List<String> axisLabels(String row) {
        return (List<String>) ((JavascriptExecutor) browser.driver()).executeScript(
                "const c = window.observationCharts[arguments[0]]; c.resize(); return c.scales.x.ticks.map(t => t.label);",
                row);
    }

    @Test
    void anOutOfRangeValueIsReportedAgainstItsFieldByLabelAndNothingIsSaved() {
        PatientRecord patient = adult();
        String id = patient.summary().id().toString();
        browser.signIn(nurse.username(), Fixtures.PASSWORD).open("/patients/" + id + "/observations/new");
        browser.type("heartRate", "84").type("oxygenSaturation", "4").type("temperature", "371")
                .click("save-observations");
        assertThat(browser.driver().findElements(By.cssSelector("[data-testid='visit-problems'] a")))
                .extracting(e -> e.getText() + " -> " + e.getAttribute("href").replaceAll(".*#", "#"))
                .containsExactly("Oxygen saturation must be between 40 and 100 -> #oxygenSaturation",
                        "Temperature must be between 25 and 45 -> #temperature");
        assertThat(browser.text(By.cssSelector(".nhsuk-form-group--error #oxygenSaturation-error")))
                .contains("Oxygen saturation must be between 40 and 100");
        checkPage("visit-form-errors");

        browser.type("oxygenSaturation", "96").type("temperature", "37.1").type("takenTime", "16:30")
                .click("save-observations");
        assertThat(browser.testId("visit-problems")).isEqualTo("Time taken must not be in the future");

        browser.open("/patients/" + id + "/chart");
        assertThat(browser.testId("no-observations")).contains("No observations");
    }

    @Test
    void aChildsFormIsInWordsAndTheirChartHasThePewsRowsForTheirAge() {
        VirtualWard childrens = fixtures.ward(acute, 10, 0, 17, java.util.EnumSet.of(Pathway.PAEDIATRICS));
        PatientRecord child = fixtures.patient(referrer, LocalDate.of(2023, 6, 1));
        fixtures.admit(child, childrens, referrer, consultant);
        String id = child.summary().id().toString();
        browser.signIn(nurse.username(), Fixtures.PASSWORD).open("/patients/" + id + "/observations/new");
        String form = browser.text(By.cssSelector("form[action$='/observations']"));
        assertThat(form).contains("Nasal cannula").contains("Head box").contains("Asleep").contains("None (air)")
                .doesNotContain("NASAL_PRONGS").doesNotContain("HEAD_BOX").doesNotContain("ASLEEP")
                .doesNotContain("NONE");
        assertThat(browser.driver().findElements(By.cssSelector("input[name=consciousness]")))
                .extracting(e -> e.getAttribute("value")).containsExactly("ALERT", "VOICE", "PAIN", "UNRESPONSIVE");
        checkPage("visit-form-pews");

        browser.type("respiratoryRate", "45").select("respiratoryDistress", "Mild").type("oxygenSaturation", "93")
                .select("oxygenDevice", "Nasal cannula").type("oxygenFlow", "1").type("heartRate", "150")
                .type("systolic", "95").type("capillaryRefill", "2").check("Alert").type("temperature", "37.8")
                .select("carerAnswer", "Same").click("save-observations");
        // RR 45 (1-4 years) 1, mild distress 1, SpO2 93 1, 1 L/min 1, HR 150 2, SBP 95 0, CRT 2 s 0
        assertThat(browser.text(By.cssSelector("[data-testid='saved-score'] h2"))).isEqualTo("PEWS 6");
        assertThat(browser.testId("saved-risk")).isEqualTo("Risk: medium escalation level.");
        assertThat(browser.text(By.cssSelector("[data-testid='saved-alert'] h3"))).contains("Medium alert raised");
        checkPage("saved-pews");

        browser.click("view-chart");
        browser.waitForScript("window.scoreChart && window.scoreChart.data.datasets[0].data.length === 1");
        assertThat(browser.driver().findElements(By.cssSelector("[data-testid='observation-chart'] figcaption")))
                .extracting(e -> e.getText()).startsWith("Respiratory rate (per minute)", "Respiratory distress",
                        "Oxygen saturation (%)", "Oxygen (litres per minute)", "Heart rate (per minute)")
                .endsWith("Score");
        assertThat(browser.text(By.tagName("h2"))).contains("PEWS chart (1-4 years)");
        assertThat(browser.text(By.cssSelector("[data-testid='observation-table'] tbody"))).contains("Nasal cannula")
                .contains("Mild").contains("Same").doesNotContain("NASAL_PRONGS");
        checkPage("chart-pews");
    }
}
