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
import org.homeward.support.Fixtures;
import org.homeward.support.IntegrationTest;
import org.homeward.support.PageSession;
import org.homeward.support.PageSession.Page;
import org.homeward.ward.VirtualWard;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The day view's timeline and route map: planned from the page, they show one row and one route per member of staff
 * on shift, with as many visit bars and numbered markers as the tables below list, each labelled with its time, visit
 * and patient; and they say when the rota has changed since the plan was made.
 */
@IntegrationTest
class DayPlanPageIT {

    @Autowired Fixtures fixtures;
    @Autowired Api api;
    @Autowired PatientService patientService;

    VisitDay team;

    CurrentUser coordinator;
    CurrentUser nurse;
    CurrentUser ivNurse;
    CurrentUser supportWorker;
    CurrentUser referrer;
    CurrentUser consultant;
    VirtualWard ward;
    LocalDate day;

    @BeforeEach
    void aWardWithStaff() {
        team = new VisitDay(fixtures, api, patientService);
        referrer = team.referrer;
        consultant = team.consultant;
        coordinator = team.coordinator;
        ward = team.ward;
        day = team.day;
        nurse = team.staff(Role.CLINICIAN);
        ivNurse = team.staff(Role.CLINICIAN);
        supportWorker = team.staff(Role.CLINICIAN);
    }

    @Test
    void theTimelineAndMapShowEachStaffMembersDayAsTheTablesListIt() {
        PatientRecord dose = admitted(50.712, -2.441);
        PatientRecord bloods = admitted(50.725, -2.462);
        PatientRecord hoist = admitted(50.701, -2.420);
        add(dose, Map.of("kind", "IV_ANTIBIOTIC_DOSE", "times", List.of("10:00", "14:00"), "toleranceMinutes", 30));
        add(bloods, Map.of("kind", "BLOODS", "windowFrom", "08:00", "windowTo", "11:00"));
        add(hoist, Map.of("kind", "CARER_SUPPORT", "times", List.of("12:00"), "toleranceMinutes", 60, "staffNeeded", 2));
        shift(ivNurse, List.of("IV_COMPETENT_NURSE", "REGISTERED_NURSE"));
        shift(supportWorker, List.of("REGISTERED_NURSE", "HEALTHCARE_SUPPORT_WORKER"));
        PageSession session = PageSession.signIn(api.baseUrl(), coordinator);

        Page page = session.follow(session.submit(session.get("/visits?date=" + day), "form[action=/visits/plan]",
                Map.of("date", day.toString())));

        assertThat(page.testId("flash")).isEqualTo("Planned 5 of 5 visits (version 1)");
        Elements rows = page.html().select("[data-testid=timeline-row]");
        assertThat(rows).extracting(r -> r.attr("data-staff"))
                .containsExactlyInAnyOrder(ivNurse.displayName(), supportWorker.displayName());
        Elements routes = page.html().select("svg.hw-map polyline");
        assertThat(routes).hasSize(2);
        int bars = 0;
        for (Element row : rows) {
            String staff = row.attr("data-staff");
            Element table = page.html().selectFirst("details[data-staff='" + staff + "'] table");
            int visits = table.select("tbody tr").size();
            bars += visits;
            assertThat(row.select("[data-testid=timeline-visit]")).as(staff).hasSize(visits);
            assertThat(row.select("[data-testid=timeline-break]")).as("the 30-minute break of %s", staff).hasSize(1);
            assertThat(row.select("[data-testid=timeline-travel]")).as("travel to each visit and back, %s", staff)
                    .hasSize(visits + 1);
            Element route = page.html().selectFirst("svg.hw-map g.hw-map__route[data-staff='" + staff + "']");
            assertThat(route.selectFirst("polyline").attr("points").split(" ")).as(staff).hasSize(visits + 2);
            assertThat(page.html().select("svg.hw-map g.hw-map__markers[data-staff='" + staff + "'] circle"))
                    .hasSize(visits);
            Element first = table.selectFirst("tbody tr");
            String firstBar = row.selectFirst("[data-testid=timeline-visit]").attr("aria-label");
            assertThat(firstBar).as("the first bar says what the table's first row says")
                    .startsWith(first.child(1).child(1).text() + " " + first.child(4).child(1).text() + ", "
                            + first.child(2).child(1).text());
            assertThat(row.selectFirst("[data-testid=timeline-visit]").attr("data-hw-style")).matches("left:[0-9.]+%;width:[0-9.]+%");
        }
        assertThat(bars).isEqualTo(5);
        Element ivRow = page.html().selectFirst("[data-testid=timeline-row][data-staff='" + ivNurse.displayName() + "']");
        assertThat(ivRow.select("[data-testid=timeline-visit]")).extracting(b -> b.attr("aria-label"))
                .anySatisfy(label -> assertThat(label).matches("\\d\\d:\\d\\d-\\d\\d:\\d\\d IV antibiotic dose, "
                        + dose.summary().familyName().toUpperCase() + ", " + dose.summary().givenName()
                        + "; start window 09:30-10:30"));
        assertThat(page.html().select("svg.hw-map [data-testid=map-home] text")).extracting(Element::text)
                .containsExactlyInAnyOrder(dose.summary().displayName(), bloods.summary().displayName(),
                        hoist.summary().displayName());
        assertThat(page.html().select("svg.hw-map polyline")).extracting(p -> p.attr("stroke")).doesNotHaveDuplicates();
        assertThat(page.testId("route-legend")).contains(ivNurse.displayName()).contains(supportWorker.displayName());
    }

    @Test
    void aShiftCancelledOrAddedSinceThePlanWasMadeIsCalledOutOnTheTimeline() {
        PatientRecord dose = admitted(50.712, -2.441);
        add(dose, Map.of("kind", "IV_ANTIBIOTIC_DOSE", "times", List.of("10:00"), "toleranceMinutes", 30));
        String planned = shift(ivNurse, List.of("IV_COMPETENT_NURSE", "REGISTERED_NURSE"));
        assertThat(api.post(coordinator, "/api/v1/day-plans/" + day, Map.of()).status()).isEqualTo(201);
        assertThat(api.post(coordinator, "/api/v1/shifts/" + planned + "/cancel", Map.of()).status()).isEqualTo(200);
        shift(supportWorker, List.of("REGISTERED_NURSE"));

        Page page = PageSession.signIn(api.baseUrl(), nurse).get("/visits?date=" + day);

        Element cancelled = page.html().selectFirst("[data-testid=timeline-row][data-staff='" + ivNurse.displayName() + "']");
        assertThat(cancelled.select("[data-testid=timeline-visit]")).hasSize(1);
        assertThat(cancelled.select(".hw-timeline__shift")).isEmpty();
        assertThat(cancelled.selectFirst("[data-testid=timeline-note]").text())
                .isEqualTo("This shift is no longer on the rota: plan the day again");
        Element added = page.html().selectFirst("[data-testid=timeline-row][data-staff='" + supportWorker.displayName() + "']");
        assertThat(added.selectFirst("[data-testid=timeline-note]").text())
                .isEqualTo("Shift added after this plan was made: plan the day again");
        assertThat(page.html().selectFirst("svg.hw-map g.hw-map__route[data-staff='" + ivNurse.displayName() + "'] title")
                .text()).isEqualTo("Route of " + ivNurse.displayName() + ": 1 visit, shift no longer on the rota");
    }

    @Test
    void eachRouteNamesThePatientsAndTheirAddressesAndAnotherOrganisationSeesNoneOfIt() {
        PatientRecord dose = admitted(50.712, -2.441);
        add(dose, Map.of("kind", "IV_ANTIBIOTIC_DOSE", "times", List.of("10:00"), "toleranceMinutes", 30));
        shift(ivNurse, List.of("IV_COMPETENT_NURSE", "REGISTERED_NURSE"));
        assertThat(api.post(coordinator, "/api/v1/day-plans/" + day, Map.of()).status()).isEqualTo(201);

        for (CurrentUser reader : List.of(coordinator, nurse)) {
            Page page = PageSession.signIn(api.baseUrl(), reader).get("/visits?date=" + day);
            Element row = page.html().selectFirst("details[data-staff='" + ivNurse.displayName() + "'] tbody tr");
            assertThat(row.text()).as(reader.username()).contains(dose.summary().displayName())
                    .contains(dose.addressLine1() + ", " + dose.postcode()).contains("IV antibiotic dose")
                    .containsPattern("Travel (\\d+ minutes?|under a minute)");
            assertThat(page.testId("summary-visits")).isEqualTo("1 visit");
            assertThat(page.testId("summary-recorded")).isEqualTo("0 done, 0 under way, 0 missed");
        }

        org.homeward.security.Organisation elsewhere = fixtures.organisation(
                org.homeward.security.OrganisationType.COMMUNITY_PROVIDER);
        for (Role role : List.of(Role.COORDINATOR, Role.CLINICIAN)) {
            CurrentUser outsider = fixtures.user(role, elsewhere);
            Page page = PageSession.signIn(api.baseUrl(), outsider).get("/visits?date=" + day);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.testId("no-plan")).isEqualTo("No plan for this day yet.");
            assertThat(page.html().select("[data-testid=route], [data-testid=route-map], [data-testid=day-summary]"))
                    .isEmpty();
            assertThat(page.text()).doesNotContain(dose.summary().familyName().toUpperCase())
                    .doesNotContain(dose.addressLine1()).doesNotContain(ivNurse.displayName());
            Page picked = PageSession.signIn(api.baseUrl(), outsider).get("/visits?date=" + day + "&staff="
                    + java.util.UUID.randomUUID());
            assertThat(picked.text()).doesNotContain(dose.addressLine1());
        }
    }

    @Test
    void aDateThatDoesNotExistIsA400NamingTheDayFieldAndTodayIsShown() {
        PageSession session = PageSession.signIn(api.baseUrl(), coordinator);

        for (String bad : List.of("2027-02-31", "31/12/2026", "2200-01-01")) {
            Page page = session.get("/visits?date=" + bad);
            assertThat(page.status()).as(bad).isEqualTo(400);
            assertThat(page.testId("errors")).as(bad).startsWith("Go to a day: Enter a real date");
            assertThat(page.html().selectFirst("#day-field").attr("aria-describedby")).contains("day-field-error");
            assertThat(page.testId("relative-day")).isEqualTo("Today");
        }
        assertThat(session.get("/visits?date=" + day + "&staff=not-a-shift").status()).isEqualTo(200);
    }

    private PatientRecord admitted(Double latitude, Double longitude) {
        return team.admitted(latitude, longitude);
    }

    private void add(PatientRecord patient, Map<String, Object> intervention) {
        team.intervention(nurse, patient, intervention);
    }

    private String shift(CurrentUser who, List<String> skills) {
        return team.shift(who, LocalTime.of(8, 0), LocalTime.of(16, 0), skills);
    }
}
