package org.homeward.fhir.validation;

import java.util.List;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * What validating one resource against UK Core found: every issue with its severity, its place in the resource as
 * a FHIRPath expression (such as {@code Patient.identifier[0].value}) and the validator's message.
 */
public record ValidationOutcome(List<Issue> issues) {

    public ValidationOutcome {
        issues = List.copyOf(issues);
    }

    /** How bad an issue is; {@link #FATAL} and {@link #ERROR} make the resource unacceptable. */
    public enum Severity {
        FATAL, ERROR, WARNING, INFORMATION;

        boolean isError() {
            return this == FATAL || this == ERROR;
        }
    }

    /**
     * One finding. {@code path} is a FHIRPath expression into the resource, or {@code null} when there is no place to
     * name (text that does not parse: the message then gives line and column). {@code type} is the OperationOutcome
     * issue type ({@code structure} for text that does not parse, {@code processing} for what the validator found).
     */
    public record Issue(Severity severity, String path, String message, IssueType type) {

        public boolean isError() {
            return severity.isError();
        }
    }

    public boolean hasErrors() {
        return issues.stream().anyMatch(Issue::isError);
    }

    public List<Issue> errors() {
        return issues.stream().filter(Issue::isError).toList();
    }

    public List<Issue> warnings() {
        return issues.stream().filter(issue -> issue.severity() == Severity.WARNING).toList();
    }

    /**
     * Every error and warning as an OperationOutcome issue with {@code expression} and {@code location} set to the
     * path. An outcome with neither carries one information issue saying so, as an OperationOutcome needs at least one.
     */
    public OperationOutcome toOperationOutcome() {
        OperationOutcome outcome = new OperationOutcome();
        issues.stream().filter(issue -> issue.severity() != Severity.INFORMATION).forEach(issue -> {
            OperationOutcome.OperationOutcomeIssueComponent component = outcome.addIssue()
                    .setSeverity(toFhir(issue.severity()))
                    .setCode(issue.type())
                    .setDiagnostics(issue.message());
            if (issue.path() != null) {
                component.addExpression(issue.path());
                component.addLocation(issue.path());
            }
        });
        if (!outcome.hasIssue()) {
            outcome.addIssue().setSeverity(IssueSeverity.INFORMATION).setCode(IssueType.INFORMATIONAL)
                    .setDiagnostics("No errors or warnings: the resource conforms to UK Core STU2");
        }
        return outcome;
    }

    private static IssueSeverity toFhir(Severity severity) {
        return switch (severity) {
            case FATAL -> IssueSeverity.FATAL;
            case ERROR -> IssueSeverity.ERROR;
            case WARNING -> IssueSeverity.WARNING;
            case INFORMATION -> IssueSeverity.INFORMATION;
        };
    }
}
