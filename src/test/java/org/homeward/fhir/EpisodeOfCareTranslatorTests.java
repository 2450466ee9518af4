package org.homeward.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.EpisodeOfCare.EpisodeOfCareStatus;
import org.hl7.fhir.r4.model.Encounter;
import org.homeward.referral.AdmissionView;
import org.homeward.referral.Intervention;
import org.homeward.referral.ReferralDirection;
import org.homeward.referral.ReferralEpisode;
import org.homeward.referral.ReferralSource;
import org.homeward.referral.ReferralStatus;
import org.homeward.referral.ReferralView;
import org.homeward.referral.Urgency;
import org.homeward.shared.ReferralId;
import org.homeward.shared.UserId;
import org.junit.jupiter.api.Test;

/** A referral and its admission as an EpisodeOfCare: status, history, period and care manager follow the record. */
class EpisodeOfCareTranslatorTests {

    static final Instant REFERRED = Instant.parse("2026-11-30T09:00:00Z");
    static final Instant TRIAGED = Instant.parse("2026-11-30T11:00:00Z");
    static final Instant DISCHARGED = Instant.parse("2026-12-04T15:00:00Z");

    static ReferralView referral(ReferralId id, ReferralStatus status) {
        boolean triaged = status != ReferralStatus.AWAITING_TRIAGE;
        return new ReferralView(id, EncounterAndFlagTranslatorTests.PATIENT, EncounterAndFlagTranslatorTests.WARD.id(),
                ReferralDirection.STEP_UP, ReferralSource.GP, "COPD exacerbation", "Needs monitoring",
                Set.of(Intervention.MONITORING), Urgency.SAME_DAY, new UserId(UUID.randomUUID()), "Dr Jones", null,
                null, null, null, status, REFERRED, triaged ? "Dr Patel" : null, triaged ? TRIAGED : null,
                triaged ? "Meets criteria" : null, REFERRED.plusSeconds(4 * 3600), null, null, false);
    }

    static ReferralEpisode episode(ReferralStatus status, Instant dischargedAt) {
        ReferralId id = new ReferralId(UUID.randomUUID());
        AdmissionView admission = null;
        if (status == ReferralStatus.ADMITTED) {
            AdmissionView a = EncounterAndFlagTranslatorTests.admission(dischargedAt);
            admission = new AdmissionView(a.id(), id, a.patientId(), a.wardId(), a.accountableClinicianId(),
                    a.accountableClinicianName(), a.admittedAt(), a.admissionDate(), a.estimatedDischargeDate(),
                    a.consentGivenBy(), a.patientHasCapacity(), a.consentingPersonName(), a.consentingPersonRole(),
                    a.sharedDecisionRecord(), a.accountabilityTransferredAt(), a.dischargedAt(), a.dischargeDate(),
                    a.dischargeDestination(), a.dischargeDestinationDetail(), a.onwardReferrals(),
                    a.dischargeSummary(), a.lengthOfStayDays(), a.assessment());
        }
        return new ReferralEpisode(referral(id, status), admission);
    }

    @Test
    void aReferralAwaitingTriageIsPlannedAndAnAcceptedOneWaitsWithNoPeriodOrCareManager() {
        EpisodeOfCare planned = EpisodeOfCareTranslator.toFhir(episode(ReferralStatus.AWAITING_TRIAGE, null),
                EncounterAndFlagTranslatorTests.WARD);
        assertThat(planned.getStatus()).isEqualTo(EpisodeOfCareStatus.PLANNED);
        assertThat(planned.hasPeriod()).isFalse();
        assertThat(planned.hasCareManager()).isFalse();
        assertThat(planned.getStatusHistory()).extracting(h -> h.getStatus()).containsExactly(EpisodeOfCareStatus.PLANNED);
        assertThat(planned.getStatusHistoryFirstRep().getPeriod().hasEnd()).isFalse();

        EpisodeOfCare waiting = EpisodeOfCareTranslator.toFhir(episode(ReferralStatus.ACCEPTED, null),
                EncounterAndFlagTranslatorTests.WARD);
        assertThat(waiting.getStatus()).isEqualTo(EpisodeOfCareStatus.WAITLIST);
        assertThat(waiting.getStatusHistory()).extracting(h -> h.getStatus())
                .containsExactly(EpisodeOfCareStatus.PLANNED, EpisodeOfCareStatus.WAITLIST);
        assertThat(waiting.getStatusHistoryFirstRep().getPeriod().getEnd().toInstant()).isEqualTo(TRIAGED);
        assertThat(waiting.hasPeriod()).isFalse();
    }

    @Test
    void aDeclinedReferralIsCancelledNeverHavingBeenActive() {
        EpisodeOfCare declined = EpisodeOfCareTranslator.toFhir(episode(ReferralStatus.DECLINED, null),
                EncounterAndFlagTranslatorTests.WARD);
        assertThat(declined.getStatus()).isEqualTo(EpisodeOfCareStatus.CANCELLED);
        assertThat(declined.getStatusHistory()).extracting(h -> h.getStatus())
                .containsExactly(EpisodeOfCareStatus.PLANNED, EpisodeOfCareStatus.CANCELLED);
        assertThat(declined.hasPeriod()).isFalse();
    }

    @Test
    void anAdmissionIsActiveWithItsAccountableClinicianAndTheHostAsManagerThenFinishedAtDischarge() {
        ReferralEpisode admitted = episode(ReferralStatus.ADMITTED, null);
        EpisodeOfCare active = EpisodeOfCareTranslator.toFhir(admitted, EncounterAndFlagTranslatorTests.WARD);
        assertThat(active.getIdPart()).isEqualTo(admitted.referral().id().value().toString());
        assertThat(active.getMeta().getProfile().get(0).getValue())
                .isEqualTo("https://fhir.hl7.org.uk/StructureDefinition/UKCore-EpisodeOfCare");
        assertThat(active.getStatus()).isEqualTo(EpisodeOfCareStatus.ACTIVE);
        assertThat(active.getPeriod().getStart().toInstant()).isEqualTo(EncounterAndFlagTranslatorTests.ADMITTED);
        assertThat(active.getPeriod().hasEnd()).isFalse();
        assertThat(active.getCareManager().getReference())
                .isEqualTo("Practitioner/" + admitted.admission().accountableClinicianId().value());
        assertThat(active.getCareManager().getDisplay()).isEqualTo("Dr Asha Patel");
        assertThat(active.getManagingOrganization().getReference()).isEqualTo(
                "Organization/" + EncounterAndFlagTranslatorTests.WARD.hostOrganisationId().value());
        assertThat(active.getPatient().getReference())
                .isEqualTo("Patient/" + EncounterAndFlagTranslatorTests.PATIENT.value());
        assertThat(active.getTypeFirstRep().getText()).isEqualTo("Virtual ward (Hospital at Home)");
        assertThat(active.getType().get(1).getText()).isEqualTo("Step-up referral to Frailty virtual ward");
        assertThat(active.getStatusHistory()).extracting(h -> h.getStatus()).containsExactly(
                EpisodeOfCareStatus.PLANNED, EpisodeOfCareStatus.WAITLIST, EpisodeOfCareStatus.ACTIVE);

        ReferralEpisode discharged = episode(ReferralStatus.ADMITTED, DISCHARGED);
        EpisodeOfCare finished = EpisodeOfCareTranslator.toFhir(discharged, EncounterAndFlagTranslatorTests.WARD);
        assertThat(finished.getStatus()).isEqualTo(EpisodeOfCareStatus.FINISHED);
        assertThat(finished.getPeriod().getEnd().toInstant()).isEqualTo(DISCHARGED);
        assertThat(finished.getStatusHistory()).extracting(h -> h.getStatus()).containsExactly(
                EpisodeOfCareStatus.PLANNED, EpisodeOfCareStatus.WAITLIST, EpisodeOfCareStatus.ACTIVE,
                EpisodeOfCareStatus.FINISHED);
        assertThat(finished.getStatusHistory().get(2).getPeriod().getEnd().toInstant()).isEqualTo(DISCHARGED);

        // the stay points at its episode, and at the organisation hosting the ward
        Encounter stay = EncounterTranslator.toFhir(discharged.admission(), EncounterAndFlagTranslatorTests.WARD);
        assertThat(stay.getEpisodeOfCareFirstRep().getReference())
                .isEqualTo("EpisodeOfCare/" + discharged.referral().id().value());
        assertThat(stay.getServiceProvider().getReference()).isEqualTo(finished.getManagingOrganization().getReference());
    }
}
