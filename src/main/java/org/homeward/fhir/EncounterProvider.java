package org.homeward.fhir;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Validate;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import java.util.List;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.IdType;
import org.homeward.referral.AdmissionView;
import org.homeward.referral.CensusRow;
import org.homeward.referral.ReferralService;
import org.homeward.shared.AdmissionId;
import org.homeward.shared.WardId;
import org.homeward.ward.WardService;
import org.springframework.stereotype.Component;

/**
 * Encounter (the virtual-ward stay): read, and search by patient (every stay, optionally by status) or by ward (the
 * patients on it now: {@code status=in-progress}); each through the referral module's services, with their care-team
 * rule and audit.
 */
@Component
class EncounterProvider implements FhirResourceProvider {

    /** The search parameter naming a ward by its Homeward id: {@code ward=3f6a...}. */
    static final String SP_WARD = "ward";

    private static final SearchStatus STATUS = new SearchStatus(Encounter.SP_STATUS, "a virtual-ward stay",
            "in-progress", "finished");

    private final ReferralService referrals;
    private final WardService wards;
    private final FhirUsers users;
    private final Validation validation;

    EncounterProvider(ReferralService referrals, WardService wards, FhirUsers users, Validation validation) {
        this.referrals = referrals;
        this.wards = wards;
        this.users = users;
        this.validation = validation;
    }

    @Override
    public Class<Encounter> getResourceType() {
        return Encounter.class;
    }

    @Read
    public Encounter read(@IdParam IdType id) {
        AdmissionView admission = referrals.admission(users.current(), new AdmissionId(FhirIds.uuid(id, "Encounter")));
        return EncounterTranslator.toFhir(admission, wards.ward(admission.wardId()));
    }

    @Search
    public IBundleProvider search(@OptionalParam(name = Encounter.SP_PATIENT) ReferenceParam patient,
            @OptionalParam(name = SP_WARD) TokenParam ward,
            @OptionalParam(name = Encounter.SP_STATUS) TokenParam status,
            @Offset Integer offset, @Count Integer count) {
        if ((patient == null) == (ward == null)) {
            throw Outcomes.invalid("Encounter", "search by patient or by ward (one of the two)");
        }
        String wanted = STATUS.wanted(status);
        List<AdmissionView> stays;
        if (patient != null) {
            stays = referrals.admissionsOf(users.current(),
                    FhirIds.patient(patient));
        } else {
            if ("finished".equals(wanted)) {
                throw Outcomes.invalid("status", "by ward, only the patients on it now (in-progress) are listed; "
                        + "search finished stays by patient");
            }
            WardId wardId = new WardId(FhirIds.uuid(new IdType("Location", ward.getValue()), "Location"));
            stays = referrals.census(users.current(), wardId).rows().stream().map(CensusRow::admission).toList();
        }
        List<Encounter> found = stays.stream()
                .filter(a -> wanted == null || (a.isOpen() == wanted.equals("in-progress")))
                .map(a -> EncounterTranslator.toFhir(a, wards.ward(a.wardId()))).toList();
        return Pages.of(found, offset, count);
    }

    /** {@code POST /fhir/Encounter/$validate}: the resource checked against UK Core STU2, nothing stored. */
    @Validate
    public MethodOutcome validate(@ResourceParam Encounter resource) {
        return validation.validate(resource);
    }
}
