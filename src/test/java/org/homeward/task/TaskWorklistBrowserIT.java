package org.homeward.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.homeward.patient.PatientRecord;
import org.homeward.security.CurrentUser;
import org.homeward.security.Organisation;
import org.homeward.security.OrganisationType;
import org.homeward.security.Role;
import org.homeward.support.Api;
import org.homeward.support.Browser;
import org.homeward.support.Fixtures;
import org.homeward.support.IntegrationTest;
import org.homeward.ward.VirtualWard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * In Chromium: a consultant of the acute trust sets a task for the community provider's pharmacists on the patient's
 * tasks page (and sees the form filled in from an alert); the community pharmacist follows "Tasks" in the header to
 * the pharmacist's worklist, is asked what was done when they leave it empty, and completes the task. Every page is
 * checked with axe at desktop and 390 px widths by {@link Browser}.
 */
@IntegrationTest
class TaskWorklistBrowserIT {

    @Autowired Fixtures fixtures;
    @Autowired Api api;
    @Autowired org.homeward.task.TaskService reconciliationTasks;

    Browser browser;
    Organisation community;
    CurrentUser consultant;
    CurrentUser pharmacist;
    PatientRecord patient;

    @BeforeEach
    void aPatientSharedByTheAcuteTrustAndTheCommunityProvider() {
        Organisation acute = fixtures.organisation(OrganisationType.ACUTE_TRUST);
        community = fixtures.organisation(OrganisationType.COMMUNITY_PROVIDER);
        CurrentUser referrer = fixtures.user(Role.REFERRER, acute);
        consultant = fixtures.user(Role.SENIOR_DECISION_MAKER, acute);
        pharmacist = fixtures.user(Role.PHARMACIST, community);
        fixtures.user(Role.COORDINATOR, community);
        VirtualWard ward = fixtures.ward(acute, 10, List.of(community));
        patient = fixtures.patient(referrer, LocalDate.of(1940, 2, 2));
        fixtures.admit(patient, ward, referrer, consultant);
        // admission set the pharmacists' medicines reconciliation task (its own tests are in the medication module);
        // cancelled here so this test sees only the tasks it sets
        reconciliationTasks.tasksOf(consultant, patient.summary().id())
                .forEach(t -> reconciliationTasks.cancel(consultant, t.id(), "Not part of this test"));
        browser = new Browser(api.baseUrl(), "task-worklist");
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void thePharmacistSeesTheConsultantsTaskOnTheirWorklistAndCompletesIt() {
        String tasksPage = "/patients/" + patient.summary().id() + "/tasks";
        browser.signIn(consultant.username(), Fixtures.PASSWORD);
        UUID alert = UUID.randomUUID();
        browser.open(tasksPage + "/new?alert=" + alert + "&title=High%20alert%3A%20NEWS2%205");
        assertThat(browser.attribute(By.id("title"), "value")).isEqualTo("High alert: NEWS2 5");
        assertThat(browser.testId("from-alert")).contains("From an alert");

        browser.open(tasksPage);
        assertThat(browser.testId("no-open-tasks")).contains("No open tasks");
        browser.click("set-task");
        assertThat(browser.text(By.cssSelector("[data-testid='errors']"))).contains("Title is required");
        browser.type("title", "Reconcile medicines before discharge")
                .type("detail", "Furosemide increased to 80 mg by the heart failure team")
                .select("assignTo", "Pharmacists, " + community.name())
                .check("High")
                .click("set-task");
        assertThat(browser.testId("flash")).contains("Task set for Pharmacists, " + community.name());
        assertThat(browser.text(By.cssSelector("[data-testid='open-tasks']")))
                .contains("Reconcile medicines before discharge").contains("High").contains(consultant.username());
        browser.signOut();

        browser.signIn(pharmacist.username(), Fixtures.PASSWORD).click("nav-tasks");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Pharmacist's worklist");
        WebElement card = browser.driver().findElement(By.cssSelector("[data-testid='worklist'] [data-testid='task']"));
        String taskId = card.getAttribute("data-task-id");
        assertThat(card.getText()).contains("Reconcile medicines before discharge").contains(patient.summary().displayName())
                .doesNotContain("Overdue");

        By complete = By.cssSelector("[data-task-id='" + taskId + "'] [data-testid='complete']");
        browser.act(complete, WebElement::click);
        assertThat(browser.text(By.cssSelector("[data-testid='errors']"))).contains("Enter what was done");
        browser.type("outcome-" + taskId, "Reconciled with the GP record; dosette box updated")
                .act(complete, WebElement::click);
        assertThat(browser.testId("flash")).contains("Done: Reconcile medicines before discharge");
        assertThat(browser.testId("no-tasks")).contains("Nothing to do");

        browser.open(tasksPage).act(By.cssSelector("details.nhsuk-details summary"), WebElement::click);
        assertThat(browser.text(By.cssSelector("[data-testid='closed-tasks']"))).as("kept, folded under Done")
                .contains("Reconciled with the GP record").contains(pharmacist.username());
    }
    @Test
    void thePharmacistHandsATaskOnToTheCoordinatorsWhoCancelItEachWithAReason() {
        java.util.Map<String, Object> body = new java.util.HashMap<>();
        body.put("patientId", patient.summary().id().toString());
        body.put("title", "Arrange a commode before the weekend");
        body.put("assignee", java.util.Map.of("role", "PHARMACIST", "organisationId", community.id().toString()));
        body.put("priority", "ROUTINE");
        Api.Response set = api.post(consultant, "/api/v1/tasks", body);
        assertThat(set.status()).as(set.toString()).isEqualTo(201);
        String taskId = set.text("id");

        browser.signIn(pharmacist.username(), Fixtures.PASSWORD).click("nav-tasks")
                .act(By.cssSelector("[data-task-id='" + taskId + "'] [data-testid='change-task']"), WebElement::click);
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Hand on or cancel a task");
        browser.click("hand-on");
        assertThat(browser.testId("errors")).contains("Choose who to hand the task on to");
        browser.selectContaining("assignTo", "Coordinators").click("hand-on");
        assertThat(browser.testId("errors")).isEqualTo("Say why the task is handed on");
        browser.selectContaining("assignTo", "Coordinators")
                .type("handOnReason", "Equipment is ordered by the coordinators, not the pharmacy").click("hand-on");
        assertThat(browser.testId("flash")).isEqualTo("Handed on to Coordinators, " + community.name()
                + ": Arrange a commode before the weekend");
        assertThat(browser.driver().findElements(By.cssSelector("[data-task-id='" + taskId + "']"))).isEmpty();
        browser.signOut();

        CurrentUser coordinator = fixtures.user(Role.COORDINATOR, community);
        browser.signIn(coordinator.username(), Fixtures.PASSWORD).click("nav-tasks")
                .act(By.cssSelector("[data-task-id='" + taskId + "'] [data-testid='change-task']"), WebElement::click)
                .click("cancel-task");
        assertThat(browser.testId("errors")).isEqualTo("Say why the task is cancelled");
        browser.type("cancelReason", "The family have bought one").click("cancel-task");
        assertThat(browser.testId("flash")).isEqualTo("Cancelled: Arrange a commode before the weekend");

        // the task keeps its story: who it was handed to and why it was cancelled
        Api.Response task = api.get(consultant, "/api/v1/tasks/" + taskId);
        assertThat(task.text("status")).isEqualTo("CANCELLED");
        assertThat(task.text("outcome")).isEqualTo("The family have bought one");
        assertThat(task.text("assigneeWords")).isEqualTo("Coordinators, " + community.name());
        browser.open("/tasks/" + taskId + "/change");
        assertThat(browser.testId("may-not-change")).contains("This task is closed");
    }
}
