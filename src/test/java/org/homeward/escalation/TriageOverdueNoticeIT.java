package org.homeward.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.homeward.referral.ReferralService;
import org.homeward.rota.AddOnCall;
import org.homeward.rota.OnCallTier;
import org.homeward.rota.RotaService;
import org.homeward.security.CurrentUser;
import org.homeward.security.Organisation;
import org.homeward.security.OrganisationType;
import org.homeward.security.Role;
import org.homeward.support.Api;
import org.homeward.support.Api.Response;
import org.homeward.support.Fixtures;
import org.homeward.support.IntegrationTest;
import org.homeward.support.TestClock;
import org.homeward.ward.VirtualWard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An urgent referral past its two-hour triage target reaches a person (issue 9, item 9): the ward's on-call senior is
 * told once, in the app, without the patient's name; with no senior on the rota, the nurse in charge is.
 */
@IntegrationTest
class TriageOverdueNoticeIT {

    @Autowired Fixtures fixtures;
    @Autowired Api api;
    @Autowired TestClock clock;
    @Autowired ReferralService referrals;
    @Autowired RotaService rota;

    CurrentUser referrer;
    CurrentUser senior;
    CurrentUser coordinator;
    VirtualWard ward;
    Instant now;

    @BeforeEach
    void aWardWithAnUrgentReferralWaiting() {
        Organisation acute = fixtures.organisation(OrganisationType.ACUTE_TRUST);
        referrer = fixtures.user(Role.REFERRER, acute);
        senior = fixtures.user(Role.SENIOR_DECISION_MAKER, acute);
        coordinator = fixtures.user(Role.COORDINATOR, acute);
        ward = fixtures.ward(acute, 10);
        now = Instant.parse("2026-12-09T12:00:00Z");
        clock.set(now);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theOnCallSeniorIsToldOnceWhenAnUrgentReferralPassesItsTriageTarget() {
        onCall(OnCallTier.ON_CALL_SENIOR, senior);
        onCall(OnCallTier.NURSE_IN_CHARGE, coordinator);
        String familyName = refer(now.minus(Duration.ofMinutes(125)));

        referrals.noticeOverdueTriage(now);
        referrals.noticeOverdueTriage(now.plusSeconds(60));

        List<JsonNode> told = notices(senior);
        assertThat(told).as("told once, not every minute").hasSize(1);
        assertThat(told.get(0).path("subject").asText()).isEqualTo("Referral waiting for triage past its target, "
                + ward.name());
        assertThat(told.get(0).path("body").asText()).contains("Urgent (within 2 hours)").contains("due for triage by")
                .doesNotContain(familyName);
        assertThat(notices(coordinator)).as("the senior tier had someone on call").isEmpty();
    }

    @Test
    void withNoSeniorOnTheRotaTheNurseInChargeIsTold() {
        onCall(OnCallTier.NURSE_IN_CHARGE, coordinator);
        refer(now.minus(Duration.ofMinutes(121)));

        referrals.noticeOverdueTriage(now);

        assertThat(notices(coordinator)).hasSize(1);
    }

    private List<JsonNode> notices(CurrentUser user) {
        Response mine = api.get(user, "/api/v1/notifications");
        assertThat(mine.status()).isEqualTo(200);
        List<JsonNode> all = new java.util.ArrayList<>();
        mine.body().forEach(all::add);
        return all.stream().filter(n -> n.path("subject").asText().startsWith("Referral waiting for triage")).toList();
    }

    private void onCall(OnCallTier tier, CurrentUser person) {
        rota.add(coordinator, new AddOnCall(ward.id(), tier, person.username(), now.minus(Duration.ofHours(4)),
                now.plus(Duration.ofHours(8))));
    }

    private String refer(Instant referredAt) {
        var patient = fixtures.patient(referrer, LocalDate.of(1939, 3, 3));
        Response referred = api.post(referrer, "/api/v1/referrals", Map.of("patientId",
                patient.summary().id().toString(), "wardId", ward.id().toString(), "direction", "STEP_UP",
                "source", "EMERGENCY_DEPARTMENT", "presentingCondition", "Cellulitis", "reason", "Needs IV antibiotics",
                "interventions", List.of("IV_THERAPY"), "urgency", "URGENT", "referredAt", referredAt.toString()));
        assertThat(referred.status()).as(referred.toString()).isEqualTo(201);
        return patient.summary().familyName();
    }
}
