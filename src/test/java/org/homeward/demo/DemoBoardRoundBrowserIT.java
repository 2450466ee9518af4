package org.homeward.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.homeward.shared.DateWords;
import org.homeward.support.Api;
import org.homeward.support.Browser;
import org.homeward.support.IntegrationTest;
import org.homeward.support.TestClock;
import org.homeward.ward.VirtualWard;
import org.homeward.ward.WardService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 12's "done", in Chromium on the demo service, each person signed in to their own organisation: at 08:30
 * tomorrow the heart failure consultant (acute trust) leads the morning board round of the Heart Failure Virtual Ward
 * with the ward's pharmacist and specialist nurse attending, reviews every patient on it, revises one estimated
 * discharge date, decides one discharge and agrees an action for the pharmacist; records a ReSPECT recommendation for
 * a third patient. The community's heart failure nurse writes a visit note on that patient, whose readings then raise
 * an alert; the consultant reads the note and sees the ReSPECT recommendation on the alert board. The pharmacist
 * finds the action on their worklist and completes it. The board prints without its controls.
 */
@IntegrationTest
class DemoBoardRoundBrowserIT {

    @Autowired DemoLoader loader;
    @Autowired Api api;
    @Autowired TestClock clock;
    @Autowired WardService wards;
    @Autowired ObjectMapper json;

    Browser browser;
    LocalDate day;
    VirtualWard heartFailure;

    @BeforeEach
    void theDemoServiceTomorrowMorning() {
        DemoLoadedOnce.load(loader);
        ZoneId zone = clock.getZone();
        day = LocalDate.now(zone).plusDays(1);
        clock.set(day.atTime(LocalTime.of(8, 30)).atZone(zone).toInstant());
        heartFailure = wards.wards().stream()
                .filter(w -> w.name().equals(DemoWard.HEART_FAILURE.displayName())).findFirst().orElseThrow();
        browser = new Browser(api.baseUrl(), "demo-board-round");
    }

    @AfterEach
    void tearDown() {
        browser.close();
        clock.reset();
    }

    @Test
    void theConsultantLeadsTheMorningRoundAndItsWorkReachesTheWholeCareTeam() {
        String board = "/board-round?ward=" + heartFailure.id();
        browser.signIn("consultant3", DemoLogins.PASSWORD).open(board);
        List<WebElement> rows = browser.driver().findElements(By.cssSelector("[data-testid=board-row]"));
        int patients = rows.size();
        assertThat(patients).as("the demo's heart failure patients, each with a row").isGreaterThanOrEqualTo(20);
        assertThat(browser.testId("not-reviewed-count")).isEqualTo(patients + " not reviewed today");
        List<String> ids = new ArrayList<>();
        for (WebElement row : rows) {
            ids.add(row.getAttribute("id").replaceFirst("^patient-", ""));
        }
        // the patient for the ReSPECT recommendation: one without any advance care plan yet
        String respectPatient = ids.stream().filter(id -> text("#patient-" + id + " [data-testid=board-respect]")
                .contains("None recorded")).reduce((a, b) -> b).orElseThrow();
        String eddPatient = ids.stream().filter(id -> !id.equals(respectPatient)).findFirst().orElseThrow();
        String dischargePatient = ids.stream().filter(id -> !id.equals(respectPatient) && !id.equals(eddPatient))
                .findFirst().orElseThrow();
        String eddPatientName = text("#patient-" + eddPatient + " [data-testid=board-patient]");
        String eddBefore = text("#patient-" + eddPatient + " [data-testid=board-edd]");
        // tasks already open for the patient (the pharmacist's medicines reconciliation while it is not yet verified)
        int openBefore = openTasks(text("#patient-" + eddPatient + " [data-testid=board-tasks]"));

        // the round: the consultant leads, the ward's pharmacist and specialist nurse attend, a social worker too
        browser.click("choose-colleagues")
                .act(By.cssSelector("input[data-username='pharmacist'] + label"), WebElement::click)
                .act(By.cssSelector("input[data-username='nurse4'] + label"), WebElement::click)
                .type("otherAttendees", "Jo Blake, Social worker (Dorset Council)")
                .click("start-round");
        String round = browser.currentPath().replaceFirst("[?#].*", "");
        assertThat(round).startsWith("/board-round/rounds/");
        assertThat(browser.testId("round-lead")).isEqualTo("Dr Priya Raman");
        assertThat(browser.testId("attendees")).contains("Aisha Rahman", "Grace Mensah", "Jo Blake, Social worker");

        // four days on, or five where the demo's own estimate is already the fourth day (a revision to the same date
        // is refused): the demo's dates follow the hour it was loaded at
        LocalDate newEdd = eddBefore.equals("EDD " + DateWords.day(day.plusDays(4))) ? day.plusDays(5)
                : day.plusDays(4);
        String continuePatient = ids.stream().filter(id -> !id.equals(eddPatient) && !id.equals(dischargePatient))
                .findFirst().orElseThrow();
        String roundId = round.replaceFirst("^/board-round/rounds/", "");
        for (String patient : ids) {
            browser.open(round + "/patients/" + patient);
            if (patient.equals(eddPatient)) {
                browser.check("Red day").check("Revise the estimated discharge date")
                        .typeDate("revisedEstimatedDischargeDate", newEdd)
                        .type("waitingFor", "Medicines reconciliation before the switch to oral furosemide")
                        .type("note", "Stays until diuresis is complete on oral furosemide")
                        .type("actionText", "Reconcile medicines for the switch from IV to oral furosemide")
                        .select("actionRole", "Pharmacist")
                        .typeDate("actionDueDate", day)
                        .select("actionPriority", "Routine")
                        .click("record-review");
                assertThat(browser.testId("flash"))
                        .isEqualTo("Review recorded: Red day, Revise the estimated discharge date");
            } else if (patient.equals(dischargePatient)) {
                browser.check("Green day").check("Discharge today").click("record-review");
                assertThat(browser.testId("flash")).isEqualTo("Review recorded: Green day, Discharge today");
            } else if (patient.equals(continuePatient)) {
                browser.check("Green day").check("Continue care on the virtual ward").click("record-review");
                assertThat(browser.testId("flash"))
                        .isEqualTo("Review recorded: Green day, Continue care on the virtual ward");
            } else {
                // the same page and decision again for each of the ward's other patients would check nothing new: the
                // consultant records them through the JSON API, in the same round
                Api.RawResponse reviewed = api.raw("POST", "/api/v1/board-rounds/" + roundId + "/reviews",
                        "consultant3", DemoLogins.PASSWORD, toJson(Map.of("patientId", patient, "dayColour", "GREEN",
                                "decision", "CONTINUE")));
                assertThat(reviewed.status()).as(reviewed.toString()).isEqualTo(201);
            }
        }
        browser.open(round);
        assertThat(browser.testId("round-progress"))
                .isEqualTo(patients + " of " + patients + " patients reviewed today");

        browser.open(board);
        assertThat(browser.testId("not-reviewed-count")).isEqualTo("0 not reviewed today");
        assertThat(browser.driver().findElements(By.cssSelector("[data-testid=board-row] [data-testid=not-reviewed]")))
                .isEmpty();
        assertThat(text("#patient-" + eddPatient + " [data-testid=board-edd]"))
                .isEqualTo("EDD " + DateWords.day(newEdd));
        assertThat(openTasks(text("#patient-" + eddPatient + " [data-testid=board-tasks]")))
                .as("the round's action is one more open task").isEqualTo(openBefore + 1);
        assertThat(text("#patient-" + dischargePatient + " [data-testid=discharge-link]"))
                .isEqualTo("Discharge decided: complete the discharge");
        printsWithoutItsControls(patients);

        // the ReSPECT recommendation, on the care and support plan
        browser.open("/patients/" + respectPatient).click("open-care-plan")
                .act(By.cssSelector("a[href$='/care-plan/respect#priority']"), WebElement::click)
                .select("priority", "Prioritise comfort")
                .select("cprRecommendation", "CPR not recommended")
                .type("recommendations", "Diuretics and symptom control at home; not for hospital admission")
                .type("completedBy", "Dr Priya Raman")
                .typeDate("completedOn", day)
                .click("save-care-plan");
        assertThat(browser.testId("flash")).isEqualTo("ReSPECT recommendations saved");
        String respect = "ReSPECT: prioritise comfort, CPR not recommended";
        assertThat(browser.testId("banner-respect")).startsWith(respect);
        browser.signOut();

        // the community's heart failure nurse visits and writes a note; the patient's readings then raise an alert
        String note = "Weight down 1.2 kg overnight. Ankles less swollen. Furosemide 80 mg IV given 09:10.";
        browser.signIn("nurse4", DemoLogins.PASSWORD).open("/patients/" + respectPatient).click("open-notes")
                .check("Visit note").type("text", note).click("save-note");
        assertThat(browser.testId("flash")).startsWith("Visit note saved on ");
        browser.signOut();
        raiseAnAlert(respectPatient);

        // the acute consultant reads the community nurse's note, and sees the ReSPECT recommendation on the alert
        browser.signIn("consultant3", DemoLogins.PASSWORD).open("/patients/" + respectPatient).click("open-notes");
        assertThat(browser.pageText()).contains(note).contains("Grace Mensah");
        browser.open("/alerts?wardId=" + heartFailure.id());
        // the board is live and may re-render a row while it is read: read it where it stands
        StringBuilder alertRow = new StringBuilder();
        browser.act(By.xpath("//*[@data-testid='alerts']//tbody/tr[.//a[contains(@href, '" + respectPatient + "')]]"),
                row -> alertRow.replace(0, alertRow.length(), row.getText()));
        assertThat(alertRow.toString()).contains(respect);
        browser.screenshot("alert-with-respect");
        browser.signOut();

        // the pharmacist finds the round's action on their worklist and completes it
        browser.signIn("pharmacist", DemoLogins.PASSWORD).click("nav-tasks");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Pharmacist's worklist");
        WebElement card = browser.driver().findElement(By.xpath("//*[@data-testid='worklist']//*[@data-testid='task']"
                + "[contains(., 'Reconcile medicines for the switch from IV to oral furosemide')]"));
        assertThat(card.getText()).contains(eddPatientName);
        String taskId = card.getAttribute("data-task-id");
        browser.type("outcome-" + taskId, "Reconciled: furosemide 80 mg oral once daily from tomorrow; GP told")
                .act(By.cssSelector("[data-task-id='" + taskId + "'] [data-testid='complete']"), WebElement::click);
        assertThat(browser.testId("flash"))
                .contains("Done: Reconcile medicines for the switch from IV to oral furosemide");
        browser.signOut();

        browser.signIn("consultant3", DemoLogins.PASSWORD).open(board);
        assertThat(openTasks(text("#patient-" + eddPatient + " [data-testid=board-tasks]")))
                .as("the round's action is done").isEqualTo(openBefore);
    }

    /** In print the board keeps every patient's row and drops the header, filter, round form and review links. */
    @Test
    void theWholeServiceBoardIsReadFiftyPatientsAPageMostAcuteFirst() {
        browser.signIn("consultant3", DemoLogins.PASSWORD).open("/board-round");
        String summary = browser.testId("board-summary");
        java.util.regex.Matcher counted = java.util.regex.Pattern
                .compile("patients 1 to 50 of (\\d+) shown, most acute first").matcher(summary);
        assertThat(counted.find()).as(summary).isTrue();
        int all = Integer.parseInt(counted.group(1));
        assertThat(all).as("the demo's admitted patients the consultant's trust cares for").isBetween(51, 100);
        List<String> firstPage = rowIds();
        assertThat(firstPage).hasSize(50);
        assertThat(browser.text(By.id("next-page"))).contains("Page 2 of 2");

        browser.click("next-page");
        assertThat(browser.testId("board-summary")).contains("patients 51 to " + all + " of " + all + " shown");
        List<String> secondPage = rowIds();
        assertThat(secondPage).hasSize(all - 50).doesNotContainAnyElementsOf(firstPage);
        assertThat(browser.driver().findElements(By.id("next-page"))).isEmpty();

        browser.click("previous-page");
        assertThat(rowIds()).isEqualTo(firstPage);
    }

    private List<String> rowIds() {
        return browser.driver().findElements(By.cssSelector("[data-testid=board-row]")).stream()
                .map(row -> row.getAttribute("id")).toList();
    }

    private void printsWithoutItsControls(int patients) {
        ChromeDriver chrome = (ChromeDriver) browser.driver();
        chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            assertThat(browser.driver().findElements(By.cssSelector("[data-testid=board-row]")))
                    .hasSize(patients).allSatisfy(row -> assertThat(row.isDisplayed()).isTrue());
            assertThat(browser.driver().findElement(By.cssSelector(".nhsuk-header")).isDisplayed()).isFalse();
            assertThat(browser.driver().findElement(By.cssSelector("[data-testid=board-filter]")).isDisplayed())
                    .isFalse();
            assertThat(browser.driver().findElement(By.id("start-round")).isDisplayed()).isFalse();
        } finally {
            chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
    }

    /** NEWS2 of 7 or more from the patient's device: a high alert. */
    private void raiseAnAlert(String patient) {
        Instant at = clock.instant().minusSeconds(30);
        List<Map<String, Object>> readings = Map.of("RESPIRATORY_RATE", 26.0, "OXYGEN_SATURATION", 91.0,
                "HEART_RATE", 118.0).entrySet().stream().map(e -> Map.<String, Object>of(
                        "id", UUID.randomUUID().toString(), "patientId", patient, "parameter", e.getKey(),
                        "value", e.getValue(), "recordedAt", at.toString())).toList();
        Api.RawResponse sent = api.raw("POST", "/api/v1/observations/batch", "nurse4", DemoLogins.PASSWORD,
                toJson(Map.of("readings", readings)));
        assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String text(String css) {
        return browser.text(By.cssSelector(css));
    }

    /** The open tasks a board's Tasks line counts: Tasks: None open, Tasks: 2 open, or Tasks: 2 open, 1 overdue. */
    private static int openTasks(String line) {
        String words = line.replaceFirst("^Tasks: ", "");
        return words.startsWith("None") ? 0 : Integer.parseInt(words.substring(0, words.indexOf(' ')));
    }
}
