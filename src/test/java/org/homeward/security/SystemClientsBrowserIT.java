package org.homeward.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.homeward.support.Api;
import org.homeward.support.Browser;
import org.homeward.support.Fixtures;
import org.homeward.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The administrator's page of system clients in Chromium (axe and 390 px checked on every page as it loads): bad
 * registrations are refused beside their field and store nothing; a good one shows its client id with the token
 * endpoint and SMART configuration and is listed with its scopes in words; revoking asks first, then the client is
 * shown revoked and gets no token; another organisation's administrator sees none of it and a nurse is refused.
 */
@IntegrationTest
class SystemClientsBrowserIT {

    static final String KEYS = "http://127.0.0.1:8443/.well-known/jwks.json";

    @Autowired Fixtures fixtures;
    @Autowired Api api;
    @Autowired SystemClientService clients;
    @Autowired JdbcClient jdbc;

    Browser browser;

    @AfterEach
    void tearDown() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theAdministratorRegistersAndRevokesAClientWhichNoOneElseSees() {
        Organisation acute = fixtures.organisation(OrganisationType.ACUTE_TRUST);
        CurrentUser admin = fixtures.user(Role.ADMIN, acute);
        CurrentUser nurse = fixtures.user(Role.CLINICIAN, acute);
        CurrentUser otherNurse = fixtures.user(Role.CLINICIAN, fixtures.organisation(OrganisationType.ACUTE_TRUST));
        CurrentUser otherAdmin = fixtures.user(Role.ADMIN, fixtures.organisation(OrganisationType.ACUTE_TRUST));
        browser = new Browser(api.baseUrl(), "system-clients");

        // reached from the header, as the other administrators' pages are
        browser.signIn(admin.username(), Fixtures.PASSWORD);
        assertThat(browser.driver().findElement(By.id("nav-system-clients")).getAttribute("href"))
                .endsWith("/admin/system-clients");
        browser.open("/admin/system-clients");
        assertThat(browser.testId("no-clients")).isEqualTo("No system clients are registered for your organisation.");

        // nothing ticked: refused beside the scopes, what was typed kept, nothing stored
        browser.type("name", "Riverside readings hub").type("actsAs", nurse.username()).type("jwkSetUrl", KEYS)
                .click("register-client");
        assertThat(browser.testId("errors")).contains("Scopes must include at least one");
        assertThat(browser.text(By.id("scopes-error"))).contains("Scopes must include at least one: tick what the"
                + " system may do, such as Write Observation");
        assertThat(browser.driver().findElements(By.id("name-error"))).isEmpty();
        assertThat(browser.attribute(By.id("name"), "value")).isEqualTo("Riverside readings hub");
        assertThat(browser.driver().findElement(By.cssSelector("[data-testid='errors'] a")).getAttribute("href"))
                .endsWith("#scopes");
        assertThat(clients.clients(admin)).isEmpty();
        screenshotAt("#scopes-error", "scopes-error-390px");

        // another organisation's account: the service refuses it beside the field, the ticks kept, nothing stored
        browser.type("actsAs", otherNurse.username()).check("Write Observation").check("Read Patient")
                .click("register-client");
        assertThat(browser.text(By.id("actsAs-error"))).startsWith("Error:").contains("Account it acts as must be the"
                + " username of an active account of " + acute.name());
        assertThat(browser.testId("errors")).contains("Account it acts as must be the username of an active account");
        assertThat(browser.driver().findElements(By.id("scopes-error"))).isEmpty();
        assertThat(browser.driver().findElement(By.cssSelector("input[value='system/Observation.write']")).isSelected())
                .isTrue();
        assertThat(clients.clients(admin)).isEmpty();
        assertThat(jdbc.sql("select count(*) from system_client where name = 'Riverside readings hub'")
                .query(Long.class).single()).isZero();

        // the account of its own organisation: registered, its client id shown with what the platform needs next
        browser.type("actsAs", nurse.username()).click("register-client");
        assertThat(clients.clients(admin)).hasSize(1);
        SystemClient registered = clients.clients(admin).get(0);
        assertThat(browser.testId("registered-client-id")).isEqualTo(registered.clientId());
        assertThat(browser.testId("registered")).contains("Registered Riverside readings hub")
                .contains("Write Observation, Read Patient");
        assertThat(browser.testId("token-endpoint")).isEqualTo(api.baseUrl() + "/oauth2/token");
        assertThat(browser.testId("smart-configuration"))
                .isEqualTo(api.baseUrl() + "/fhir/.well-known/smart-configuration");
        assertThat(registered.scopes()).containsExactly("system/Observation.write", "system/Patient.read");
        assertThat(registered.actsAs()).isEqualTo(nurse.username());
        assertThat(clients.usable(registered.clientId())).as("it may get tokens").isNotNull();
        String row = browser.text(By.cssSelector("[data-client-id='" + registered.clientId() + "']"));
        assertThat(row).contains("Riverside readings hub").contains("Active").contains(registered.clientId())
                .contains(nurse.username()).contains("Write Observation, Read Patient").contains(KEYS)
                .contains("by " + admin.username()).doesNotContain("system/");
        ((JavascriptExecutor) browser.driver()).executeScript("window.scrollTo(0, 0);");
        browser.screenshot("registered-390px");
        screenshotAt("#revoke-" + registered.clientId(), "client-card-390px");

        // revoking asks first; cancelling keeps it
        browser.click("revoke-" + registered.clientId());
        assertThat(browser.currentPath()).isEqualTo("/admin/system-clients/" + registered.clientId() + "/revoke");
        assertThat(browser.testId("revoke-warning")).contains("This happens at once and cannot be undone");
        browser.screenshot("confirm-revoke-390px");
        screenshotAt("#confirm-revoke", "confirm-revoke-buttons-390px");
        browser.click("cancel-revoke");
        assertThat(browser.currentPath()).isEqualTo("/admin/system-clients");
        assertThat(clients.usable(registered.clientId())).isNotNull();
        assertThat(clients.clients(admin).get(0).revokedAt()).isNull();

        // confirmed: revoked at once, shown revoked with when and by whom, and it gets no token
        Instant before = Instant.now().minusSeconds(1);
        browser.click("revoke-" + registered.clientId()).click("confirm-revoke");
        assertThat(browser.testId("flash")).startsWith("Revoked Riverside readings hub.");
        assertThat(jdbc.sql("select revoked_at from system_client where client_id = ?").param(registered.clientId())
                .query(java.sql.Timestamp.class).single().toInstant()).isAfter(before);
        assertThat(clients.usable(registered.clientId())).as("a revoked client gets no token").isNull();
        String revoked = browser.text(By.cssSelector("[data-client-id='" + registered.clientId() + "']"));
        assertThat(revoked).contains("Revoked").contains("by " + admin.username()).doesNotContain("Active");
        assertThat(browser.driver().findElements(By.id("revoke-" + registered.clientId()))).isEmpty();
        browser.screenshot("revoked-390px");

        // another organisation's administrator sees none of it, and cannot reach it by its id
        browser.signOut().signIn(otherAdmin.username(), Fixtures.PASSWORD).open("/admin/system-clients");
        assertThat(browser.testId("no-clients")).isEqualTo("No system clients are registered for your organisation.");
        assertThat(browser.pageText()).doesNotContain(registered.clientId()).doesNotContain("Riverside");
        assertThat(browser.statusOf("GET", "/admin/system-clients/" + registered.clientId() + "/revoke")).isEqualTo(404);

        // a nurse has no link to it and is refused the page and the forms with 403, a valid CSRF token sent; an
        // active client of the nurse's own organisation stays active
        SystemClient active = clients.register(admin, new RegisterSystemClient("Integration engine", nurse.username(),
                java.util.List.of("system/*.read"), KEYS));
        browser.signOut().signIn(nurse.username(), Fixtures.PASSWORD);
        assertThat(browser.driver().findElements(By.id("nav-system-clients"))).isEmpty();
        browser.open("/admin/system-clients");
        assertThat(browser.testId("error-title")).isEqualTo("You cannot see this");
        assertThat(browser.pageText()).doesNotContain(registered.clientId());
        assertThat(browser.statusOf("GET", "/admin/system-clients")).isEqualTo(403);
        String token = browser.driver().findElement(By.cssSelector("form[action='/logout'] input[name='_csrf']"))
                .getAttribute("value");
        assertThat(browser.statusOf("POST", "/admin/system-clients", "_csrf=" + token + "&name=Nurse&actsAs="
                + nurse.username() + "&scopes=" + URLEncoder.encode("system/*.read", StandardCharsets.UTF_8)
                + "&jwkSetUrl=" + URLEncoder.encode(KEYS, StandardCharsets.UTF_8))).isEqualTo(403);
        assertThat(browser.statusOf("POST", "/admin/system-clients/" + active.clientId() + "/revocation",
                "_csrf=" + token)).isEqualTo(403);
        assertThat(browser.statusOf("GET", "/admin/system-clients/" + active.clientId() + "/revoke")).isEqualTo(403);
        assertThat(clients.clients(admin)).hasSize(2);
        assertThat(clients.usable(active.clientId())).as("still active").isNotNull();
    }

    /** A screenshot with the element in the middle of the 390 px view, to look at what the top of the page hides. */
    private void screenshotAt(String css, String name) {
        ((JavascriptExecutor) browser.driver()).executeScript(
                "document.querySelector(arguments[0]).scrollIntoView({block: 'center'});", css);
        browser.screenshot(name);
    }

}
