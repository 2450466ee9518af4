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
import org.homeward.support.Browser;
import org.homeward.support.Fixtures;
import org.homeward.support.IntegrationTest;
import org.homeward.ward.VirtualWard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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

    @BeforeEach
    void aPlannedDay() {
        team = new VisitDay(fixtures, api, patientService);
        referrer = team.referrer;
        consultant = team.consultant;
        coordinator = team.coordinator;
        ward = team.ward;
        day = team.day;
        nurse = team.staff(Role.CLINICIAN);
        CurrentUser ivNurse = team.staff(Role.CLINICIAN);
        CurrentUser supportWorker = team.staff(Role.CLINICIAN);
        add(admitted(50.712, -2.441), Map.of("kind", "IV_ANTIBIOTIC_DOSE", "times", List.of("10:00", "14:00"),
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
                return [...document.querySelectorAll('[data-testid=timeline] .hw-scroll, [data-testid=route-map] .hw-scroll')]
                  .every(box => { box.scrollLeft = 60; return box.scrollLeft > 0; })"""))
                .as("the timeline and the map scroll sideways in their own boxes").isTrue();
        browser.screenshot("phone");
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
