package org.homeward.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.hl7.fhir.r4.model.Flag;
import org.homeward.escalation.AlertService;
import org.homeward.escalation.AlertView;
import org.homeward.escalation.ResponseAction;
import org.homeward.observation.BatchMode;
import org.homeward.observation.IncomingReading;
import org.homeward.observation.ObservationParameter;
import org.homeward.observation.ObservationService;
import org.homeward.observation.ObservationSource;
import org.homeward.patient.PatientRecord;
import org.homeward.security.CurrentUser;
import org.homeward.security.Organisation;
import org.homeward.security.OrganisationType;
import org.homeward.security.Role;
import org.homeward.shared.PatientId;
import org.homeward.support.Api;
import org.homeward.support.Fixtures;
import org.homeward.support.IntegrationTest;
import org.homeward.ward.VirtualWard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Flag subscribers (rest-hook) over real HTTP: the community provider's administrator registers its system; an alert
 * raised for a patient in its care is POSTed to it as a UK Core Flag whose signature checks with the shared secret,
 * after a refusal that the administrator sees with its reason and a later try; the alert's change follows in order;
 * a subscriber of an organisation outside the care team hears nothing. Switched off by its administrator, a subscriber
 * is sent nothing and queued nothing while its waiting delivery stays listed; switched on, the waiting one is sent at
 * once and new alert changes are queued again; audited, and no one else may switch it.
 */
@IntegrationTest
class FlagSubscriptionIT {

    static final String SECRET = "s3cret-shared-with-the-subscriber-only-0001";

    record Received(String body, String signature, String delivery) {
    }

    @Autowired Fixtures fixtures;
    @Autowired Api api;
    @Autowired ObservationService observations;
    @Autowired AlertService alerts;
    @Autowired FlagSender sender;
    @Autowired ca.uhn.fhir.context.FhirContext fhir;
    @Autowired JdbcClient jdbc;

    final List<Received> received = new CopyOnWriteArrayList<>();
    final List<Received> outsiderReceived = new CopyOnWriteArrayList<>();
    final AtomicInteger refusals = new AtomicInteger(1);
    HttpServer subscriber;
    HttpServer outsiderSubscriber;

    CurrentUser nurse;
    CurrentUser communityAdmin;
    CurrentUser outsiderAdmin;
    PatientRecord patient;

    @BeforeEach
    void twoSubscribersListen() throws IOException {
        subscriber = listen(received, refusals);
        outsiderSubscriber = listen(outsiderReceived, new AtomicInteger());
        Organisation acute = fixtures.organisation(OrganisationType.ACUTE_TRUST);
        Organisation community = fixtures.organisation(OrganisationType.COMMUNITY_PROVIDER);
        CurrentUser consultant = fixtures.user(Role.SENIOR_DECISION_MAKER, acute);
        CurrentUser referrer = fixtures.user(Role.REFERRER, acute);
        nurse = fixtures.user(Role.CLINICIAN, community);
        communityAdmin = fixtures.user(Role.ADMIN, community);
        outsiderAdmin = fixtures.user(Role.ADMIN, fixtures.organisation(OrganisationType.COMMUNITY_PROVIDER));
        VirtualWard ward = fixtures.ward(acute, 10, List.of(community));
        patient = fixtures.patient(referrer, LocalDate.of(1950, 1, 9));
        fixtures.admit(patient, ward, referrer, consultant);
    }

    @AfterEach
    void stop() {
        subscriber.stop(0);
        outsiderSubscriber.stop(0);
    }

    /** A subscriber that answers 503 while {@code refuse} is above zero, then 200; keeps what it was sent. */
    private static HttpServer listen(List<Received> into, AtomicInteger refuse) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/flags", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            into.add(new Received(body, exchange.getRequestHeaders().getFirst("X-Homeward-Signature"),
                    exchange.getRequestHeaders().getFirst("X-Homeward-Delivery")));
            int status = refuse.getAndDecrement() > 0 ? 503 : 200;
            byte[] answer = (status == 200 ? "ok" : "busy, try later").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static String endpoint(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/flags";
    }

    private AlertView raiseAlert() {
        Instant at = Instant.now();
        PatientId id = patient.summary().id();
        observations.ingest(nurse, ObservationSource.NURSE, BatchMode.ALL_OR_NOTHING, List.of(
                IncomingReading.entered(id, ObservationParameter.RESPIRATORY_RATE, 26.0, at),
                IncomingReading.entered(id, ObservationParameter.OXYGEN_SATURATION, 91.0, at),
                IncomingReading.entered(id, ObservationParameter.ON_OXYGEN, "false", at),
                IncomingReading.entered(id, ObservationParameter.SYSTOLIC_BLOOD_PRESSURE, 95.0, at),
                IncomingReading.entered(id, ObservationParameter.HEART_RATE, 125.0, at),
                IncomingReading.entered(id, ObservationParameter.CONSCIOUSNESS, "ALERT", at),
                IncomingReading.entered(id, ObservationParameter.TEMPERATURE, 38.9, at)));
        return alerts.openAlertOf(id).orElseThrow();
    }

    private long deliveriesTo(String subscriptionId) {
        return jdbc.sql("select count(*) from fhir_flag_delivery where subscription_id = ?::uuid")
                .param(subscriptionId).query(Long.class).single();
    }

    @Test
    void aSwitchedOffSubscriberIsSentAndQueuedNothingUntilSwitchedOnWhenItsWaitingDeliveryGoesAtOnce() {
        Api.Response registered = api.post(communityAdmin, "/api/v1/fhir-subscriptions",
                Map.of("endpoint", endpoint(subscriber), "secret", SECRET));
        assertThat(registered.status()).isEqualTo(201);
        String subscriptionId = registered.text("id");
        String off = "/api/v1/fhir-subscriptions/" + subscriptionId + "/deactivation";
        String on = "/api/v1/fhir-subscriptions/" + subscriptionId + "/activation";

        // the alert is raised; the first try is refused (503), so the delivery waits 30 seconds for its next
        AlertView alert = raiseAlert();
        Instant now = Instant.now().plusSeconds(1);
        sender.sendDue(now);
        assertThat(received).hasSize(1);
        assertThat(deliveriesTo(subscriptionId)).isEqualTo(1);

        // no one but its own organisation's administrator may switch it: the outsider finds none, the nurse is refused
        assertThat(api.raw("POST", off, outsiderAdmin, null).status()).isEqualTo(404);
        assertThat(api.raw("POST", on, outsiderAdmin, null).status()).isEqualTo(404);
        assertThat(api.raw("POST", off, nurse, null).status()).isEqualTo(403);
        assertThat(api.raw("POST", "/api/v1/fhir-subscriptions/" + java.util.UUID.randomUUID() + "/deactivation",
                communityAdmin, null).status()).as("no such subscriber").isEqualTo(404);
        assertThat(api.get(communityAdmin, "/api/v1/fhir-subscriptions").body().get(0).get("active").asBoolean())
                .isTrue();

        Api.RawResponse switchedOff = api.raw("POST", off, communityAdmin, null);
        assertThat(switchedOff.status()).as(switchedOff.toString()).isEqualTo(200);
        assertThat(api.json(switchedOff).path("id").asText()).isEqualTo(subscriptionId);
        assertThat(api.json(switchedOff).path("active").asBoolean()).isFalse();
        assertThat(api.raw("POST", off, communityAdmin, null).status()).as("off again changes nothing").isEqualTo(200);
        assertThat(api.get(communityAdmin, "/api/v1/fhir-subscriptions").body().get(0).get("active").asBoolean())
                .isFalse();

        // long past its next try, the sender skips it; it stays listed as waiting
        sender.sendDue(now.plus(Duration.ofMinutes(5)));
        assertThat(received).as("nothing is sent to a switched-off subscriber").hasSize(1);
        JsonNode waiting = api.get(communityAdmin, "/api/v1/fhir-subscriptions/deliveries?waiting=true").body();
        assertThat(waiting).hasSize(1);
        assertThat(waiting.get(0).get("alertStatus").asText()).isEqualTo("RAISED");

        // the alert is acknowledged while it is off: nothing is queued for it
        alerts.acknowledge(nurse, alert.id());
        assertThat(deliveriesTo(subscriptionId)).as("no delivery queued while off").isEqualTo(1);

        Api.RawResponse switchedOn = api.raw("POST", on, communityAdmin, null);
        assertThat(switchedOn.status()).as(switchedOn.toString()).isEqualTo(200);
        assertThat(api.json(switchedOn).path("active").asBoolean()).isTrue();
        assertThat(api.raw("POST", on, nurse, null).status()).isEqualTo(403);

        // the waiting delivery is due at once (not at the end of its back-off), and goes
        sender.sendDue(Instant.now().plusSeconds(1));
        assertThat(received).hasSize(2);
        assertThat(received.get(1).delivery()).isEqualTo(received.get(0).delivery());
        assertThat(fhir.newJsonParser().parseResource(Flag.class, received.get(1).body()).getIdElement().getIdPart())
                .isEqualTo(alert.id().toString());
        assertThat(api.get(communityAdmin, "/api/v1/fhir-subscriptions/deliveries?waiting=true").body()).isEmpty();

        // the next change is queued and sent again
        alerts.respond(nurse, alert.id(), ResponseAction.PHONE_CALL, "Rang the patient");
        assertThat(deliveriesTo(subscriptionId)).isEqualTo(2);
        sender.sendDue(Instant.now().plusSeconds(1));
        assertThat(received).hasSize(3);
        assertThat(api.get(communityAdmin, "/api/v1/fhir-subscriptions/deliveries").body().get(0).get("alertStatus")
                .asText()).isEqualTo("RESPONDED");

        // registered, switched off and on, each once, by the administrator; the refused attempts changed nothing
        assertThat(jdbc.sql("""
                select action || ' ' || username || ' ' || detail from audit_event
                where record_type = 'FlagSubscription' and record_id = ? order by id""")
                .param(subscriptionId).query(String.class).list())
                .satisfiesExactly(
                        line -> assertThat(line).startsWith("CREATE " + communityAdmin.username())
                                .contains("Registered Flag subscriber " + endpoint(subscriber)),
                        line -> assertThat(line).startsWith("UPDATE " + communityAdmin.username())
                                .endsWith("Switched off Flag subscriber (waiting deliveries kept unsent: 1) "
                                        + endpoint(subscriber)),
                        line -> assertThat(line).startsWith("UPDATE " + communityAdmin.username())
                                .endsWith("Switched on Flag subscriber (waiting deliveries to be sent now: 1) "
                                        + endpoint(subscriber)));
    }

    @Test
    void anAlertReachesTheCareTeamsSubscriberSignedInOrderAfterARefusalAndNoOtherSubscriber() {
        assertThat(api.post(communityAdmin, "/api/v1/fhir-subscriptions", Map.of("endpoint", endpoint(subscriber),
                "secret", SECRET)).status()).isEqualTo(201);
        assertThat(api.post(outsiderAdmin, "/api/v1/fhir-subscriptions", Map.of("endpoint", endpoint(outsiderSubscriber),
                "secret", SECRET)).status()).isEqualTo(201);
        // a clinician may not register one; a short secret is refused naming the field
        assertThat(api.post(nurse, "/api/v1/fhir-subscriptions", Map.of("endpoint", endpoint(subscriber),
                "secret", SECRET)).status()).isEqualTo(403);
        Api.Response shortSecret = api.post(communityAdmin, "/api/v1/fhir-subscriptions",
                Map.of("endpoint", endpoint(subscriber), "secret", "short"));
        assertThat(shortSecret.status()).isEqualTo(400);
        assertThat(shortSecret.body().toString()).contains("secret");

        // the visiting nurse records a set scoring NEWS2 7 or more: an alert is raised
        AlertView alert = raiseAlert();
        Instant now = Instant.now().plusSeconds(1);

        // the subscriber is busy: the delivery waits, and the administrator sees why
        sender.sendDue(now);
        assertThat(received).hasSize(1);
        JsonNode waiting = api.get(communityAdmin, "/api/v1/fhir-subscriptions/deliveries?waiting=true").body();
        assertThat(waiting).hasSize(1);
        assertThat(waiting.get(0).get("alertId").asText()).isEqualTo(alert.id().toString());
        assertThat(waiting.get(0).get("attempts").asInt()).isEqualTo(1);
        assertThat(waiting.get(0).get("lastError").asText()).contains("HTTP 503").contains("busy, try later");
        assertThat(waiting.get(0).get("failure").asText()).isEqualTo("ERROR_ANSWER");
        assertThat(waiting.get(0).get("failureStatus").asInt()).isEqualTo(503);
        assertThat(waiting.get(0).get("failureSaid").asText()).isEqualTo("busy, try later");
        assertThat(Instant.parse(waiting.get(0).get("nextAttemptAt").asText())).isAfter(now);
        assertThat(outsiderReceived).as("the outsider's system hears nothing of this patient").isEmpty();

        // acknowledged meanwhile: the change waits behind the first delivery
        alerts.acknowledge(nurse, alert.id());
        sender.sendDue(now.plusSeconds(5));
        assertThat(received).as("nothing is due before the wait, and the change waits for it").hasSize(1);

        sender.sendDue(now.plus(Duration.ofMinutes(1)));

        assertThat(received).hasSize(3);
        assertThat(api.get(communityAdmin, "/api/v1/fhir-subscriptions/deliveries?waiting=true").body()).isEmpty();
        for (Received r : received) {
            assertThat(r.signature()).isEqualTo("sha256=" + FlagSender.hmac(SECRET, r.body()));
        }
        Flag raised = fhir.newJsonParser().parseResource(Flag.class, received.get(1).body());
        assertThat(raised.getIdElement().getIdPart()).isEqualTo(alert.id().toString());
        assertThat(raised.getMeta().getProfile().get(0).getValue())
                .isEqualTo("https://fhir.hl7.org.uk/StructureDefinition/UKCore-Flag");
        assertThat(raised.getSubject().getReference()).isEqualTo("Patient/" + patient.summary().id().value());
        assertThat(received.get(1).delivery()).isEqualTo(received.get(0).delivery()).as("the same delivery, tried again");
        assertThat(received.get(2).delivery()).isNotEqualTo(received.get(1).delivery());
        assertThat(received.get(2).body()).as("the acknowledgement, after the raising").isNotEqualTo(received.get(1).body());
        assertThat(outsiderReceived).isEmpty();
    }
}
