package org.homeward.hl7v2;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.homeward.security.CurrentUser;
import org.homeward.security.Role;
import org.homeward.security.SecurityService;
import org.homeward.support.Api;
import org.homeward.support.Browser;
import org.homeward.support.Fixtures;
import org.homeward.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/** The administrator's page of messages in Chromium (axe and 390 px checked on every page as it loads). */
@IntegrationTest
class Hl7MessagesBrowserIT {

    @Autowired MllpListener listener;
    @Autowired SecurityService security;
    @Autowired Fixtures fixtures;
    @Autowired Api api;

    Browser browser;

    @AfterEach
    void tearDown() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theAdministratorFindsARefusedMessageAndReadsWhyInWords() throws IOException {
        var engine = EngineAccount.ensure(security);
        CurrentUser admin = fixtures.user(Role.ADMIN, security.organisation(engine.organisationId()));
        AdtMessages m = AdtMessages.a("A04");
        m.nhsNumber = m.nhsNumber.substring(0, 9) + ((m.nhsNumber.charAt(9) - '0' + 1) % 10);
        try (Mllp mllp = new Mllp(listener.port())) {
            assertThat(mllp.send(m.text())).contains("MSA|AE|");
        }
        browser = new Browser(api.baseUrl(), "hl7-messages");

        browser.signIn(admin.username(), Fixtures.PASSWORD).open("/admin/hl7v2");
        assertThat(browser.driver().findElements(By.id("nav-hl7v2"))).hasSize(1);
        browser.type("controlId", m.controlId).click("filter");

        assertThat(browser.testId("hl7-count")).isEqualTo("1 message, newest first");
        String row = browser.text(By.cssSelector("[data-control-id='" + m.controlId + "']"));
        assertThat(row).contains("Registered as an outpatient").contains("Not applied: error")
                .contains("wrong check digit");
        assertThat(row).doesNotContain("ERROR").doesNotContain("A04");
    }
}
