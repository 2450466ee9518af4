package org.homeward.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.homeward.support.Api;
import org.homeward.support.Browser;
import org.homeward.support.Fixtures;
import org.homeward.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * In a real browser: markup injected into a page (an event handler, a style attribute, a script without the nonce)
 * is refused by the Content-Security-Policy and does nothing, while the pages' own scripts run (the alert board goes
 * live, the API pages render). Every browser test also fails on any refusal in the console (see {@link Browser}).
 */
@IntegrationTest
class ContentSecurityPolicyBrowserIT {

    @Autowired Fixtures fixtures;
    @Autowired Api api;

    @Test
    void injectedScriptsAndStylesAreRefusedWhileThePagesOwnScriptsRun() {
        CurrentUser nurse = fixtures.user(Role.CLINICIAN, fixtures.organisation(OrganisationType.ACUTE_TRUST));
        try (Browser browser = new Browser(api.baseUrl(), "csp-injection")) {
            browser.signIn(nurse.username(), Fixtures.PASSWORD).open("/alerts");
            browser.waitForScript("document.getElementById('board').dataset.live === 'true'");
            assertThat(browser.cspViolations()).as("the board's own script runs under the policy").isEmpty();

            // as if a stored field had escaped into the page's markup
            ((JavascriptExecutor) browser.driver()).executeScript("""
                    document.body.insertAdjacentHTML('beforeend',
                      '<img id="injected" src="/no-such-image.png" onerror="document.title=\\'pwned\\'">'
                      + '<p id="styled" style="display:none">seen</p>');
                    const s = document.createElement('script');
                    s.textContent = "document.title = 'pwned'";
                    document.body.appendChild(s);""");
            browser.waitForScript("document.getElementById('injected').complete");

            assertThat(browser.driver().getTitle()).doesNotContain("pwned");
            assertThat(browser.driver().findElement(By.id("styled")).isDisplayed()).as("inline style refused").isTrue();
            assertThat(browser.cspViolations()).as("the console reports each refusal")
                    .anySatisfy(m -> assertThat(m).contains("inline event handler"))
                    .anySatisfy(m -> assertThat(m).contains("inline style"))
                    .anySatisfy(m -> assertThat(m).contains("inline script"));
            browser.open("/login");
            clearExpectedRefusals(browser);
        }
    }

    @Test
    void theApiDocumentationPageRendersUnderThePolicy() {
        CurrentUser nurse = fixtures.user(Role.CLINICIAN, fixtures.organisation(OrganisationType.ACUTE_TRUST));
        try (Browser browser = new Browser(api.baseUrl(), "csp-swagger")) {
            browser.signIn(nurse.username(), Fixtures.PASSWORD).open("/swagger-ui/index.html");
            browser.waitForScript("document.querySelectorAll('.opblock').length > 0");
            assertThat(browser.cspViolations()).isEmpty();
        }
    }

    /** The first test's refusals were wanted; the browser's close would otherwise report them as a broken page. */
    private static void clearExpectedRefusals(Browser browser) {
        browser.forgetCspViolations();
    }
}
