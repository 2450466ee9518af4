package org.homeward.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.homeward.support.Api;
import org.homeward.support.Fixtures;
import org.homeward.support.IntegrationTest;
import org.homeward.support.PageSession;
import org.homeward.support.PageSession.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The browser is told to run only the pages' own scripts and styles (a fresh nonce per response, never
 * 'unsafe-inline'), to offer pages no camera, microphone or location, and, on HTTPS (directly or through a proxy
 * that says so with X-Forwarded-Proto), to use HTTPS from then on.
 */
@IntegrationTest
class SecurityHeadersIT {

    private static final Pattern NONCE = Pattern.compile("script-src 'self' 'nonce-([A-Za-z0-9+/=]+)'");
    private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Autowired Fixtures fixtures;
    @Autowired Api api;

    @Test
    void theAlertBoardsInlineScriptCarriesTheNonceOfItsOwnResponseAndNothingElseIsInline() {
        CurrentUser nurse = fixtures.user(Role.CLINICIAN, fixtures.organisation(OrganisationType.ACUTE_TRUST));
        PageSession session = PageSession.signIn(api.baseUrl(), nurse);

        Page board = session.get("/alerts");
        Page again = session.get("/alerts");

        assertThat(board.status()).isEqualTo(200);
        String policy = board.header("Content-Security-Policy");
        assertThat(policy).doesNotContain("unsafe-inline").doesNotContain("unsafe-eval")
                .contains("style-src 'self' 'nonce-" + nonce(policy) + "'").contains("frame-ancestors 'none'");
        assertThat(nonce(again.header("Content-Security-Policy"))).as("a new nonce each response")
                .isNotEqualTo(nonce(policy));
        // the live update is a script file of our own origin (row by row since issue 11), not inline code
        assertThat(board.html().select("script[src$=/js/alert-board.js]")).hasSize(1);
        assertThat(board.html().select("script:not([src])")).allSatisfy(s -> assertThat(s.attr("nonce"))
                .isEqualTo(nonce(policy)));
        assertThat(board.html().select("[style]")).as("style attributes").isEmpty();
        assertThat(board.html().getAllElements()).as("inline event handlers").allSatisfy(e -> assertThat(
                e.attributes().asList()).noneSatisfy(a -> assertThat(a.getKey()).startsWith("on")));
        assertThat(board.html().selectFirst("meta[name=htmx-config]").attr("content"))
                .contains("\"includeIndicatorStyles\":false");
    }

    @Test
    void onlyTheApiDocumentationMayUseInlineStylesAndNowhereInlineScripts() throws Exception {
        String docs = get("/swagger-ui/index.html", false).headers().firstValue("Content-Security-Policy").orElseThrow();
        String login = get("/login", false).headers().firstValue("Content-Security-Policy").orElseThrow();

        assertThat(docs).contains("style-src 'self' 'unsafe-inline';").contains("script-src 'self' 'nonce-");
        assertThat(docs.substring(docs.indexOf("script-src"), docs.indexOf(";", docs.indexOf("script-src"))))
                .doesNotContain("unsafe-inline");
        assertThat(login).doesNotContain("unsafe-inline");
    }

    @Test
    void pagesAndTheApiRefuseBrowserFeaturesNoPageUses() throws Exception {
        for (String path : new String[] {"/login", "/api/v1/wards"}) {
            HttpResponse<String> response = get(path, false);
            assertThat(response.headers().firstValue("Permissions-Policy")).as(path).hasValueSatisfying(policy ->
                    assertThat(policy).contains("geolocation=()", "camera=()", "microphone=()", "payment=()", "usb=()"));
        }
    }

    @Test
    void strictTransportSecurityOnlyOverHttps() throws Exception {
        HttpResponse<String> plain = get("/login", false);
        HttpResponse<String> secure = get("/login", true);

        assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(secure.headers().firstValue("Strict-Transport-Security"))
                .hasValueSatisfying(hsts -> assertThat(hsts).contains("max-age=31536000").contains("includeSubDomains"));
        assertThat(secure.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy ->
                assertThat(policy).doesNotContain("unsafe-inline"));
    }

    private static String nonce(String policy) {
        Matcher matcher = NONCE.matcher(policy);
        assertThat(matcher.find()).as(policy).isTrue();
        return matcher.group(1);
    }

    /** A request as a proxy that took it over HTTPS passes it on ({@code secure}), or a plain HTTP one. */
    private HttpResponse<String> get(String path, boolean secure) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.baseUrl() + path)).GET();
        if (secure) {
            request.header("X-Forwarded-Proto", "https");
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
