package org.homeward.fhir.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.homeward.fhir.DeliveryFailure;
import org.junit.jupiter.api.Test;

/** The sender's failure records and alert statuses in the words the administrator's page shows. */
class FlagSubscriptionPageControllerTests {

    @Test
    void eachKindOfFailureIsSaidInWords() {
        assertThat(FlagSubscriptionPageController.errorInWords(DeliveryFailure.ERROR_ANSWER, 503, "busy, try later"))
                .isEqualTo("The receiving system answered with error 503: it had a fault or was busy. It said: 'busy,"
                        + " try later'.");
        assertThat(FlagSubscriptionPageController.errorInWords(DeliveryFailure.ERROR_ANSWER, 401, null)).isEqualTo(
                "The receiving system answered with error 401: it did not accept Homeward's signature or access;"
                        + " check the shared secret.");
        assertThat(FlagSubscriptionPageController.errorInWords(DeliveryFailure.ERROR_ANSWER, 403, " "))
                .endsWith("check the shared secret.");
        assertThat(FlagSubscriptionPageController.errorInWords(DeliveryFailure.ERROR_ANSWER, 404, "no such path"))
                .contains("nothing is at that address").endsWith("It said: 'no such path'.");
        assertThat(FlagSubscriptionPageController.errorInWords(DeliveryFailure.ERROR_ANSWER, 400, null))
                .contains("could not accept what was sent");
        assertThat(FlagSubscriptionPageController.errorInWords(DeliveryFailure.ERROR_ANSWER, 422, null))
                .contains("could not accept what was sent");
        assertThat(FlagSubscriptionPageController.errorInWords(DeliveryFailure.ERROR_ANSWER, 429, null))
                .contains("too busy");
        assertThat(FlagSubscriptionPageController.errorInWords(DeliveryFailure.ERROR_ANSWER, 301, null))
                .contains("it refused what was sent");
        assertThat(FlagSubscriptionPageController.errorInWords(DeliveryFailure.NO_ANSWER, null, null)).isEqualTo(
                "Could not reach the receiving system: nothing answered at that address (the system may be down, or"
                        + " the address wrong).");
        assertThat(FlagSubscriptionPageController.errorInWords(DeliveryFailure.TIMED_OUT, null, null))
                .endsWith("it did not answer in time.");
        assertThat(FlagSubscriptionPageController.errorInWords(DeliveryFailure.UNKNOWN_HOST, null, null))
                .endsWith("the address's host name is not known.");
        assertThat(FlagSubscriptionPageController.errorInWords(DeliveryFailure.NO_SECURE_CONNECTION, null, null))
                .contains("secure connection");
        assertThat(FlagSubscriptionPageController.errorInWords(DeliveryFailure.UNUSABLE_ADDRESS, null, null))
                .endsWith("the address cannot be used.");
        assertThat(FlagSubscriptionPageController.errorInWords(DeliveryFailure.CONNECTION_FAILED, null, null))
                .isEqualTo("Could not reach the receiving system: the connection failed.");
        assertThat(FlagSubscriptionPageController.errorInWords(DeliveryFailure.INTERRUPTED, null, null))
                .contains("interrupted while");
        assertThat(FlagSubscriptionPageController.errorInWords(null, null, null)).isNull();
        // every kind has its words
        for (DeliveryFailure kind : DeliveryFailure.values()) {
            assertThat(FlagSubscriptionPageController.errorInWords(kind, 500, null)).as(kind.name()).isNotBlank()
                    .doesNotContain(kind.name());
        }
    }

    @Test
    void alertStatusesAreSaidAsWhatHappened() {
        assertThat(FlagSubscriptionPageController.alertChange("RAISED")).isEqualTo("Alert raised");
        assertThat(FlagSubscriptionPageController.alertChange("ACKNOWLEDGED")).isEqualTo("Alert acknowledged");
        assertThat(FlagSubscriptionPageController.alertChange("RESPONDED")).isEqualTo("Alert responded to");
        assertThat(FlagSubscriptionPageController.alertChange("CLOSED")).isEqualTo("Alert closed");
        assertThat(FlagSubscriptionPageController.alertChange("SOMETHING")).isEqualTo("Alert changed");
    }
}
