package org.homeward.hl7v2;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.hl7v2.AcknowledgmentCode;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.app.HL7Service;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.protocol.ReceivingApplication;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.homeward.patient.PatientRecord;
import org.homeward.referral.AdmissionView;
import org.homeward.referral.DischargeDestination;
import org.homeward.referral.DischargePatient;
import org.homeward.referral.ReferralService;
import org.homeward.security.CurrentUser;
import org.homeward.security.Organisation;
import org.homeward.security.Role;
import org.homeward.security.SecurityService;
import org.homeward.support.Fixtures;
import org.homeward.support.IntegrationTest;
import org.homeward.ward.VirtualWard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Outbound ADT over a real MLLP connection to a stand-in of the trust's integration engine (HAPI's server): the A01
 * queued with the admission and the A03 with the discharge, sent in order, tried again after an AE until AA, and kept
 * waiting with the reason while the trust cannot be reached.
 */
@IntegrationTest
class OutboundAdtIT {

    @Autowired Hl7v2Properties properties;
    @Autowired AdtSender sender;
    @Autowired SecurityService security;
    @Autowired Fixtures fixtures;
    @Autowired ReferralService referrals;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    final List<String> received = new CopyOnWriteArrayList<>();
    final List<String> refuseOnce = new CopyOnWriteArrayList<>();
    HapiContext trustContext;
    HL7Service trust;
    CurrentUser consultant;
    VirtualWard ward;

    @BeforeEach
    void theTrustsEngineListens() throws InterruptedException {
        trustContext = MllpListener.newContext();
        trustContext.setExecutorService(java.util.concurrent.Executors.newCachedThreadPool());
        trust = trustContext.newServer(properties.outbound().port(), false);
        trust.registerApplication(new ReceivingApplication<Message>() {
            @Override
            public Message processMessage(Message message, Map<String, Object> metadata) throws HL7Exception {
                String text = message.encode();
                received.add(text);
                try {
                    for (String nhs : refuseOnce) {
                        if (text.contains(nhs)) {
                            refuseOnce.remove(nhs);
                            return message.generateACK(AcknowledgmentCode.AE, new HL7Exception("PAS is busy"));
                        }
                    }
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
        Organisation acute = security.organisation(EngineAccount.ensure(security).organisationId());
        consultant = fixtures.user(Role.SENIOR_DECISION_MAKER, acute);
        ward = fixtures.ward(acute, 5);
    }

    @AfterEach
    void stop() {
        if (trust != null) {
            trust.stopAndWait();
        }
        // not trustContext.close(): it would shut HAPI's executor shared by the JVM's other contexts
    }

    Map<String, Object> queued(PatientRecord patient, String event) {
        return jdbc.sql("select * from hl7_outbound where patient_id = ? and trigger_event = ?")
                .params(patient.summary().id().value(), event).query().singleRow();
    }

    List<String> receivedFor(PatientRecord patient) {
        return received.stream().filter(m -> m.contains(patient.summary().nhsNumber().value())).toList();
    }

    @Test
    void theAdmissionAndDischargeAreSentInOrderAndRetriedAfterAnAeUntilAcknowledged() {
        CurrentUser referrer = fixtures.user(Role.REFERRER, security.organisation(consultant.organisationId()));
        PatientRecord patient = fixtures.patient(referrer, LocalDate.of(1950, 3, 3));
        AdmissionView admission = fixtures.admit(patient, ward, referrer, consultant);
        referrals.discharge(consultant, admission.id(), new DischargePatient(null, DischargeDestination.USUAL_RESIDENCE,
                null, null, "Recovered; GP to review in a week"));
        assertThat(queued(patient, "A01")).containsEntry("status", "PENDING");
        assertThat(queued(patient, "A03")).containsEntry("status", "PENDING");
        refuseOnce.add(patient.summary().nhsNumber().value());
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plusSeconds(1);

        sender.sendDue(now);

        assertThat(receivedFor(patient)).hasSize(1).allSatisfy(m -> assertThat(m).contains("ADT^A01"));
        assertThat(queued(patient, "A01")).containsEntry("status", "PENDING").containsEntry("attempts", 1);
        assertThat((String) queued(patient, "A01").get("last_error")).contains("AE").contains("PAS is busy");
        assertThat(queued(patient, "A03")).containsEntry("attempts", 0);

        sender.sendDue(now.plus(Duration.ofMinutes(2)));

        assertThat(receivedFor(patient)).hasSize(3);
        assertThat(receivedFor(patient).get(1)).contains("ADT^A01").contains("^^^NHS^NH").contains(ward.name());
        assertThat(receivedFor(patient).get(2)).contains("ADT^A03");
        assertThat(queued(patient, "A01")).containsEntry("status", "SENT").containsEntry("attempts", 2);
        assertThat(queued(patient, "A03")).containsEntry("status", "SENT");
        assertThat((String) queued(patient, "A03").get("ack")).contains("MSA|AA|");
    }

    @Test
    void whileTheTrustCannotBeReachedTheMessageWaitsWithTheReasonAndTheWaitGrows() {
        trust.stopAndWait();
        trust = null;
        CurrentUser referrer = fixtures.user(Role.REFERRER, security.organisation(consultant.organisationId()));
        PatientRecord patient = fixtures.patient(referrer, LocalDate.of(1948, 7, 9));
        fixtures.admit(patient, ward, referrer, consultant);
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plusSeconds(1);

        sender.sendDue(now);
        sender.sendDue(now.plus(Duration.ofMinutes(1)));

        Map<String, Object> row = queued(patient, "A01");
        assertThat(row).containsEntry("status", "PENDING").containsEntry("attempts", 2);
        assertThat((String) row.get("last_error")).startsWith("not sent");
        assertThat(((java.sql.Timestamp) row.get("next_attempt_at")).toInstant())
                .isEqualTo(now.plus(Duration.ofMinutes(1)).plus(Duration.ofMinutes(2)));
    }
}
