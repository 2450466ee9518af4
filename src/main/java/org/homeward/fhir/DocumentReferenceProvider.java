package org.homeward.fhir;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.ReferenceParam;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Reference;
import org.homeward.security.CurrentUser;
import org.homeward.shared.AdmissionId;
import org.homeward.shared.PatientId;
import org.springframework.stereotype.Component;

/**
 * DocumentReference: the virtual-ward summaries (each carrying its PDF), read by id or searched by patient, as the
 * National Record Locator and shared care records find documents. Standing alone, its references point at the
 * Patient, Organization and Encounter this API serves; the summary's whole Bundle is {@code Bundle/<stay id>}.
 */
@Component
class DocumentReferenceProvider implements FhirResourceProvider {

    private final VirtualWardSummaries summaries;
    private final FhirUsers users;

    DocumentReferenceProvider(VirtualWardSummaries summaries, FhirUsers users) {
        this.summaries = summaries;
        this.users = users;
    }

    @Override
    public Class<DocumentReference> getResourceType() {
        return DocumentReference.class;
    }

    @Read
    public DocumentReference read(@IdParam IdType id) {
        CurrentUser user = users.current();
        return document(summaries.summaryWithDocument(user, FhirIds.uuid(id, "DocumentReference"),
                "read the virtual ward summary's document over FHIR"));
    }

    @Search
    public IBundleProvider search(@RequiredParam(name = DocumentReference.SP_PATIENT) ReferenceParam patient,
            @Offset Integer offset, @Count Integer count) {
        CurrentUser user = users.current();
        PatientId patientId = FhirIds.patient(patient);
        List<DocumentReference> found = new ArrayList<>();
        for (VirtualWardSummaries.Published published : summaries.summariesOf(user, patientId,
                "found the virtual ward summaries' documents over FHIR")) {
            found.add(document(published));
        }
        return Pages.of(found, offset, count);
    }

    private DocumentReference document(VirtualWardSummaries.Published published) {
        AdmissionId stay = published.admissionId();
        Bundle bundle = summaries.bundle(published);
        DocumentReference document = null;
        String host = null;
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            if (entry.getResource() instanceof DocumentReference d) {
                document = d;
            } else if (entry.getResource() instanceof Organization o) {
                host = o.getIdPart();
            }
        }
        if (document == null) {
            throw new IllegalStateException("summary " + stay.value() + " has no DocumentReference");
        }
        // standing alone, its id and references name this API's resources rather than the bundle's entries
        document.setId(new IdType("DocumentReference", VirtualWardSummaryBuilder.documentId(stay).toString()));
        document.getSubject().setReference("Patient/" + published.patientId().value());
        for (Reference author : document.getAuthor()) {
            author.setReference("Organization/" + host);
        }
        document.getCustodian().setReference("Organization/" + host);
        document.getContext().getEncounterFirstRep().setReference("Encounter/" + stay.value());
        return document;
    }
}
