package org.homeward.visit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.homeward.patient.PatientRecord;
import org.homeward.patient.PatientService;
import org.homeward.security.CurrentUser;
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
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The day view in Chromium: the route map's inline SVG is laid out (routes and markers have a size on screen), the
 * timeline's bars sit inside their rows, and on a phone-width window the page scrolls the pictures sideways inside
 * their own boxes instead of widening the page.
 */
@IntegrationTest
class DayPlanBrowserIT {

    @Autowired Fixtures fixtures;
    @Autowired Api api;
    @Autowired PatientService patientService;

    VisitDay team;

    Browser browser;
    CurrentUser coordinator;
    CurrentUser nurse;
    CurrentUser referrer;
    CurrentUser consultant;
    VirtualWard ward;
    LocalDate day;
    CurrentUser ivNurse;
    CurrentUser supportWorker;
    PatientRecord dosePatient;

    @BeforeEach
    void aPlannedDay() {
        team = new VisitDay(fixtures, api, patientService);
        referrer = team.referrer;
        consultant = team.consultant;
        coordinator = team.coordinator;
        ward = team.ward;
        day = team.day;
        nurse = team.staff(Role.CLINICIAN);
        ivNurse = team.staff(Role.CLINICIAN);
        supportWorker = team.staff(Role.CLINICIAN);
        dosePatient = admitted(50.712, -2.441);
        add(dosePatient, Map.of("kind", "IV_ANTIBIOTIC_DOSE", "times", List.of("10:00", "14:00"),
                "toleranceMinutes", 30));
        add(admitted(50.725, -2.462), Map.of("kind", "BLOODS", "windowFrom", "08:00", "windowTo", "11:00"));
        add(admitted(50.701, -2.420), Map.of("kind", "NEBULISER", "windowFrom", "11:00", "windowTo", "13:00"));
        shift(ivNurse, List.of("IV_COMPETENT_NURSE", "REGISTERED_NURSE"));
        shift(supportWorker, List.of("REGISTERED_NURSE", "HEALTHCARE_SUPPORT_WORKER"));
        assertThat(api.post(coordinator, "/api/v1/day-plans/" + day, Map.of()).status()).isEqualTo(201);
        browser = new Browser(api.baseUrl(), "day-plan");
    }

    @AfterEach
    void tearDown() {
        browser.close();
    }

    @Test
    void theMapAndTimelineRenderAndScrollWithinThemselvesOnAPhone() {
        browser.signIn(coordinator.username(), Fixtures.PASSWORD).open("/visits?date=" + day);
        // the map and the timeline at the desktop width first, then at a phone's
        Axe.desktop(browser);
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();

        assertThat((Long) js.executeScript("return document.querySelectorAll('svg.hw-map polyline').length"))
                .isEqualTo(2L);
        assertThat((Boolean) js.executeScript("""
                return [...document.querySelectorAll('svg.hw-map polyline')].every(p => {
                  const box = p.getBoundingClientRect(); return box.width > 20 && box.height > 20; })
                  && document.querySelector('svg.hw-map').getBoundingClientRect().width > 500
                  && document.querySelectorAll('svg.hw-map circle').length === 4""")).isTrue();
        assertThat((Boolean) js.executeScript("""
                return [...document.querySelectorAll('[data-testid=timeline-visit]')].every(bar => {
                  const b = bar.getBoundingClientRect(), t = bar.parentElement.getBoundingClientRect();
                  return b.width >= 4 && b.left >= t.left - 0.5 && b.right <= t.right + 0.5
                    && b.top >= t.top && b.bottom <= t.bottom; })""")).isTrue();
        browser.screenshot("board-round");
        js.executeScript("document.querySelector('svg.hw-map').scrollIntoView()");
        browser.screenshot("map");

        browser.driver().manage().window().setSize(new Dimension(375, 800));
        assertThat((String) js.executeScript("""
                const width = document.documentElement.clientWidth;
                return [...document.querySelectorAll('[data-testid=timeline], [data-testid=route-map]')]
                  .flatMap(s => [s, ...s.querySelectorAll('*')])
                  .filter(e => !e.closest('.hw-scroll') || e.classList.contains('hw-scroll'))
                  .filter(e => e.getBoundingClientRect().right > width + 0.5)
                  .map(e => e.tagName + '.' + e.className).join(' ')""")).as("nothing of the pictures widens the page")
                .isEmpty();
        assertThat((Boolean) js.executeScript("""
                return [...document.querySelectorAll('[data-testid=timeline] .hw-scroll')]
                  .every(box => { box.scrollLeft = 60; return box.scrollLeft > 0; })"""))
                .as("the timeline scrolls sideways in its own box").isTrue();
        assertThat((Boolean) js.executeScript("""
                const map = document.querySelector('svg.hw-map').getBoundingClientRect();
                return map.width > 300 && map.right <= document.documentElement.clientWidth + 0.5"""))
                .as("the map fits the phone").isTrue();
        browser.screenshot("phone");
    }

    @Test
    void theCoordinatorMovesFromDayToDayAndReadsOneNursesRouteAtBothWidths() {
        java.time.format.DateTimeFormatter heading = java.time.format.DateTimeFormatter.ofPattern("EEEE d MMMM yyyy",
                java.util.Locale.UK);
        browser.signIn(coordinator.username(), Fixtures.PASSWORD).open("/visits?date=" + day);
        assertThat(browser.testId("day-heading")).isEqualTo("Visits on " + heading.format(day));
        assertThat(browser.testId("summary-planned")).isEqualTo("4 visits, all within their window");
        assertThat(browser.testId("summary-unplanned")).isEqualTo("None");
        assertThat(browser.testId("summary-staff")).isEqualTo("2 people");
        assertThat(browser.driver().findElements(By.cssSelector("details.hw-route"))).hasSize(2);
        assertThat(browser.driver().findElements(By.cssSelector("details.hw-route[open]")))
                .as("each route is folded away until opened").isEmpty();
        looked("day");

        browser.click("next-day");
        assertThat(browser.testId("day-heading")).isEqualTo("Visits on " + heading.format(day.plusDays(1)));
        assertThat(browser.testId("no-plan")).isEqualTo("No plan for this day yet.");
        browser.click("previous-day");
        assertThat(browser.testId("day-heading")).isEqualTo("Visits on " + heading.format(day));
        browser.setValue("day-field", day.plusDays(3).toString()).click("go-to-day");
        assertThat(browser.testId("day-heading")).isEqualTo("Visits on " + heading.format(day.plusDays(3)));
        looked("another-day");
        LocalDate today = LocalDate.now(VisitDay.LONDON);
        browser.click("tomorrow");
        assertThat(browser.testId("relative-day")).isEqualTo("Tomorrow");
        assertThat(browser.testId("day-heading")).isEqualTo("Visits on " + heading.format(today.plusDays(1)));
        browser.click("today");
        assertThat(browser.testId("relative-day")).isEqualTo("Today");

        browser.open("/visits?date=" + day).selectContaining("map-staff", ivNurse.displayName())
                .click("show-route");
        assertThat(browser.text(By.id("route-map-heading"))).isEqualTo("Route of " + ivNurse.displayName());
        assertThat(browser.driver().findElements(By.cssSelector("svg.hw-map polyline"))).hasSize(1);
        String route = browser.text(By.cssSelector("details.hw-route[open] [data-testid=route]"));
        assertThat(route).contains(dosePatient.summary().displayName())
                .contains(dosePatient.addressLine1() + ", " + dosePatient.postcode())
                .contains("IV antibiotic dose").contains("minutes");
        assertThat(browser.driver().findElements(By.cssSelector("details.hw-route[open]"))).hasSize(1);
        looked("one-route");
    }

    @Test
    void theNurseIsToldOfARealChangeOnceAndDismissesItAtBothWidths() {
        add(admitted(50.730, -2.450), Map.of("kind", "IV_ANTIBIOTIC_DOSE", "times", List.of("12:00"),
                "toleranceMinutes", 30));
        assertThat(api.post(coordinator, "/api/v1/day-plans/" + day, Map.of()).status()).isEqualTo(201);

        browser.signIn(ivNurse.username(), Fixtures.PASSWORD).open("/my-visits?date=" + day);
        assertThat(browser.testId("my-changes")).contains("New for you: IV antibiotic dose for ")
                .doesNotContain("Time changed: IV antibiotic dose for " + dosePatient.summary().displayName()
                        + " now at 10:00 (was 10:00)");
        looked("my-changes");

        browser.click("changes-read");
        assertThat(browser.testId("flash")).isEqualTo("Changes marked as read");
        assertThat(browser.driver().findElements(By.cssSelector("[data-testid=my-changes]"))).isEmpty();
        browser.open("/my-visits?date=" + day);
        assertThat(browser.driver().findElements(By.cssSelector("[data-testid=my-changes]"))).isEmpty();
        looked("my-changes-read");
    }

    /** axe clean and nothing wider than the viewport, at 1280 px and at 390 px, with a screenshot of each. */
    private void looked(String name) {
        Axe.desktop(browser);
        assertThat(Axe.violations(browser)).as("axe at 1280 px, %s", name).isEmpty();
        browser.screenshot(name + "-1280");
        assertThat(Axe.overflowAtPhoneWidth(browser)).as("overflow at 390 px, %s", name).isZero();
        assertThat(Axe.violations(browser)).as("axe at 390 px, %s", name).isEmpty();
        browser.screenshot(name + "-390");
        Axe.desktop(browser);
    }


    private PatientRecord admitted(Double latitude, Double longitude) {
        return team.admitted(latitude, longitude);
    }

    private void add(PatientRecord patient, Map<String, Object> intervention) {
        team.intervention(nurse, patient, intervention);
    }

    private void shift(CurrentUser who, List<String> skills) {
        team.shift(who, LocalTime.of(8, 0), LocalTime.of(16, 0), skills);
    }
}
