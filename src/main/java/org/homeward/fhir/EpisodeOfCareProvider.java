package org.homeward.fhir;

import ca.uhn.fhir.model.api.Include;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.IncludeParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Validate;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.IdType;
import org.homeward.referral.ReferralEpisode;
import org.homeward.referral.ReferralNotFoundException;
import org.homeward.referral.ReferralService;
import org.homeward.security.CurrentUser;
import org.homeward.shared.PatientId;
import org.homeward.shared.ReferralId;
import org.homeward.ward.WardService;
import org.springframework.stereotype.Component;

/**
 * EpisodeOfCare (a patient's episode of virtual-ward care, one a referral, from referral to discharge): read, and
 * search by patient, optionally by status, through the referral module's {@link ReferralService} with its care-team
 * rule and audit. Outside the caller's organisation's care, an episode is answered 404 like one that does not exist.
 */
@Component
class EpisodeOfCareProvider implements FhirResourceProvider {

    static final String INCLUDE_PATIENT = "EpisodeOfCare:patient";

    private static final SearchStatus STATUS = new SearchStatus(EpisodeOfCare.SP_STATUS,
            "a virtual-ward episode of care", "planned", "waitlist", "active", "finished", "cancelled");

    private final ReferralService referrals;
    private final WardService wards;
    private final IncludedPatients includedPatients;
    private final FhirUsers users;
    private final Validation validation;

    EpisodeOfCareProvider(ReferralService referrals, WardService wards, IncludedPatients includedPatients,
            FhirUsers users, Validation validation) {
        this.referrals = referrals;
        this.wards = wards;
        this.includedPatients = includedPatients;
        this.users = users;
        this.validation = validation;
    }

    @Override
    public Class<EpisodeOfCare> getResourceType() {
        return EpisodeOfCare.class;
    }

    @Read
    public EpisodeOfCare read(@IdParam IdType id) {
        ReferralId referral = new ReferralId(FhirIds.uuid(id, "EpisodeOfCare"));
        try {
            return toFhir(referrals.episode(users.current(), referral));
        } catch (ReferralNotFoundException notKnown) {
            // one answer whether there is no such referral or it is outside the caller's care teams
            throw new ResourceNotFoundException("EpisodeOfCare/" + id.getIdPart() + " is not known");
        }
    }

    /**
     * {@code GET /fhir/EpisodeOfCare?patient={id}&status=active}: the patient's episodes, newest referral first (with
     * {@code _include=EpisodeOfCare:patient}, the Patient too: one read, audited).
     */
    @Search
    public List<EpisodeOfCare> search(@RequiredParam(name = EpisodeOfCare.SP_PATIENT) ReferenceParam patient,
            @OptionalParam(name = EpisodeOfCare.SP_STATUS) TokenParam status,
            @IncludeParam(allow = {INCLUDE_PATIENT}) Set<Include> includes) {
        String wanted = STATUS.wanted(status);
        PatientId patientId = FhirIds.patient(patient);
        CurrentUser user = users.current();
        List<EpisodeOfCare> found = referrals.episodesOf(user, patientId).stream().map(this::toFhir)
                .filter(e -> SearchStatus.matches(wanted, e.getStatus().toCode())).toList();
        if (IncludedPatients.wanted(includes, INCLUDE_PATIENT)) {
            IncludedPatients.Reads reads = includedPatients.reads(user);
            found.forEach(e -> e.getPatient().setResource(reads.patient(patientId)));
        }
        return found;
    }

    /** {@code POST /fhir/EpisodeOfCare/$validate}: the resource checked against UK Core STU2, nothing stored. */
    @Validate
    public MethodOutcome validate(@ResourceParam EpisodeOfCare resource) {
        return validation.validate(resource);
    }

    private EpisodeOfCare toFhir(ReferralEpisode episode) {
        return EpisodeOfCareTranslator.toFhir(episode, wards.ward(episode.referral().wardId()));
    }
}
