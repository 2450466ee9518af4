package org.homeward.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.interceptor.BasicAuthInterceptor;
import ca.uhn.fhir.rest.gclient.TokenClientParam;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.EpisodeOfCare.EpisodeOfCareStatus;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.homeward.patient.PatientRecord;
import org.homeward.referral.AdmissionView;
import org.homeward.referral.CreateReferral;
import org.homeward.referral.DischargeDestination;
import org.homeward.referral.DischargePatient;
import org.homeward.referral.Intervention;
import org.homeward.referral.ReferralDirection;
import org.homeward.referral.ReferralService;
import org.homeward.referral.ReferralSource;
import org.homeward.referral.ReferralView;
import org.homeward.referral.TriageDecision;
import org.homeward.referral.Urgency;
import org.homeward.security.CurrentUser;
import org.homeward.security.Organisation;
import org.homeward.security.OrganisationType;
import org.homeward.security.Role;
import org.homeward.support.Api;
import org.homeward.support.FhirReads;
import org.homeward.support.Fixtures;
import org.homeward.support.IntegrationTest;
import org.homeward.ward.VirtualWard;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A patient's episodes of virtual-ward care over real HTTP: read by the acute trust that hosts the ward and admits,
 * and by the community provider that visits (in the care team by the ward's rule); an organisation outside the care
 * team is answered 404. Each status read as UK Core EpisodeOfCare, and the stay's Encounter pointing at its episode,
 * with {@code _include} bringing in the Patient, the episode and the organisation in the same answer.
 */
@IntegrationTest
class EpisodeOfCareIT {

    @Autowired Fixtures fixtures;
    @Autowired Api api;
    @Autowired JdbcClient jdbc;
    @Autowired FhirReads fhir;
    @Autowired ReferralService referrals;

    Organisation acute;
    CurrentUser consultant;
    CurrentUser referrer;
    CurrentUser communityNurse;
    CurrentUser outsider;
    VirtualWard ward;
    PatientRecord patient;
    AdmissionView admission;

    @BeforeEach
    void setUp() {
        acute = fixtures.organisation(OrganisationType.ACUTE_TRUST);
        Organisation community = fixtures.organisation(OrganisationType.COMMUNITY_PROVIDER);
        consultant = fixtures.user(Role.SENIOR_DECISION_MAKER, acute);
        referrer = fixtures.user(Role.CLINICIAN, acute);
        communityNurse = fixtures.user(Role.CLINICIAN, community);
        outsider = fixtures.user(Role.CLINICIAN, fixtures.organisation(OrganisationType.ACUTE_TRUST));
        ward = fixtures.ward(acute, 10, List.of(community));
        patient = fixtures.patient(referrer, LocalDate.of(1944, 5, 6));
        admission = fixtures.admit(patient, ward, referrer, consultant);
    }

    IGenericClient client(CurrentUser user) {
        IGenericClient client = FhirApiIT.FHIR.newRestfulGenericClient(api.baseUrl() + "/fhir");
        client.registerInterceptor(new BasicAuthInterceptor(user.username(), Fixtures.PASSWORD));
        return client;
    }

    String patientId() {
        return patient.summary().id().value().toString();
    }

    String episodeId() {
        return admission.referralId().value().toString();
    }

    @Test
    void theAdmittingTrustAndTheVisitingProviderReadTheEpisodeAndAnOutsiderGets404() {
        EpisodeOfCare read = client(communityNurse).read().resource(EpisodeOfCare.class).withId(episodeId()).execute();
        assertThat(read.getStatus()).isEqualTo(EpisodeOfCareStatus.ACTIVE);
        assertThat(read.getPatient().getReference()).isEqualTo("Patient/" + patientId());
        assertThat(read.getManagingOrganization().getReference()).isEqualTo("Organization/" + acute.id().value());
        assertThat(read.getCareManager().getReference()).isEqualTo("Practitioner/" + consultant.id().value());
        assertThat(read.getPeriod().getStart().toInstant())
                .isEqualTo(admission.admittedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        assertThat(read.getPeriod().hasEnd()).isFalse();
        EpisodeOfCare asTrust = client(consultant).read().resource(EpisodeOfCare.class).withId(episodeId()).execute();
        assertThat(asTrust.getStatus()).isEqualTo(EpisodeOfCareStatus.ACTIVE);

        // the stay's Encounter points at its episode
        Encounter stay = client(communityNurse).read().resource(Encounter.class)
                .withId(admission.id().value().toString()).execute();
        assertThat(stay.getEpisodeOfCareFirstRep().getReference()).isEqualTo("EpisodeOfCare/" + episodeId());
        assertThat(stay.getServiceProvider().getReference()).isEqualTo("Organization/" + acute.id().value());

        Bundle active = client(communityNurse).search().forResource(EpisodeOfCare.class)
                .where(EpisodeOfCare.PATIENT.hasId(patientId())).and(EpisodeOfCare.STATUS.exactly().code("active"))
                .returnBundle(Bundle.class).execute();
        assertThat(active.getEntry()).extracting(e -> e.getResource().getIdElement().getIdPart())
                .containsExactly(episodeId());
        Bundle finished = client(communityNurse).search().forResource(EpisodeOfCare.class)
                .where(EpisodeOfCare.PATIENT.hasId(patientId())).and(EpisodeOfCare.STATUS.exactly().code("finished"))
                .returnBundle(Bundle.class).execute();
        assertThat(finished.getEntry()).isEmpty();

        // outside the care team: the same 404 as an episode nobody holds, for a read and a search
        for (String id : List.of(episodeId(), UUID.randomUUID().toString(), "not-a-uuid")) {
            assertThatThrownBy(() -> client(outsider).read().resource(EpisodeOfCare.class).withId(id).execute())
                    .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("EpisodeOfCare/" + id
                            + " is not known");
        }
        assertThatThrownBy(() -> client(outsider).search().forResource(EpisodeOfCare.class)
                .where(EpisodeOfCare.PATIENT.hasId(patientId())).returnBundle(Bundle.class).execute())
                .isInstanceOf(ResourceNotFoundException.class);
        // the outsider's read is audited as refused; the nurse's as reads of the referral, naming the nurse
        assertThat(jdbc.sql("""
                select count(*) from audit_event where patient_id = ? and username = ? and action = 'DENIED'""")
                .param(patient.summary().id().value()).param(outsider.username()).query(Long.class).single())
                .isGreaterThanOrEqualTo(2);
        assertThat(jdbc.sql("""
                select count(*) from audit_event where patient_id = ? and username = ? and action = 'READ'
                and record_type = 'Referral'""").param(patient.summary().id().value()).param(communityNurse.username())
                .query(Long.class).single()).isEqualTo(3);

        Api.RawResponse badStatus = api.raw("GET", "/fhir/EpisodeOfCare?patient=" + patientId() + "&status=onhold",
                communityNurse, null);
        assertThat(badStatus.status()).isEqualTo(422);
        assertThat(badStatus.body()).contains("OperationOutcome").contains("\"status\"")
                .contains("planned, waitlist, active, finished or cancelled, not onhold");
    }

    @Test
    void everyStatusFromReferralToDischargeConformsToUkCore() {
        // a second patient: referred and declined (cancelled), then referred again and awaiting triage (planned)
        PatientRecord other = fixtures.patient(referrer, LocalDate.of(1950, 3, 4));
        ReferralView declined = referrals.refer(referrer, new CreateReferral(other.summary().id(), ward.id(),
                ReferralDirection.STEP_UP, ReferralSource.GP, "Cellulitis", "IV antibiotics at home",
                java.util.Set.of(Intervention.IV_THERAPY), Urgency.SAME_DAY, null, null, null));
        referrals.triage(consultant, declined.id(), new TriageDecision(TriageDecision.Outcome.DECLINE,
                "Needs a surgical opinion first"));
        ReferralView again = referrals.reRefer(referrer, declined.id(), "Surgeons have seen her: home for IV antibiotics");
        String otherId = other.summary().id().value().toString();
        JsonNode both = fhir.read(communityNurse, "/fhir/EpisodeOfCare?patient=" + otherId);
        assertThat(both.get("total").asInt()).isEqualTo(2);
        List<String> statuses = new java.util.ArrayList<>();
        both.get("entry").forEach(e -> statuses.add(e.at("/resource/status").asText()));
        assertThat(statuses).as("newest referral first").containsExactly("planned", "cancelled");
        for (JsonNode entry : both.get("entry")) {
            fhir.assertConformsToUkCore(entry.get("resource"));
        }
        JsonNode planned = fhir.read(communityNurse, "/fhir/EpisodeOfCare/" + again.id().value());
        assertThat(planned.has("period")).isFalse();
        assertThat(planned.has("careManager")).isFalse();

        // the first patient: active while admitted, finished once discharged
        fhir.assertConformsToUkCore(fhir.read(consultant, "/fhir/EpisodeOfCare/" + episodeId()));
        referrals.discharge(consultant, admission.id(), new DischargePatient(null, DischargeDestination.USUAL_RESIDENCE,
                null, "", "Exacerbation treated at home"));
        JsonNode finished = fhir.read(communityNurse, "/fhir/EpisodeOfCare/" + episodeId());
        assertThat(finished.get("status").asText()).isEqualTo("finished");
        assertThat(finished.at("/period/end").asText()).isNotEmpty();
        List<String> history = new java.util.ArrayList<>();
        finished.get("statusHistory").forEach(h -> history.add(h.get("status").asText()));
        assertThat(history)
                .containsExactly("planned", "waitlist", "active", "finished");
        fhir.assertConformsToUkCore(finished);
    }

    @Test
    void aSearchIncludesThePatientTheEpisodeAndTheOrganisationEachReadOnceAndAudited() {
        long patientReadsBefore = patientReads(communityNurse);
        Bundle stays = client(communityNurse).search().forResource(Encounter.class)
                .where(Encounter.PATIENT.hasId(patientId()))
                .include(Encounter.INCLUDE_PATIENT).include(Encounter.INCLUDE_EPISODE_OF_CARE)
                .include(Encounter.INCLUDE_SERVICE_PROVIDER).returnBundle(Bundle.class).execute();
        assertThat(stays.getEntry()).extracting(e -> e.getResource().fhirType())
                .containsExactlyInAnyOrder("Encounter", "Patient", "EpisodeOfCare", "Organization");
        assertThat(stays.getEntry()).filteredOn(e -> !(e.getResource() instanceof Encounter))
                .extracting(e -> e.getSearch().getMode()).containsOnly(Bundle.SearchEntryMode.INCLUDE);
        assertThat(stays.getEntry()).filteredOn(e -> e.getResource() instanceof Organization)
                .extracting(e -> ((Organization) e.getResource()).getName()).containsExactly(acute.name());
        assertThat(stays.getEntry()).filteredOn(e -> e.getResource() instanceof EpisodeOfCare)
                .extracting(e -> e.getResource().getIdElement().getIdPart()).containsExactly(episodeId());
        assertThat(patientReads(communityNurse)).isEqualTo(patientReadsBefore + 1);

        // the ward's stays now, each with its patient
        Bundle onWard = client(consultant).search().forResource(Encounter.class)
                .where(new TokenClientParam("ward").exactly().code(ward.id().value().toString()))
                .include(Encounter.INCLUDE_PATIENT).returnBundle(Bundle.class).execute();
        assertThat(onWard.getEntry()).filteredOn(e -> e.getResource() instanceof Patient)
                .extracting(e -> e.getResource().getIdElement().getIdPart()).containsExactly(patientId());

        Bundle episodes = client(communityNurse).search().forResource(EpisodeOfCare.class)
                .where(EpisodeOfCare.PATIENT.hasId(patientId())).include(EpisodeOfCare.INCLUDE_PATIENT)
                .returnBundle(Bundle.class).execute();
        assertThat(episodes.getEntry()).extracting(e -> e.getResource().fhirType())
                .containsExactlyInAnyOrder("EpisodeOfCare", "Patient");
        assertThat(patientReads(communityNurse)).isEqualTo(patientReadsBefore + 2);

        // without _include, nothing is brought in and the patient's record is not read
        Bundle plain = client(communityNurse).search().forResource(Encounter.class)
                .where(Encounter.PATIENT.hasId(patientId())).returnBundle(Bundle.class).execute();
        assertThat(plain.getEntry()).extracting(e -> e.getResource().fhirType()).containsExactly("Encounter");
        assertThat(patientReads(communityNurse)).isEqualTo(patientReadsBefore + 2);

        Api.RawResponse notServed = api.raw("GET", "/fhir/Encounter?patient=" + patientId()
                + "&_include=Encounter:part-of", communityNurse, null);
        assertThat(notServed.status()).isEqualTo(400);
        assertThat(notServed.body()).contains("OperationOutcome").contains("Encounter:part-of");
    }

    private long patientReads(CurrentUser user) {
        return jdbc.sql("""
                select count(*) from audit_event where patient_id = ? and username = ? and action = 'READ'
                and record_type = 'Patient'""").param(patient.summary().id().value()).param(user.username())
                .query(Long.class).single();
    }
}
