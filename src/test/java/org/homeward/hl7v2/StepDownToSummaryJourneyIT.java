package org.homeward.hl7v2;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BasicAuthInterceptor;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.app.HL7Service;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.protocol.ReceivingApplication;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Encounter;
import org.homeward.fhir.SummaryPublishing;
import org.homeward.fhir.validation.UkCoreValidator;
import org.homeward.patient.PatientRecord;
import org.homeward.referral.CreateReferral;
import org.homeward.referral.Intervention;
import org.homeward.referral.ReferralDirection;
import org.homeward.referral.ReferralService;
import org.homeward.referral.ReferralSource;
import org.homeward.referral.ReferralView;
import org.homeward.referral.Urgency;
import org.homeward.security.CurrentUser;
import org.homeward.security.Organisation;
import org.homeward.security.OrganisationType;
import org.homeward.security.Role;
import org.homeward.security.SecurityService;
import org.homeward.support.Api;
import org.homeward.support.Fixtures;
import org.homeward.support.IntegrationTest;
import org.homeward.ward.VirtualWard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 14's end to end, each organisation signed in as itself and every system over its own socket: the acute
 * trust's engine sends an A03 over MLLP for an inpatient with an accepted step-down referral, which completes it
 * (ready to admit, the coordinators' first-visit task); the community's senior admits and, after the stay, discharges
 * through the JSON API; the discharge goes back to the trust's engine as an ADT A03 over MLLP, and the virtual-ward
 * summary is published: the GP practice reads it over FHIR, a UK Core collection Bundle with no errors.
 */
@IntegrationTest
class StepDownToSummaryJourneyIT {

    static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final DateTimeFormatter HL7 = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    static {
        FHIR.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        FHIR.getRestfulClientFactory().setSocketTimeout(120_000);
    }

    @Autowired MllpListener listener;
    @Autowired Hl7v2Properties properties;
    @Autowired AdtSender sender;
    @Autowired SecurityService security;
    @Autowired Fixtures fixtures;
    @Autowired ReferralService referrals;
    @Autowired JdbcClient jdbc;
    @Autowired Api api;
    @Autowired Clock clock;
    @Autowired ApplicationContext context;
    @Autowired UkCoreValidator validator;

    final List<String> received = new CopyOnWriteArrayList<>();
    HL7Service trust;

    @BeforeEach
    void theTrustsEngineListens() throws InterruptedException {
        HapiContext trustContext = MllpListener.newContext();
        trustContext.setExecutorService(java.util.concurrent.Executors.newCachedThreadPool());
        trust = trustContext.newServer(properties.outbound().port(), false);
        trust.registerApplication(new ReceivingApplication<Message>() {
            @Override
            public Message processMessage(Message message, Map<String, Object> metadata) throws HL7Exception {
                received.add(message.encode());
                try {
                    return message.generateACK();
                } catch (IOException e) {
                    throw new HL7Exception(e);
                }
            }

            @Override
            public boolean canProcess(Message message) {
                return true;
            }
        });
        trust.startAndWait();
    }

    @AfterEach
    void stop() {
        trust.stopAndWait();
    }

    @Test
    void anA03CompletesTheStepDownAndTheDischargeGoesBackAsAnA03WithTheSummaryPublished() throws IOException {
        Organisation acute = security.organisation(EngineAccount.ensure(security).organisationId());
        Organisation community = fixtures.organisation(OrganisationType.COMMUNITY_PROVIDER);
        String practice = Fixtures.newPracticeCode();
        CurrentUser gp = fixtures.user(Role.CLINICIAN, fixtures.gpOrganisation(practice));
        CurrentUser referrer = fixtures.user(Role.REFERRER, acute);
        CurrentUser coordinator = fixtures.user(Role.COORDINATOR, community);
        CurrentUser senior = fixtures.user(Role.SENIOR_DECISION_MAKER, community);
        VirtualWard ward = fixtures.ward(community, 5, List.of(acute));
        PatientRecord patient = fixtures.patient(referrer, LocalDate.of(1939, 8, 14), practice);
        String nhs = patient.summary().nhsNumber().value();

        // the acute ward refers the inpatient for step-down; the ward's senior accepts it
        ReferralView referral = referrals.refer(referrer, new CreateReferral(patient.summary().id(), ward.id(),
                ReferralDirection.STEP_DOWN, ReferralSource.INPATIENT_WARD, "Cellulitis", "IV antibiotics at home",
                Set.of(Intervention.IV_THERAPY), Urgency.SAME_DAY, "Ward 7", "Dr Ngozi Okafor",
                clock.instant().minus(Duration.ofHours(5))));
        String referralPath = "/api/v1/referrals/" + referral.id().value();
        assertThat(api.post(senior, referralPath + "/triage", Map.of("outcome", "ACCEPT",
                "reason", "Meets the criteria", "decidedAt", clock.instant().minus(Duration.ofHours(3)).toString()))
                .status()).isEqualTo(200);
        assertThat(api.get(coordinator, referralPath).body().hasNonNull("readyToAdmitSince")).isFalse();

        // the trust's engine: the patient left the acute ward an hour ago
        Instant left = clock.instant().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MINUTES);
        AdtMessages a03 = AdtMessages.a("A03");
        a03.nhsNumber = nhs;
        a03.family = patient.summary().familyName();
        a03.given = patient.summary().givenName();
        a03.pv1 = StepDownAdtIT.pv1("WARD 7^BAY 1^BED 2^RBD", HL7.format(left.atZone(clock.getZone())));
        try (Mllp mllp = new Mllp(listener.port())) {
            assertThat(mllp.send(a03.text())).contains("MSA|AA|" + a03.controlId);
        }
        JsonNode ready = api.get(coordinator, referralPath).body();
        assertThat(Instant.parse(ready.get("readyToAdmitSince").asText())).isEqualTo(left);
        JsonNode tasks = api.get(coordinator, "/api/v1/tasks/mine").body();
        assertThat(tasks.findValuesAsText("patientId")).as("the coordinators' first-visit task")
                .contains(patient.summary().id().value().toString());

        // admitted from the A03's time, then discharged after the stay
        Api.Response admitted = api.post(senior, referralPath + "/admission", Map.of(
                "accountableClinicianId", senior.id().value().toString(),
                "estimatedDischargeDate", LocalDate.now(clock).plusDays(3).toString(),
                "consentGivenBy", "PATIENT", "patientHasCapacity", true, "benefitsAndRisksDiscussed", true,
                "sharedDecisionRecord", "Wants to finish antibiotics at home", "admittedAt", left.toString(),
                "accountabilityTransferredAt", left.minus(Duration.ofMinutes(30)).toString()));
        assertThat(admitted.status()).as(admitted.toString()).isEqualTo(201);
        String stay = admitted.body().get("id").asText();
        assertThat(api.post(senior, "/api/v1/admissions/" + stay + "/discharge", Map.of(
                "destination", "USUAL_RESIDENCE", "summary", "Cellulitis resolved on IV then oral antibiotics"))
                .status()).isEqualTo(200);

        // the trust's engine hears of the admission and the discharge, in that order
        sender.sendDue(clock.instant().plusSeconds(1));
        List<String> mine = received.stream().filter(m -> m.contains(nhs)).toList();
        assertThat(mine).hasSize(2);
        assertThat(mine.get(0)).contains("ADT^A01");
        assertThat(mine.get(1)).contains("ADT^A03").contains(ward.name());

        // and the GP practice reads the stay's summary over FHIR
        assertThat(SummaryPublishing.publish(context, new org.homeward.shared.AdmissionId(java.util.UUID.fromString(stay)),
                clock.instant().plusSeconds(1))).isEqualTo(1);
        IGenericClient client = FHIR.newRestfulGenericClient(api.baseUrl() + "/fhir");
        client.registerInterceptor(new BasicAuthInterceptor(gp.username(), Fixtures.PASSWORD));
        Bundle summary = client.read().resource(Bundle.class).withId(stay).execute();
        assertThat(summary.getType()).isEqualTo(Bundle.BundleType.COLLECTION);
        Encounter encounter = summary.getEntry().stream().map(e -> e.getResource())
                .filter(r -> r instanceof Encounter).map(Encounter.class::cast).findFirst().orElseThrow();
        assertThat(encounter.getStatus()).isEqualTo(Encounter.EncounterStatus.FINISHED);
        assertThat(encounter.getPeriod().getStart().toInstant()).isEqualTo(left);
        assertThat(summary.getEntry()).anyMatch(e -> e.getResource() instanceof DocumentReference);
        assertThat(validator.validate(summary).errors()).as("UK Core errors in the summary").isEmpty();
    }
}
