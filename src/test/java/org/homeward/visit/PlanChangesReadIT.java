package org.homeward.visit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.homeward.patient.PatientRecord;
import org.homeward.patient.PatientService;
import org.homeward.security.CurrentUser;
import org.homeward.security.Role;
import org.homeward.support.Api;
import org.homeward.support.Fixtures;
import org.homeward.support.IntegrationTest;
import org.homeward.support.PageSession;
import org.homeward.support.PageSession.Page;
import org.homeward.support.TestClock;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 11: a nurse's "your visits have changed" lines, through the pages. Two nurses share the day, the morning
 * nurse 08:00-12:00 and the evening nurse 13:00-20:00, so who gets each new visit follows from its time. Each is told
 * only of real changes to their own visits (never "21:30 (was 21:30)"); marking them read is kept per user in the
 * database, so they stay read after a reload and on another device, while the other nurse still sees theirs; and a
 * later real change shows again, without the ones already read.
 */
@IntegrationTest
class PlanChangesReadIT {

    private static final Pattern WAS = Pattern.compile("now at (\\d\\d:\\d\\d) \\(was (\\d\\d:\\d\\d)\\)");

    @Autowired Fixtures fixtures;
    @Autowired Api api;
    @Autowired PatientService patientService;
    @Autowired TestClock clock;

    VisitDay team;
    CurrentUser morning;
    CurrentUser evening;
    PatientRecord dose;
    PatientRecord breathless;
    PatientRecord wound;

    @BeforeEach
    void aPlannedDayWithTwoNurses() {
        team = new VisitDay(fixtures, api, patientService);
        morning = team.staff(Role.CLINICIAN);
        evening = team.staff(Role.CLINICIAN);
        dose = team.admitted(50.712, -2.441);
        breathless = team.admitted(50.725, -2.462);
        wound = team.admitted(50.701, -2.420);
        clock.set(team.at("07:00"));
        team.intervention(morning, dose, Map.of("kind", "IV_ANTIBIOTIC_DOSE", "times", List.of("09:00", "17:00"),
                "toleranceMinutes", 30));
        team.shift(morning, LocalTime.of(8, 0), LocalTime.of(12, 0), List.of("IV_COMPETENT_NURSE", "REGISTERED_NURSE"));
        team.shift(evening, LocalTime.of(13, 0), LocalTime.of(20, 0), List.of("IV_COMPETENT_NURSE", "REGISTERED_NURSE"));
        planAgain(1);
    }

    @AfterEach
    void clockBack() {
        clock.reset();
    }

    @Test
    void eachNurseReadsOnlyRealChangesToTheirOwnVisitsAndMarksThemReadForEveryDevice() {
        PageSession morningPhone = PageSession.signIn(api.baseUrl(), morning);
        assertThat(morningPhone.get("/my-visits?date=" + team.day).html().select("[data-testid=my-changes]"))
                .as("the day's first plan changes nothing").isEmpty();

        team.intervention(morning, breathless, Map.of("kind", "NEBULISER", "times", List.of("10:30", "18:30"),
                "toleranceMinutes", 30));
        planAgain(2);

        Page changed = morningPhone.get("/my-visits?date=" + team.day);
        assertThat(lines(changed)).anySatisfy(line -> assertThat(line)
                .startsWith("New for you: Nebuliser for " + breathless.summary().displayName() + " at 10:"));
        assertThat(lines(changed)).noneSatisfy(line -> assertThat(line).contains(" at 18:"));
        assertNoEqualTimes(changed);
        Page eveningList = PageSession.signIn(api.baseUrl(), evening).get("/my-visits?date=" + team.day);
        assertThat(lines(eveningList)).anySatisfy(line -> assertThat(line)
                .startsWith("New for you: Nebuliser for " + breathless.summary().displayName() + " at 18:"));
        assertNoEqualTimes(eveningList);

        Page read = morningPhone.follow(morningPhone.submit(changed, "form[action=/my-visits/changes/read]",
                Map.of("date", team.day.toString(), "version", "2")));

        assertThat(read.testId("flash")).isEqualTo("Changes marked as read");
        assertThat(read.html().select("[data-testid=my-changes]")).isEmpty();
        assertThat(morningPhone.get("/my-visits?date=" + team.day).html().select("[data-testid=my-changes]"))
                .as("after a reload").isEmpty();
        assertThat(PageSession.signIn(api.baseUrl(), morning).get("/my-visits?date=" + team.day).html()
                .select("[data-testid=my-changes]")).as("on another device").isEmpty();
        assertThat(lines(PageSession.signIn(api.baseUrl(), evening).get("/my-visits?date=" + team.day)))
                .as("the evening nurse has not read hers").anySatisfy(line -> assertThat(line).contains(" at 18:"));

        team.intervention(morning, wound, Map.of("kind", "OXYGEN_CHECK", "times", List.of("11:15"),
                "toleranceMinutes", 30));
        planAgain(3);

        List<String> later = lines(morningPhone.get("/my-visits?date=" + team.day));
        assertThat(later).as("a later real change shows again, the one already read does not")
                .anySatisfy(line -> assertThat(line).startsWith("New for you: Oxygen check for "
                        + wound.summary().displayName() + " at 1"))
                .noneSatisfy(line -> assertThat(line).contains("Nebuliser for " + breathless.summary().displayName()
                        + " at 10:"));
    }

    @Test
    void markingReadAVersionTheDayHasNotReachedIsRefusedNamingTheField() {
        PageSession phone = PageSession.signIn(api.baseUrl(), morning);
        Page list = phone.get("/my-visits?date=" + team.day);

        String csrf = list.html().selectFirst("input[name=_csrf]").attr("value");
        Page refused = phone.post("/my-visits/changes/read", Map.of("_csrf", csrf, "date", team.day.toString(),
                "version", "7"));

        assertThat(refused.status()).isBetween(400, 499);
        assertThat(refused.text()).contains("version");
        assertThat(list.status()).isEqualTo(200);
    }

    private void planAgain(int expectedVersion) {
        Api.Response planned = api.post(team.coordinator, "/api/v1/day-plans/" + team.day, Map.of());
        assertThat(planned.status()).as(planned.toString()).isEqualTo(201);
        assertThat(planned.body().path("version").asInt()).isEqualTo(expectedVersion);
    }

    private static List<String> lines(Page page) {
        return page.html().select("[data-testid=my-change]").stream().map(Element::text).toList();
    }

    /** Never "21:30 (was 21:30)": a time shown as changed really moved. */
    private static void assertNoEqualTimes(Page page) {
        for (String line : lines(page)) {
            Matcher m = WAS.matcher(line);
            if (m.find()) {
                assertThat(m.group(1)).as(line).isNotEqualTo(m.group(2));
            }
        }
    }
}
