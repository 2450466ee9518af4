package org.homeward.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Validate;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.List;
import java.util.Objects;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.IdType;
import org.homeward.diagnostics.DiagnosticsService;
import org.springframework.stereotype.Component;

/**
 * DiagnosticReport: the results of a patient's test orders (one report per order, once it has a result), read by anyone
 * in the patient's care team through the diagnostics module's {@link DiagnosticsService}, with its care-team rule and
 * audit.
 */
@Component
class DiagnosticReportProvider implements FhirResourceProvider {

    private final DiagnosticsService diagnostics;
    private final FhirUsers users;
    private final Validation validation;

    DiagnosticReportProvider(DiagnosticsService diagnostics, FhirUsers users, Validation validation) {
        this.diagnostics = diagnostics;
        this.users = users;
        this.validation = validation;
    }

    @Override
    public Class<DiagnosticReport> getResourceType() {
        return DiagnosticReport.class;
    }

    /** The results of an order, by the order's id; 404 while it has none. */
    @Read
    public DiagnosticReport read(@IdParam IdType id) {
        DiagnosticReport report = DiagnosticsTranslator.diagnosticReport(
                diagnostics.order(users.current(), FhirIds.uuid(id, "DiagnosticReport")));
        if (report == null) {
            throw new ResourceNotFoundException("DiagnosticReport/" + id.getIdPart() + " has no results yet");
        }
        return report;
    }

    /** The patient's reports (an order's results, once it has any), newest order first. */
    @Search
    public List<DiagnosticReport> search(@RequiredParam(name = DiagnosticReport.SP_PATIENT) ReferenceParam patient) {
        return diagnostics.ordersOf(users.current(), FhirIds.patient(patient)).stream()
                .map(DiagnosticsTranslator::diagnosticReport).filter(Objects::nonNull).toList();
    }

    /** {@code POST /fhir/DiagnosticReport/$validate}: the resource checked against UK Core STU2, nothing stored. */
    @Validate
    public MethodOutcome validate(@ResourceParam DiagnosticReport resource) {
        return validation.validate(resource);
    }
}
