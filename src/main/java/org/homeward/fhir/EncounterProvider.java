package org.homeward.fhir;

import ca.uhn.fhir.model.api.Include;
import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IncludeParam;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.IdType;
import org.homeward.referral.AdmissionView;
import org.homeward.referral.CensusRow;
import org.homeward.referral.ReferralService;
import org.homeward.security.CurrentUser;
import org.homeward.security.SecurityService;
import org.homeward.shared.OrganisationId;
import org.homeward.shared.ReferralId;
import org.homeward.shared.AdmissionId;
import org.homeward.shared.WardId;
import org.homeward.ward.WardService;
import org.springframework.stereotype.Component;

/**
 * Encounter (the virtual-ward stay): read, and search by patient (every stay, optionally by status) or by ward (the
 * patients on it now: {@code status=in-progress}); each through the referral module's services, with their care-team
 * rule and audit. A search may {@code _include} the Patient, the EpisodeOfCare and the Organization providing the
 * service, each read once a search (the first two audited as reads of the patient's record and of the referral).
 */
@Component
class EncounterProvider implements FhirResourceProvider {

    /** The search parameter naming a ward by its Homeward id: {@code ward=3f6a...}. */
    static final String SP_WARD = "ward";

    private static final SearchStatus STATUS = new SearchStatus(Encounter.SP_STATUS, "a virtual-ward stay",
            "in-progress", "finished");

    static final String INCLUDE_PATIENT = "Encounter:patient";
    static final String INCLUDE_SUBJECT = "Encounter:subject";
    static final String INCLUDE_EPISODE = "Encounter:episode-of-care";
    static final String INCLUDE_SERVICE_PROVIDER = "Encounter:service-provider";

    private final ReferralService referrals;
    private final WardService wards;
    private final SecurityService security;
    private final IncludedPatients includedPatients;
    private final FhirUsers users;
    private final Validation validation;

    EncounterProvider(ReferralService referrals, WardService wards, SecurityService security,
            IncludedPatients includedPatients, FhirUsers users, Validation validation) {
        this.referrals = referrals;
        this.wards = wards;
        this.security = security;
        this.includedPatients = includedPatients;
        this.users = users;
        this.validation = validation;
    }

    @Override
    public Class<Encounter> getResourceType() {
        return Encounter.class;
    }

    @Read
    public Encounter read(@IdParam IdType id) {
        AdmissionView admission = referrals.visibleAdmission(users.current(),
                new AdmissionId(FhirIds.uuid(id, "Encounter")));
        return EncounterTranslator.toFhir(admission, wards.ward(admission.wardId()));
    }

    @Search
    public IBundleProvider search(@OptionalParam(name = Encounter.SP_PATIENT) ReferenceParam patient,
            @OptionalParam(name = SP_WARD) TokenParam ward,
            @OptionalParam(name = Encounter.SP_STATUS) TokenParam status,
            @IncludeParam(allow = {INCLUDE_PATIENT, INCLUDE_SUBJECT, INCLUDE_EPISODE, INCLUDE_SERVICE_PROVIDER})
            Set<Include> includes,
            @Offset Integer offset, @Count Integer count) {
        if ((patient == null) == (ward == null)) {
            throw Outcomes.invalid("Encounter", "search by patient or by ward (one of the two)");
        }
        String wanted = STATUS.wanted(status);
        CurrentUser user = users.current();
        List<AdmissionView> stays;
        if (patient != null) {
            stays = referrals.admissionsOf(user, FhirIds.patient(patient));
        } else {
            if ("finished".equals(wanted)) {
                throw Outcomes.invalid("status", "by ward, only the patients on it now (in-progress) are listed; "
                        + "search finished stays by patient");
            }
            WardId wardId = new WardId(FhirIds.uuid(new IdType("Location", ward.getValue()), "Location"));
            stays = referrals.census(user, wardId).rows().stream().map(CensusRow::admission).toList();
        }
        List<AdmissionView> shown = stays.stream()
                .filter(a -> wanted == null || (a.isOpen() == wanted.equals("in-progress"))).toList();
        List<Encounter> found = shown.stream().map(a -> EncounterTranslator.toFhir(a, wards.ward(a.wardId())))
                .toList();
        IBundleProvider page = Pages.of(found, offset, count);
        include(user, includes, page);
        return page;
    }

    /**
     * Sets the referenced resources the search asked to include on the page's Encounters (HAPI adds them to the
     * Bundle as {@code include} entries): each patient, episode and organisation read once, through the services.
     */
    private void include(CurrentUser user, Set<Include> includes, IBundleProvider page) {
        boolean patients = IncludedPatients.wanted(includes, INCLUDE_PATIENT, INCLUDE_SUBJECT);
        boolean episodes = IncludedPatients.wanted(includes, INCLUDE_EPISODE);
        boolean providers = IncludedPatients.wanted(includes, INCLUDE_SERVICE_PROVIDER);
        if (!patients && !episodes && !providers) {
            return;
        }
        IncludedPatients.Reads patientReads = includedPatients.reads(user);
        Map<ReferralId, org.hl7.fhir.r4.model.EpisodeOfCare> episodeReads = new HashMap<>();
        Map<OrganisationId, org.hl7.fhir.r4.model.Organization> organisationReads = new HashMap<>();
        for (var resource : page.getResources(0, Integer.MAX_VALUE)) {
            Encounter encounter = (Encounter) resource;
            if (patients) {
                encounter.getSubject().setResource(patientReads.patient(new org.homeward.shared.PatientId(
                        java.util.UUID.fromString(encounter.getSubject().getReferenceElement().getIdPart()))));
            }
            if (episodes) {
                for (var reference : encounter.getEpisodeOfCare()) {
                    ReferralId referral = new ReferralId(java.util.UUID.fromString(
                            reference.getReferenceElement().getIdPart()));
                    reference.setResource(episodeReads.computeIfAbsent(referral, r -> {
                        var episode = referrals.episode(user, r);
                        return EpisodeOfCareTranslator.toFhir(episode, wards.ward(episode.referral().wardId()));
                    }));
                }
            }
            if (providers) {
                OrganisationId host = new OrganisationId(java.util.UUID.fromString(
                        encounter.getServiceProvider().getReferenceElement().getIdPart()));
                encounter.getServiceProvider().setResource(organisationReads.computeIfAbsent(host,
                        h -> OrganizationProvider.toFhir(security.organisation(h))));
            }
        }
    }

    /** {@code POST /fhir/Encounter/$validate}: the resource checked against UK Core STU2, nothing stored. */
    @Validate
    public MethodOutcome validate(@ResourceParam Encounter resource) {
        return validation.validate(resource);
    }
}
