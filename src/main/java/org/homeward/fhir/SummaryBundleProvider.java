package org.homeward.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.homeward.shared.AdmissionId;
import org.springframework.stereotype.Component;

/**
 * {@code GET /fhir/Bundle/<stay id>}: a stay's virtual-ward summary as the collection Bundle NHS England's draft
 * describes, as it was made at discharge (its id is the stay's, the Encounter's, id). Bundles sent to Homeward
 * (transaction, batch) go to the server's base, {@link BundleProvider}.
 */
@Component
class SummaryBundleProvider implements FhirResourceProvider {

    private final VirtualWardSummaries summaries;
    private final FhirUsers users;

    SummaryBundleProvider(VirtualWardSummaries summaries, FhirUsers users) {
        this.summaries = summaries;
        this.users = users;
    }

    @Override
    public Class<Bundle> getResourceType() {
        return Bundle.class;
    }

    @Read
    public Bundle read(@IdParam IdType id) {
        AdmissionId stay = new AdmissionId(FhirIds.uuid(id, "Bundle"));
        return summaries.bundle(summaries.summary(users.current(), stay, "read the virtual ward summary over FHIR"));
    }
}
