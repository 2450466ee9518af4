package org.homeward.security;

import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Spring Security's strict firewall, with its check of header names and values and parameter names done by a loop
 * over the text instead of the regular expression it uses by default ({@code [\p{IsAssigned}&&[^\p{IsControl}]]*}). The rule
 * is the same (every character assigned in Unicode and none a control character); the expression backtracked along
 * a long value, and a system client's access token (some 900 characters in every Authorization header) made it a
 * tenth of a FHIR request's CPU (bench/README.md, FHIR ingest). {@code RequestFirewallTests} checks the two agree on
 * every code point.
 */
final class RequestFirewall {

    private RequestFirewall() {
    }

    static StrictHttpFirewall strict() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(RequestFirewall::assignedAndNotControl);
        firewall.setAllowedHeaderValues(RequestFirewall::assignedAndNotControl);
        firewall.setAllowedParameterNames(RequestFirewall::assignedAndNotControl);
        // parameter values keep Spring's default, anything: a note typed in a text area has line breaks, and a form
        // answers a NUL character itself, field by field (StrictInputIT)
        return firewall;
    }

    /** Whether every code point of the text is assigned in Unicode and is not a control character (Cc). */
    static boolean assignedAndNotControl(String text) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); ) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                // printable ASCII, nearly every character of a header: assigned, not a control character
                i++;
                continue;
            }
            int codePoint = text.codePointAt(i);
            if (!Character.isDefined(codePoint) || Character.getType(codePoint) == Character.CONTROL) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }
}
