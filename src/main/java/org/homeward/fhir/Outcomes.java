package org.homeward.fhir;

import org.hl7.fhir.r4.model.OperationOutcome;

/** OperationOutcomes as Homeward writes them: each issue names the element (a FHIRPath) and says why in words. */
final class Outcomes {

    private Outcomes() {
    }

    /** One error issue; {@code path} may be null when the problem is not in one element. */
    static OperationOutcome error(OperationOutcome.IssueType type, String path, String words) {
        OperationOutcome outcome = new OperationOutcome();
        add(outcome, OperationOutcome.IssueSeverity.ERROR, type, path, words);
        return outcome;
    }

    static OperationOutcome.OperationOutcomeIssueComponent add(OperationOutcome outcome,
            OperationOutcome.IssueSeverity severity, OperationOutcome.IssueType type, String path, String words) {
        OperationOutcome.OperationOutcomeIssueComponent issue = outcome.addIssue()
                .setSeverity(severity).setCode(type).setDiagnostics(words);
        issue.getDetails().setText(words);
        if (path != null) {
            issue.addExpression(path);
        }
        return issue;
    }

    /** A resource the client sent breaks a rule: 422 with the element's path and the reason. */
    static ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException invalid(String path, String words) {
        return new ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException(path + ": " + words,
                error(OperationOutcome.IssueType.INVALID, path, words));
    }
}
