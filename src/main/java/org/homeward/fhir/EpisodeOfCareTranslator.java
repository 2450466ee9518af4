package org.homeward.fhir;

import java.time.Instant;
import java.util.Date;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.EpisodeOfCare.EpisodeOfCareStatus;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.homeward.referral.AdmissionView;
import org.homeward.referral.ReferralEpisode;
import org.homeward.referral.ReferralView;
import org.homeward.ward.VirtualWard;

/**
 * A patient's episode of virtual-ward care, from referral to discharge, as UK Core EpisodeOfCare. One episode a
 * referral, with the referral's id (the stay's Encounter points at it).
 *
 * <ul>
 *   <li>Status follows the referral: awaiting triage is {@code planned} (the ward is assessing whether to take the
 *   patient), accepted and not yet admitted {@code waitlist}, declined {@code cancelled} (it never became active),
 *   admitted {@code active}, and discharged {@code finished}. Each status it has been through is in the status
 *   history, with when it began and ended.</li>
 *   <li>The managing organisation is the organisation hosting the ward, accountable for the patient's care; the care
 *   manager is the named accountable clinician (from admission) as {@code Practitioner/{user id}}, as the
 *   Encounter names them.</li>
 *   <li>The period is the admission to the discharge; an episode not admitted has none.</li>
 *   <li>The type is in words: no SNOMED CT concept for a virtual ward or Hospital at Home is in the UK Core package
 *   Homeward carries, and a code that cannot be checked is not invented. The referral's direction (step-up or
 *   step-down) is a second type, in words.</li>
 *   <li>No {@code referralRequest}: Homeward's referrals are not served as ServiceRequests (which are test orders);
 *   the referral's id is the episode's identifier instead.</li>
 * </ul>
 */
final class EpisodeOfCareTranslator {

    static final String TYPE_TEXT = "Virtual ward (Hospital at Home)";

    private EpisodeOfCareTranslator() {
    }

    static EpisodeOfCare toFhir(ReferralEpisode episode, VirtualWard ward) {
        ReferralView referral = episode.referral();
        AdmissionView admission = episode.admission();
        EpisodeOfCare resource = new EpisodeOfCare();
        resource.setId(referral.id().value().toString());
        resource.getMeta().addProfile(UkCore.profile("EpisodeOfCare"));
        resource.addIdentifier(new Identifier().setSystem(UkCore.HOMEWARD_ID + "referral")
                .setValue(referral.id().value().toString()));
        resource.setStatus(status(episode));
        history(resource, referral, admission);
        resource.addType(new CodeableConcept().setText(TYPE_TEXT));
        resource.addType(new CodeableConcept().setText(referral.direction().label() + " referral to "
                + ward.name()));
        resource.setPatient(new Reference("Patient/" + referral.patientId().value()));
        resource.setManagingOrganization(new Reference("Organization/" + ward.hostOrganisationId().value()));
        if (admission != null) {
            Period period = new Period().setStart(Date.from(admission.admittedAt()));
            if (admission.dischargedAt() != null) {
                period.setEnd(Date.from(admission.dischargedAt()));
            }
            resource.setPeriod(period);
            resource.setCareManager(new Reference("Practitioner/" + admission.accountableClinicianId().value())
                    .setDisplay(admission.accountableClinicianName()));
        }
        return resource;
    }

    /** The FHIR status of the episode, from the referral's state and its admission. */
    static EpisodeOfCareStatus status(ReferralEpisode episode) {
        return switch (episode.referral().status()) {
            case AWAITING_TRIAGE -> EpisodeOfCareStatus.PLANNED;
            case ACCEPTED -> EpisodeOfCareStatus.WAITLIST;
            case DECLINED -> EpisodeOfCareStatus.CANCELLED;
            case ADMITTED -> episode.admission() != null && !episode.admission().isOpen()
                    ? EpisodeOfCareStatus.FINISHED : EpisodeOfCareStatus.ACTIVE;
        };
    }

    private static void history(EpisodeOfCare resource, ReferralView referral, AdmissionView admission) {
        Instant triaged = referral.triagedAt();
        Instant admitted = admission == null ? null : admission.admittedAt();
        Instant discharged = admission == null ? null : admission.dischargedAt();
        add(resource, EpisodeOfCareStatus.PLANNED, referral.referredAt(), triaged);
        if (triaged == null) {
            return;
        }
        if (referral.status() == org.homeward.referral.ReferralStatus.DECLINED) {
            add(resource, EpisodeOfCareStatus.CANCELLED, triaged, null);
            return;
        }
        add(resource, EpisodeOfCareStatus.WAITLIST, triaged, admitted);
        if (admitted != null) {
            add(resource, EpisodeOfCareStatus.ACTIVE, admitted, discharged);
        }
        if (discharged != null) {
            add(resource, EpisodeOfCareStatus.FINISHED, discharged, null);
        }
    }

    private static void add(EpisodeOfCare resource, EpisodeOfCareStatus status, Instant from, Instant to) {
        Period period = new Period().setStart(Date.from(from));
        if (to != null) {
            period.setEnd(Date.from(to));
        }
        resource.addStatusHistory().setStatus(status).setPeriod(period);
    }
}
