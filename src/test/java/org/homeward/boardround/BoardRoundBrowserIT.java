package org.homeward.boardround;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.homeward.patient.PatientRecord;
import org.homeward.referral.AdmissionView;
import org.homeward.security.CurrentUser;
import org.homeward.security.Organisation;
import org.homeward.security.OrganisationType;
import org.homeward.security.Role;
import org.homeward.support.Api;
import org.homeward.support.Browser;
import org.homeward.support.Fixtures;
import org.homeward.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.homeward.ward.VirtualWard;

/**
 * A consultant opens the board of a ward, starts the round from the start page with a colleague ticked, reviews one
 * patient (green day, continue) and revises the other's estimated discharge date; every page is checked with axe and
 * for width at 1280 and 390 px by the browser.
 */
@IntegrationTest
class BoardRoundBrowserIT {

    @Autowired Fixtures fixtures;
    @Autowired Api api;

    Browser browser;
    CurrentUser consultant;
    CurrentUser coordinator;
    VirtualWard ward;
    PatientRecord first;
    PatientRecord second;
    AdmissionView secondAdmission;

    @BeforeEach
    void setUp() {
        Organisation acute = fixtures.organisation(OrganisationType.ACUTE_TRUST);
        Organisation community = fixtures.organisation(OrganisationType.COMMUNITY_PROVIDER);
        CurrentUser referrer = fixtures.user(Role.REFERRER, acute);
        consultant = fixtures.user(Role.SENIOR_DECISION_MAKER, acute);
        // the coordinator the red day's action is set for (an action for a role nobody in the care team holds is refused)
        coordinator = fixtures.user(Role.COORDINATOR, acute);
        ward = fixtures.ward(acute, 10, List.of(community));
        first = fixtures.patient(referrer, LocalDate.of(1938, 3, 3));
        second = fixtures.patient(referrer, LocalDate.of(1939, 4, 4));
        fixtures.admit(first, ward, referrer, consultant);
        secondAdmission = fixtures.admit(second, ward, referrer, consultant);
        browser = new Browser(api.baseUrl(), "board-round");
    }

    @AfterEach
    void tearDown() {
        browser.close();
    }

    @Test
    void aConsultantStartsTheRoundReviewsOnePatientAndRevisesAnothersEdd() {
        browser.signIn(consultant.username(), Fixtures.PASSWORD);
        browser.open("/board-round?ward=" + ward.id());
        assertThat(browser.testId("not-reviewed-count")).isEqualTo("2 not reviewed today");
        assertThat(browser.driver().findElements(By.cssSelector("[data-testid=board-row]"))).hasSize(2);
        assertThat(browser.text(By.cssSelector("#patient-" + first.summary().id() + " [data-testid=not-reviewed]")))
                .isEqualTo("Not reviewed today");
        assertThat(browser.text(By.cssSelector("#patient-" + first.summary().id() + " [data-testid=board-respect]")))
                .contains("None recorded");

        // the colleagues to tick are on the start page, so the board stays light however many staff the service has
        assertThat(browser.driver().findElements(By.cssSelector("[data-username]"))).isEmpty();
        browser.click("choose-colleagues");
        assertThat(browser.currentPath()).isEqualTo("/board-round/rounds/new?ward=" + ward.id());
        browser.check(coordinator.displayName() + ", " + Role.COORDINATOR.label() + " (" + coordinator.organisationName()
                + ")").click("start-round");
        String round = browser.currentPath().replaceFirst("[?#].*", "");
        assertThat(round).startsWith("/board-round/rounds/");
        assertThat(browser.testId("round-lead")).isEqualTo(consultant.displayName());
        assertThat(browser.testId("round-progress")).isEqualTo("0 of 2 patients reviewed today");
        assertThat(browser.testId("attendees")).contains(coordinator.displayName());

        browser.open(round + "/patients/" + first.summary().id());
        browser.check("Green day").check("Continue care on the virtual ward").click("record-review");
        assertThat(browser.testId("flash")).isEqualTo("Review recorded: Green day, Continue care on the virtual ward");
        assertThat(browser.text(By.cssSelector("#patient-" + first.summary().id() + " [data-testid=day-colour]")))
                .isEqualTo("Green day");

        LocalDate newEdd = secondAdmission.estimatedDischargeDate().plusDays(3);
        browser.open(round + "/patients/" + second.summary().id());
        browser.check("Red day").check("Revise the estimated discharge date")
                .typeDate("revisedEstimatedDischargeDate", newEdd)
                .type("waitingFor", "Echocardiogram report")
                .type("note", "Stay until the echo is reported")
                .type("actionText", "Chase the echo report with cardiology")
                .select("actionRole", "Coordinator")
                .typeDate("actionDueDate", LocalDate.now(java.time.ZoneId.of("Europe/London")))
                .select("actionPriority", "Urgent")
                .click("record-review");
        assertThat(browser.testId("flash")).isEqualTo("Review recorded: Red day, Revise the estimated discharge date");
        assertThat(browser.testId("round-progress")).isEqualTo("2 of 2 patients reviewed today");
        assertThat(browser.text(By.cssSelector("#patient-" + second.summary().id() + " [data-testid=board-edd]")))
                .contains(String.valueOf(newEdd.getYear())).contains(String.valueOf(newEdd.getDayOfMonth()));
        assertThat(api.get(consultant, "/api/v1/admissions/" + secondAdmission.id()).text("estimatedDischargeDate"))
                .isEqualTo(newEdd.toString());
    }
}
