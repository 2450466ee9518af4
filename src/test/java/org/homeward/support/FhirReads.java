package org.homeward.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.homeward.fhir.validation.UkCoreValidator;
import org.homeward.security.CurrentUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestComponent;

/**
 * A module's journey test reading what it made over the FHIR API, as a partner organisation's system would: raw HTTP
 * with the user's login, the answer as JSON, and the resource checked by the UK Core validator the API's
 * {@code $validate} uses.
 */
@TestComponent
public class FhirReads {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired Api api;
    @Autowired UkCoreValidator validator;

    /** {@code GET path} as the user: 200, and its body. */
    public JsonNode read(CurrentUser user, String path) {
        Api.RawResponse read = api.raw("GET", path, user, null);
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        try {
            return JSON.readTree(read.body());
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + read.body(), e);
        }
    }

    /** The resource, as read, has no UK Core errors. */
    public void assertConformsToUkCore(JsonNode resource) {
        assertThat(validator.validate(resource.toString()).errors()).as("UK Core errors").isEmpty();
    }
}
