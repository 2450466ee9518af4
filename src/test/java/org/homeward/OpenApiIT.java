package org.homeward;

import static org.assertj.core.api.Assertions.assertThat;

import org.homeward.support.Api;
import org.homeward.support.Api.Response;
import org.homeward.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.client.RestClient;

/** The JSON API is described at /v3/api-docs and browsable at /swagger-ui.html. */
@IntegrationTest
class OpenApiIT {

    @Autowired Api api;

    @Test
    void listsEveryJourneyEndpointInTheOpenApiDocument() {
        Response docs = api.getAnonymous("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body().path("paths").fieldNames()).toIterable().contains(
                "/api/v1/patients", "/api/v1/patients/{id}", "/api/v1/patients/{id}/carers", "/api/v1/wards",
                "/api/v1/referrals", "/api/v1/referrals/{id}/triage", "/api/v1/referrals/{id}/re-referral",
                "/api/v1/referrals/{id}/admission", "/api/v1/admissions/{id}/discharge", "/api/v1/wards/{id}/census",
                "/api/v1/census", "/api/v1/audit", "/api/v1/hl7v2/messages", "/api/v1/hl7v2/messages/{id}",
                "/api/v1/hl7v2/outbound", "/api/v1/referrals/{id}/inpatient-stay");
        assertThat(docs.body().path("components").path("schemas").has("RegisterPatient")).isTrue();
    }

    @Test
    void servesTheSwaggerUiPage() {
        String html = RestClient.create(api.baseUrl()).get().uri("/swagger-ui/index.html").retrieve().body(String.class);
        assertThat(html).contains("swagger-ui");
        Integer redirect = RestClient.builder().baseUrl(api.baseUrl()).build().get().uri("/swagger-ui.html")
                .exchange((request, response) -> response.getStatusCode().value());
        assertThat(redirect).isIn(200, 302);
    }
}
