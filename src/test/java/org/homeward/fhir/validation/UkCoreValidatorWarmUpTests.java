package org.homeward.fhir.validation;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Patient;
import org.homeward.fhir.validation.ValidationOutcome.Issue;
import org.junit.jupiter.api.Test;

/**
 * Requests that arrive while the validator is still being built wait for that one validator: it is built once, and
 * each of them gets the same answer as a request after warm-up.
 */
class UkCoreValidatorWarmUpTests {

    @Test
    void requestsArrivingDuringWarmUpShareTheOneValidatorBuiltOnce() throws Exception {
        UkCoreValidator validator = new UkCoreValidator(FhirContext.forR4());
        int requests = 4;
        ExecutorService pool = Executors.newFixedThreadPool(requests + 1);
        try {
            CountDownLatch go = new CountDownLatch(1);
            Future<Duration> warmUp = pool.submit(() -> {
                go.await();
                return validator.warmUp();
            });
            List<Future<ValidationOutcome>> outcomes = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                String nhsNumber = i % 2 == 0 ? "9434765919" : "9434765918";
                outcomes.add(pool.submit(() -> {
                    go.await();
                    return validator.validate(patient(nhsNumber));
                }));
            }
            go.countDown();

            Duration built = warmUp.get(5, TimeUnit.MINUTES);
            for (int i = 0; i < requests; i++) {
                ValidationOutcome outcome = outcomes.get(i).get(5, TimeUnit.MINUTES);
                if (i % 2 == 0) {
                    assertThat(outcome.errors()).as("request %d", i).isEmpty();
                } else {
                    assertThat(outcome.errors()).as("request %d", i).extracting(Issue::path)
                            .containsExactly("Patient.identifier[0].value");
                }
            }
            assertThat(validator.warmUp()).as("built once: later calls report the same build").isEqualTo(built);
            assertThat(validator.validate(patient("9434765918")).errors()).extracting(Issue::path)
                    .containsExactly("Patient.identifier[0].value");
        } finally {
            pool.shutdownNow();
        }
    }

    private static Patient patient(String nhsNumber) {
        Patient patient = new Patient();
        patient.addIdentifier().setSystem("https://fhir.nhs.uk/Id/nhs-number").setValue(nhsNumber);
        patient.addName().setFamily("Okafor").addGiven("Chidi");
        patient.setGender(AdministrativeGender.MALE);
        return patient;
    }
}
