package org.homeward.hl7v2;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import org.homeward.security.CurrentUser;
import org.homeward.security.OrganisationType;
import org.homeward.security.Role;
import org.homeward.security.SecurityService;
import org.homeward.security.UserAccount;
import org.homeward.support.Api;
import org.homeward.support.Fixtures;
import org.homeward.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Administrators search the raw messages from their organisation's integration engine; an administrator of another
 * organisation finds none of them, and a clinician of the engine's own trust is refused.
 */
@IntegrationTest
class Hl7MessageSearchIT {

    @Autowired MllpListener listener;
    @Autowired SecurityService security;
    @Autowired Fixtures fixtures;
    @Autowired Api api;

    UserAccount engine;
    CurrentUser admin;

    @BeforeEach
    void engineAndItsAdministrator() {
        engine = EngineAccount.ensure(security);
        admin = fixtures.user(Role.ADMIN, security.organisation(engine.organisationId()));
    }

    String send(AdtMessages m) throws IOException {
        try (Mllp mllp = new Mllp(listener.port())) {
            return mllp.send(m.text());
        }
    }

    @Test
    void anAdministratorFindsMessagesByNhsNumberControlIdEventAndOutcome() throws IOException {
        AdtMessages registered = AdtMessages.a("A28");
        assertThat(send(registered)).contains("MSA|AA|");
        AdtMessages wrong = AdtMessages.a("A08");
        wrong.nhsNumber = registered.nhsNumber;
        wrong.sex = "X";
        assertThat(send(wrong)).contains("MSA|AE|");

        JsonNode byNhs = api.get(admin, "/api/v1/hl7v2/messages?nhsNumber=" + registered.nhsNumber).body();
        assertThat(byNhs.get("total").asInt()).isEqualTo(1);
        assertThat(byNhs.get("messages").get(0).get("controlId").asText()).isEqualTo(registered.controlId);
        assertThat(byNhs.get("messages").get(0).get("raw").asText()).contains("PID|1||" + registered.nhsNumber);

        JsonNode errors = api.get(admin, "/api/v1/hl7v2/messages?controlId=" + wrong.controlId
                + "&outcome=ERROR&event=A08").body();
        assertThat(errors.get("total").asInt()).isEqualTo(1);
        assertThat(errors.get("messages").get(0).get("error").asText()).contains("PID-8");
        assertThat(errors.get("messages").get(0).get("errorLocation").asText()).isEqualTo("PID^1^8");

        JsonNode none = api.get(admin, "/api/v1/hl7v2/messages?controlId=" + wrong.controlId + "&outcome=APPLIED")
                .body();
        assertThat(none.get("total").asInt()).isZero();

        String id = errors.get("messages").get(0).get("id").asText();
        assertThat(api.get(admin, "/api/v1/hl7v2/messages/" + id).body().get("ack").asText()).contains("MSA|AE|");
    }

    @Test
    void anotherOrganisationsAdministratorFindsNoneOfThemAndAClinicianIsRefused() throws IOException {
        AdtMessages m = AdtMessages.a("A04");
        assertThat(send(m)).contains("MSA|AA|");
        CurrentUser otherAdmin = fixtures.user(Role.ADMIN, fixtures.organisation(OrganisationType.COMMUNITY_PROVIDER));
        CurrentUser clinician = fixtures.user(Role.SENIOR_DECISION_MAKER,
                security.organisation(engine.organisationId()));

        assertThat(api.get(otherAdmin, "/api/v1/hl7v2/messages?controlId=" + m.controlId).body().get("total")
                .asInt()).isZero();
        assertThat(api.get(clinician, "/api/v1/hl7v2/messages?controlId=" + m.controlId).status()).isEqualTo(403);
        assertThat(api.get(admin, "/api/v1/hl7v2/messages?controlId=" + m.controlId).body().get("total").asInt())
                .isEqualTo(1);
    }

    @Test
    void aWrongNhsNumberInTheSearchIsA400NamingTheField() {
        var answer = api.get(admin, "/api/v1/hl7v2/messages?nhsNumber=1234567890");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().toString()).contains("nhsNumber");
    }
}
