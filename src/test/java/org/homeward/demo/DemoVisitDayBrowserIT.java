package org.homeward.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.homeward.support.Api;
import org.homeward.support.Browser;
import org.homeward.support.IntegrationTest;
import org.homeward.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 4's "done": in Chromium, the demo service's coordinator plans the day's home visits, then a patient needs an
 * urgent visit and the day is re-planned around it. The demo's visiting team has shifts today and tomorrow; the
 * clock stands at 10:00 tomorrow, so the test means the same at any hour it runs.
 */
@IntegrationTest
class DemoVisitDayBrowserIT {

    /** The solver may use its whole time limit (10 s in tests) on the demo's 230 visits, plus the page around it. */
    static final Duration PLANNING = Duration.ofSeconds(60);

    /** Under half the 29,000 px the issue measured (8,816 px on 2026-12-05): routes and long lists stay folded. */
    static final long MAX_PHONE_HEIGHT = 12_000;

    @Autowired DemoLoader loader;
    @Autowired Api api;
    @Autowired TestClock clock;

    Browser browser;
    LocalDate day;

    @BeforeEach
    void aDemoServiceAtTenTomorrow() {
        DemoLoadedOnce.load(loader);
        ZoneId zone = clock.getZone();
        day = LocalDate.now(zone).plusDays(1);
        clock.set(day.atTime(LocalTime.of(10, 0)).atZone(zone).toInstant());
        browser = new Browser(api.baseUrl(), "demo-visit-day");
    }

    @AfterEach
    void tearDown() {
        browser.close();
        clock.reset();
    }

    @Test
    void theCoordinatorPlansTheDemoDayAndAnUrgentVisitIsPlannedIntoIt() {
        browser.signIn("coordinator", DemoLogins.PASSWORD).open("/visits");
        // another demo test may have planned this day already: this one plans it again, as a coordinator would
        int version = browser.driver().findElements(By.cssSelector("[data-testid='no-plan']")).isEmpty()
                ? Integer.parseInt(browser.testId("plan-summary").replaceAll("^Version (\\d+),.*", "$1")) : 0;

        browser.click("plan-day").waitForText(By.cssSelector("[data-testid='flash']"),
                "(version " + (version + 1) + ")", PLANNING);
        assertThat(browser.testId("flash")).startsWith("Planned ");
        assertThat(browser.testId("plan-summary")).startsWith("Version " + (version + 1) + ", made by coordinator at 10:00");
        int staffRows = browser.driver().findElements(By.cssSelector("[data-testid='timeline-row']")).size();
        assertThat(staffRows).as("a timeline row per shift of the demo's visiting team").isGreaterThan(10);
        assertThat(browser.driver().findElements(By.cssSelector("svg.hw-map g.hw-map__route"))).hasSize(staffRows);
        browser.screenshot("planned");
        // the issue found this day's page about 29,000 px tall: every route's table open at once. Now the summary and
        // the timeline come first and each route is folded until opened.
        long desktopHeight = pageHeight();
        browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        long phoneHeight = pageHeight();
        browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
        System.out.printf("Visits page for the demo day: %d px tall at 1280 px, %d px at 390 px%n", desktopHeight,
                phoneHeight);
        assertThat(phoneHeight).as("height of the day view at 390 px").isLessThan(MAX_PHONE_HEIGHT);

        browser.act(By.cssSelector("details.hw-route summary"), summary -> summary.click());
        browser.act(By.cssSelector("details.hw-route[open] [data-testid='route'] tbody tr a"), a -> a.click());
        browser.click("open-urgent-visit");
        String patient = browser.text(By.cssSelector(".nhsuk-caption-l a"));
        browser.type("reason", "NEWS2 6 from home readings: new confusion")
                .select("kind", "Observations").select("withinMinutes", "4 hours");
        browser.click("request-urgent-visit")
                .waitForText(By.cssSelector("[data-testid='flash']"), "Urgent visit planned: ", PLANNING);

        int urgentVersion = version + 2;
        assertThat(browser.testId("flash")).contains("(plan version " + urgentVersion + ",");
        assertThat(browser.testId("plan-summary")).startsWith("Version " + urgentVersion);
        // a long list of changes is folded under its heading; the coordinator opens it to read every line
        browser.driver().findElements(By.cssSelector("[data-testid='changes'] details:not([open]) summary"))
                .forEach(org.openqa.selenium.WebElement::click);
        assertThat(browser.testId("changes"))
                .contains("What changed in version " + urgentVersion + " (urgent observations for " + patient)
                .contains("New: Observations, ");
        browser.screenshot("urgent-visit-planned");
    }

    private long pageHeight() {
        return ((Number) ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeScript("return document.documentElement.scrollHeight")).longValue();
    }
}
