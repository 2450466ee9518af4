package org.homeward.observation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.homeward.security.CurrentUser;
import org.homeward.security.OrganisationType;
import org.homeward.security.Role;
import org.homeward.support.Api;
import org.homeward.support.Api.Response;
import org.homeward.support.Fixtures;
import org.homeward.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The stateless calculators over HTTP: full results, and 400s naming the field for impossible values. */
@IntegrationTest
class ScoreCalculatorApiIT {

    @Autowired Fixtures fixtures;
    @Autowired Api api;

    CurrentUser nurse;

    @BeforeEach
    void setUp() {
        nurse = fixtures.user(Role.CLINICIAN, fixtures.organisation(OrganisationType.COMMUNITY_PROVIDER));
    }

    @Test
    void scoresNews2WithEveryParameterRiskAndResponse() {
        Response result = api.post(nurse, "/api/v1/scores/news2", Map.of("respirationRatePerMinute", 23,
                "oxygenSaturationPercent", 94, "onOxygen", true, "systolicBloodPressureMmHg", 105,
                "pulsePerMinute", 112, "consciousness", "ALERT", "temperatureCelsius", 38.4));
        assertThat(result.status()).as(result.toString()).isEqualTo(200);
        assertThat(result.body().path("total").asInt()).isEqualTo(2 + 1 + 2 + 1 + 2 + 0 + 1);
        assertThat(result.body().path("risk").asText()).isEqualTo("HIGH");
        assertThat(result.body().path("parameterScores").path("PULSE").asInt()).isEqualTo(2);
        assertThat(result.body().path("response").path("monitoring").asText()).isEqualTo("Continuous monitoring of vital signs");
        assertThat(result.body().path("partial").asBoolean()).isFalse();
    }

    @Test
    void scoresPewsOnTheChildsAgeChart() {
        Map<String, Object> body = new HashMap<>();
        body.put("dateOfBirth", LocalDate.now().minusMonths(4).toString());
        body.put("respiratoryRatePerMinute", 62);
        body.put("respiratoryDistress", "MODERATE");
        body.put("oxygenSaturationPercent", 93);
        body.put("oxygenDevice", "NASAL_PRONGS");
        body.put("oxygenLitresPerMinute", 1);
        body.put("heartRatePerMinute", 172);
        body.put("systolicBloodPressureMmHg", 85);
        body.put("capillaryRefillSeconds", 2);
        body.put("carerAnswer", "WORSE");
        Response result = api.post(nurse, "/api/v1/scores/pews", body);
        assertThat(result.status()).as(result.toString()).isEqualTo(200);
        assertThat(result.body().path("chart").asText()).isEqualTo("ZERO_TO_ELEVEN_MONTHS");
        assertThat(result.body().path("total").asInt()).isEqualTo(2 + 2 + 1 + 1 + 2 + 0 + 0);
        assertThat(result.body().path("level").asText()).isEqualTo("MEDIUM");
        assertThat(result.body().path("triggers").toString()).contains("PEWS_SCORE").contains("CARER_QUESTION");
    }

    @Test
    void refusesAnImpossibleValueNamingTheField() {
        Response result = api.post(nurse, "/api/v1/scores/news2", Map.of("respirationRatePerMinute", 16,
                "oxygenSaturationPercent", 140, "onOxygen", false));
        assertThat(result.status()).isEqualTo(400);
        assertThat(result.contentType()).contains("application/problem+json");
        assertThat(result.body().path("errors").get(0).path("field").asText()).isEqualTo("oxygenSaturationPercent");
    }

    @Test
    void refusesAnUnknownConsciousnessLevelListingTheAllowedOnes() {
        Response result = api.post(nurse, "/api/v1/scores/news2", Map.of("consciousness", "DROWSY"));
        assertThat(result.status()).isEqualTo(400);
        assertThat(result.body().path("errors").get(0).path("field").asText()).isEqualTo("consciousness");
        assertThat(result.text("detail")).contains("NEW_CONFUSION");
    }

    @Test
    void refusesPewsWithoutADateOfBirth() {
        Response result = api.post(nurse, "/api/v1/scores/pews", Map.of("heartRatePerMinute", 120));
        assertThat(result.status()).isEqualTo(400);
        assertThat(result.body().path("errors").get(0).path("field").asText()).isEqualTo("dateOfBirth");
    }
}
