package org.homeward.fhir;

import ca.uhn.fhir.rest.param.TokenParam;
import java.util.List;

/**
 * A search's status parameter ({@code status}, {@code clinical-status}): absent, or one of the codes the resource type
 * takes as Homeward holds it. Any other code is refused with 422 and an OperationOutcome naming the parameter and the
 * codes allowed, the same words for every type, rather than answered with an empty Bundle a caller would read as
 * 'none'.
 */
final class SearchStatus {

    private final String parameter;
    private final String what;
    private final List<String> allowed;

    /**
     * @param parameter the search parameter's name, as the OperationOutcome names it
     * @param what what holds the status, as the refusal opens: 'a task Homeward holds'
     * @param allowed the codes served, in the order the refusal lists them
     */
    SearchStatus(String parameter, String what, String... allowed) {
        this.parameter = parameter;
        this.what = what;
        this.allowed = List.of(allowed);
    }

    /** The code asked for, or {@code null} when the parameter was not sent; 422 naming the parameter otherwise. */
    String wanted(TokenParam status) {
        String wanted = status == null ? null : status.getValue();
        if (wanted != null && !allowed.contains(wanted)) {
            throw Outcomes.invalid(parameter, what + " is " + words() + ", not " + wanted);
        }
        return wanted;
    }

    /** Whether {@code code} passes the filter {@code wanted} (null: every code passes). */
    static boolean matches(String wanted, String code) {
        return wanted == null || wanted.equals(code);
    }

    List<String> allowed() {
        return allowed;
    }

    private String words() {
        if (allowed.size() == 1) {
            return allowed.get(0);
        }
        return String.join(", ", allowed.subList(0, allowed.size() - 1)) + " or " + allowed.get(allowed.size() - 1);
    }
}
