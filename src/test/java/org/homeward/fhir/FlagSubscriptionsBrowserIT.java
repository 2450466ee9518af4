package org.homeward.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.homeward.escalation.AlertService;
import org.homeward.observation.BatchMode;
import org.homeward.observation.IncomingReading;
import org.homeward.observation.ObservationParameter;
import org.homeward.observation.ObservationService;
import org.homeward.observation.ObservationSource;
import org.homeward.patient.PatientRecord;
import org.homeward.security.CurrentUser;
import org.homeward.security.Organisation;
import org.homeward.security.OrganisationType;
import org.homeward.security.Role;
import org.homeward.shared.PatientId;
import org.homeward.support.Api;
import org.homeward.support.Browser;
import org.homeward.support.Fixtures;
import org.homeward.support.IntegrationTest;
import org.homeward.ward.VirtualWard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The administrator's page of alert subscribers in Chromium (axe and 390 px checked on every page as it loads): a bad
 * registration is refused beside its field and stores nothing; a good one is listed; an alert sent to a system that
 * does not answer shows as failed and tried again, in words; switched off with its button, the system shows as off
 * and its waiting alert as not sent, out of the failures, and switched on it receives again; another organisation's
 * administrator sees none of it and may not switch it, and a nurse is refused.
 */
@IntegrationTest
class FlagSubscriptionsBrowserIT {

    static final String SECRET = "s3cret-shared-with-the-subscriber-only-0002";

    @Autowired Fixtures fixtures;
    @Autowired Api api;
    @Autowired ObservationService observations;
    @Autowired AlertService alerts;
    @Autowired FlagSubscriptions subscriptions;
    @Autowired FlagSender sender;

    Browser browser;

    @AfterEach
    void tearDown() {
        if (browser != null) {
            browser.close();
        }
    }

    /** An address on this machine where nothing listens (the port was free a moment ago and is closed again). */
    private static String unreachableEndpoint() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/flags";
        }
    }

    @Test
    void theAdministratorRegistersASystemAndSeesAFailedDeliveryInWordsWhichNoOneElseSees() throws IOException {
        Organisation acute = fixtures.organisation(OrganisationType.ACUTE_TRUST);
        CurrentUser admin = fixtures.user(Role.ADMIN, acute);
        CurrentUser consultant = fixtures.user(Role.SENIOR_DECISION_MAKER, acute);
        CurrentUser referrer = fixtures.user(Role.REFERRER, acute);
        CurrentUser nurse = fixtures.user(Role.CLINICIAN, acute);
        CurrentUser otherAdmin = fixtures.user(Role.ADMIN, fixtures.organisation(OrganisationType.ACUTE_TRUST));
        VirtualWard ward = fixtures.ward(acute, 10);
        PatientRecord patient = fixtures.patient(referrer, LocalDate.of(1948, 3, 2));
        fixtures.admit(patient, ward, referrer, consultant);
        String endpoint = unreachableEndpoint();
        browser = new Browser(api.baseUrl(), "fhir-subscriptions");

        // reached from the header, as the other administrators' pages are
        browser.signIn(admin.username(), Fixtures.PASSWORD);
        assertThat(browser.driver().findElement(By.id("nav-fhir-subscriptions")).getAttribute("href"))
                .endsWith("/admin/fhir-subscriptions");
        browser.open("/admin/fhir-subscriptions");
        assertThat(browser.testId("no-subscribers")).isEqualTo("No systems are registered for your organisation.");

        // a bad address and a short secret: refused beside each field, nothing stored
        browser.type("endpoint", "records.example.nhs.uk/flags").type("secret", "too-short").click("register-subscriber");
        assertThat(browser.testId("errors")).contains("Address must be an http or https address")
                .contains("Shared secret must be 32 to 200 characters");
        assertThat(browser.text(By.id("endpoint-error"))).contains("Address must be an http or https address");
        assertThat(browser.text(By.id("secret-error"))).contains("Shared secret must be 32 to 200 characters");
        assertThat(browser.attribute(By.id("secret"), "value")).as("the secret is never shown back").isEmpty();
        assertThat(subscriptions.subscriptions(admin)).isEmpty();
        // an address Homeward cannot use, with a good secret: the service refuses it beside the field, nothing stored
        browser.type("endpoint", "http://[bad/flags").type("secret", SECRET).click("register-subscriber");
        assertThat(browser.text(By.id("endpoint-error"))).endsWith("Address must be an http or https address"
                + " of at most 500 characters");
        assertThat(browser.driver().findElements(By.id("secret-error"))).isEmpty();
        assertThat(subscriptions.subscriptions(admin)).isEmpty();

        browser.type("endpoint", endpoint).type("secret", SECRET).click("register-subscriber");
        assertThat(browser.testId("flash")).startsWith("Registered " + endpoint);
        assertThat(subscriptions.subscriptions(admin)).singleElement()
                .satisfies(s -> assertThat(s.endpoint()).isEqualTo(endpoint));
        String subscriber = browser.text(By.cssSelector("[data-testid='subscribers'] tbody tr"));
        assertThat(subscriber).contains(endpoint).contains("Receiving alerts").contains("by " + admin.username());
        assertThat(browser.testId("no-deliveries")).isEqualTo("Nothing has been sent yet.");

        // the nurse records a set scoring NEWS2 7 or more: an alert is raised and queued for the system
        Instant at = Instant.now();
        PatientId id = patient.summary().id();
        observations.ingest(nurse, ObservationSource.NURSE, BatchMode.ALL_OR_NOTHING, List.of(
                IncomingReading.entered(id, ObservationParameter.RESPIRATORY_RATE, 26.0, at),
                IncomingReading.entered(id, ObservationParameter.OXYGEN_SATURATION, 91.0, at),
                IncomingReading.entered(id, ObservationParameter.ON_OXYGEN, "false", at),
                IncomingReading.entered(id, ObservationParameter.SYSTOLIC_BLOOD_PRESSURE, 95.0, at),
                IncomingReading.entered(id, ObservationParameter.HEART_RATE, 125.0, at),
                IncomingReading.entered(id, ObservationParameter.CONSCIOUSNESS, "ALERT", at),
                IncomingReading.entered(id, ObservationParameter.TEMPERATURE, 38.9, at)));
        assertThat(alerts.openAlertOf(id)).isPresent();
        browser.open("/admin/fhir-subscriptions");
        assertThat(browser.text(By.cssSelector("[data-testid='deliveries'] tbody tr")))
                .contains("Alert raised").contains("Waiting to be sent").contains("First try:");

        // the sender tries (its schedule is a day in tests, so the test runs it): nothing answers there
        sender.sendDue(Instant.now().plusSeconds(1));
        assertThat(subscriptions.deliveries(admin, true, 10)).singleElement()
                .satisfies(d -> {
                    assertThat(d.attempts()).isEqualTo(1);
                    assertThat(d.failure()).isEqualTo(DeliveryFailure.NO_ANSWER);
                });
        browser.open("/admin/fhir-subscriptions");
        assertThat(browser.testId("not-delivered")).contains("1 alert has not reached a receiving system");
        String delivery = browser.text(By.cssSelector("[data-testid='deliveries'] tbody tr"));
        assertThat(delivery).contains("Alert raised").contains(endpoint).contains("Failed, will try again")
                .contains("Tried 1 time, last at")
                .contains("Could not reach the receiving system: nothing answered at that address")
                .contains("Next try:");
        assertThat(delivery).doesNotContain("PENDING").doesNotContain("RAISED").doesNotContain("ConnectException");
        assertThat(browser.text(By.cssSelector("[data-testid='subscribers'] tbody tr")))
                .contains("1 alert not delivered yet");
        browser.act(By.cssSelector("[data-testid='deliveries'] summary"), e -> e.click());
        assertThat(browser.text(By.cssSelector("[data-testid='deliveries'] .nhsuk-details__text")))
                .contains("could not reach " + endpoint).contains("ConnectException");
        ((JavascriptExecutor) browser.driver()).executeScript(
                "document.querySelector(\"[data-testid='deliveries']\").scrollIntoView();");
        browser.screenshot("failed-delivery-390px");
        ((JavascriptExecutor) browser.driver()).executeScript("window.scrollTo(0, 0);");
        browser.screenshot("failed-delivery-390px-top");

        // the administrator switches the system off: it shows as off, its alert as not sent and no longer as a failure
        java.util.UUID subscriptionId = subscriptions.subscriptions(admin).get(0).id();
        assertThat(browser.driver().findElements(By.id("switch-on-" + subscriptionId))).isEmpty();
        browser.click("switch-off-" + subscriptionId);
        assertThat(browser.currentPath()).isEqualTo("/admin/fhir-subscriptions");
        assertThat(browser.testId("flash")).startsWith("Switched off " + endpoint + ".")
                .contains("sent no alerts until you switch it on again");
        assertThat(subscriptions.subscriptions(admin).get(0).active()).isFalse();
        String switchedOff = browser.text(By.cssSelector("[data-testid='subscribers'] tbody tr"));
        assertThat(switchedOff).contains("Switched off").doesNotContain("Receiving alerts")
                .contains("Sent no alerts while switched off: 1 alert not sent yet.")
                .doesNotContain("not delivered yet");
        assertThat(browser.text(By.cssSelector("[data-testid='deliveries'] tbody tr")))
                .contains("Not sent: the receiving system is switched off").doesNotContain("Failed, will try again")
                .doesNotContain("Next try:");
        assertThat(browser.driver().findElements(By.cssSelector("[data-testid='not-delivered']")))
                .as("a switched-off system's alerts are not counted as failures being retried").isEmpty();
        assertThat(browser.driver().findElements(By.id("switch-off-" + subscriptionId))).isEmpty();
        ((JavascriptExecutor) browser.driver()).executeScript(
                "document.querySelector(\"[data-testid='subscribers']\").scrollIntoView();");
        browser.screenshot("switched-off-390px");

        // and on again: receiving alerts, its waiting alert is a failure being retried once more
        browser.click("switch-on-" + subscriptionId);
        assertThat(browser.testId("flash")).startsWith("Switched on " + endpoint + ".")
                .contains("not yet delivered to it are sent now");
        assertThat(subscriptions.subscriptions(admin).get(0).active()).isTrue();
        assertThat(browser.text(By.cssSelector("[data-testid='subscribers'] tbody tr"))).contains("Receiving alerts")
                .doesNotContain("Switched off").contains("1 alert not delivered yet");
        assertThat(browser.testId("not-delivered")).contains("1 alert has not reached a receiving system");
        assertThat(browser.driver().findElements(By.id("switch-off-" + subscriptionId))).hasSize(1);

        // another organisation's administrator sees none of it
        browser.signOut().signIn(otherAdmin.username(), Fixtures.PASSWORD).open("/admin/fhir-subscriptions");
        assertThat(browser.testId("no-subscribers")).isEqualTo("No systems are registered for your organisation.");
        assertThat(browser.testId("no-deliveries")).isEqualTo("Nothing has been sent yet.");
        assertThat(browser.pageText()).doesNotContain(endpoint).doesNotContain("Alert raised");
        String otherToken = browser.driver().findElement(By.cssSelector("form[action='/logout'] input[name='_csrf']"))
                .getAttribute("value");
        assertThat(browser.statusOf("POST", "/admin/fhir-subscriptions/" + subscriptionId + "/switch-off", "_csrf=" + otherToken))
                .as("another organisation's system is not found").isEqualTo(404);
        assertThat(subscriptions.subscriptions(admin).get(0).active()).isTrue();

        // a nurse has no link to it and is refused the page (and the form) with 403
        browser.signOut().signIn(nurse.username(), Fixtures.PASSWORD);
        assertThat(browser.driver().findElements(By.id("nav-fhir-subscriptions"))).isEmpty();
        browser.open("/admin/fhir-subscriptions");
        assertThat(browser.testId("error-title")).isEqualTo("You cannot see this");
        assertThat(browser.pageText()).doesNotContain(endpoint);
        assertThat(browser.statusOf("GET", "/admin/fhir-subscriptions")).isEqualTo(403);
        String token = browser.driver().findElement(By.cssSelector("form[action='/logout'] input[name='_csrf']"))
                .getAttribute("value");
        assertThat(browser.statusOf("POST", "/admin/fhir-subscriptions", "_csrf=" + token + "&endpoint="
                + java.net.URLEncoder.encode("https://nurse.example/flags", java.nio.charset.StandardCharsets.UTF_8)
                + "&secret=" + SECRET)).isEqualTo(403);
        assertThat(browser.statusOf("POST", "/admin/fhir-subscriptions/" + subscriptionId + "/switch-off", "_csrf=" + token))
                .isEqualTo(403);
        assertThat(subscriptions.subscriptions(admin)).singleElement().satisfies(s -> assertThat(s.active()).isTrue());
    }

}
