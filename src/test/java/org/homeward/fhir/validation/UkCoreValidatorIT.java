package org.homeward.fhir.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ca.uhn.fhir.context.FhirContext;
import java.time.Duration;
import org.hl7.fhir.r4.model.Patient;
import org.homeward.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * In the running application the UK Core validator is one bean over the application's one FhirContext. It warms
 * itself in the background after start-up in production; the test configuration turns that off
 * ({@code homeward.fhir.validation.warm-up-at-start=false}), so here the warm-up is asked for, from another thread,
 * and the validator becomes ready without a validation being asked of it.
 */
@IntegrationTest
class UkCoreValidatorIT {

    @Autowired UkCoreValidator validator;
    @Autowired FhirContext fhirContext;

    @Test
    void warmsUpOnAnotherThreadAndThenValidates() {
        new Thread(validator::warmUp, "test-warm-up").start();
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(validator::isReady);

        Patient patient = new Patient();
        patient.addIdentifier().setSystem("https://fhir.nhs.uk/Id/nhs-number").setValue("9434765918");
        ValidationOutcome outcome = validator.validate(patient);

        assertThat(outcome.errors()).extracting(ValidationOutcome.Issue::path)
                .containsExactly("Patient.identifier[0].value");
        assertThat(fhirContext.getVersion().getVersion().getFhirVersionString()).isEqualTo("4.0.1");
    }
}
