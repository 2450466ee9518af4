package org.homeward.fhir.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The sender's failure records and alert statuses in the words the administrator's page shows. */
class FlagSubscriptionPageControllerTests {

    @Test
    void eachKindOfFailureIsSaidInWords() {
        assertThat(FlagSubscriptionPageController.errorInWords("HTTP 503: busy, try later")).isEqualTo(
                "The receiving system answered with error 503: it had a fault or was busy. It said: 'busy, try later'.");
        assertThat(FlagSubscriptionPageController.errorInWords("HTTP 401")).isEqualTo("The receiving system answered"
                + " with error 401: it did not accept Homeward's signature or access; check the shared secret.");
        assertThat(FlagSubscriptionPageController.errorInWords("HTTP 404: no such path"))
                .contains("nothing is at that address");
        assertThat(FlagSubscriptionPageController.errorInWords(
                "could not reach http://127.0.0.1:9/flags: ConnectException ")).isEqualTo("Could not reach the"
                        + " receiving system: nothing answered at that address (the system may be down, or the address"
                        + " wrong).");
        assertThat(FlagSubscriptionPageController.errorInWords(
                "could not reach https://x.example/flags: HttpConnectTimeoutException HTTP connect timed out"))
                .endsWith("it did not answer in time.");
        assertThat(FlagSubscriptionPageController.errorInWords("could not reach https://x.example/f: IOException eh"))
                .isEqualTo("Could not reach the receiving system: the connection failed.");
        assertThat(FlagSubscriptionPageController.errorInWords("interrupted")).contains("interrupted while");
        assertThat(FlagSubscriptionPageController.errorInWords(null)).isNull();
        assertThat(FlagSubscriptionPageController.errorInWords("something new")).isEqualTo("something new");
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
