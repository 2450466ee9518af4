package org.homeward.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.firewall.RequestRejectedException;

/** The firewall's loop keeps Spring Security's own rule for names and values, code point by code point. */
class RequestFirewallTests {

    /** Spring Security 6.5's StrictHttpFirewall default for header and parameter names and values. */
    private static final Pattern SPRING_DEFAULT = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");

    @Test
    void agreesWithSpringSecuritysExpressionOnEveryCodePoint() {
        List<String> disagreements = new ArrayList<>();
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            String text = "a" + new String(Character.toChars(codePoint)) + "b";
            if (RequestFirewall.assignedAndNotControl(text) != SPRING_DEFAULT.matcher(text).matches()) {
                disagreements.add(Integer.toHexString(codePoint));
            }
        }
        assertThat(disagreements).isEmpty();
    }

    @Test
    void agreesOnEmptyTextAndOnALoneSurrogate() {
        for (String text : List.of("", "\uD800", "x\uDC00y", "Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln")) {
            assertThat(RequestFirewall.assignedAndNotControl(text)).as(text)
                    .isEqualTo(SPRING_DEFAULT.matcher(text).matches());
        }
        assertThat(RequestFirewall.assignedAndNotControl(null)).isFalse();
    }

    @Test
    void theFirewallRefusesAControlCharacterInAHeaderAndTakesAnOrdinaryToken() {
        MockHttpServletRequest bad = new MockHttpServletRequest("GET", "/fhir/metadata");
        bad.addHeader("X-Note", "line\u0007bell");
        var firewalled = RequestFirewall.strict().getFirewalledRequest(bad);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> firewalled.getHeader("X-Note"))
                .isInstanceOf(RequestRejectedException.class);

        MockHttpServletRequest note = new MockHttpServletRequest("POST", "/patients/1/notes");
        note.addParameter("text", "Chest clearer.\r\nSpO2 95% on air.");
        assertThat(RequestFirewall.strict().getFirewalledRequest(note).getParameter("text"))
                .as("a parameter value may hold line breaks, as Spring's default allows").contains("\r\n");

        MockHttpServletRequest good = new MockHttpServletRequest("GET", "/fhir/metadata");
        good.addHeader("Authorization", "Bearer " + "a".repeat(900));
        assertThat(RequestFirewall.strict().getFirewalledRequest(good).getHeader("Authorization")).hasSize(907);
    }
}
