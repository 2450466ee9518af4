package org.homeward.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/** The kind of a failed Flag delivery, from what the JDK's HTTP client threw, by type rather than by message. */
class DeliveryFailureTests {

    @Test
    void eachExceptionTheSenderMeetsIsItsKind() {
        assertThat(DeliveryFailure.of(new ConnectException())).isEqualTo(DeliveryFailure.NO_ANSWER);
        assertThat(DeliveryFailure.of(new HttpConnectTimeoutException("HTTP connect timed out")))
                .isEqualTo(DeliveryFailure.TIMED_OUT);
        assertThat(DeliveryFailure.of(new HttpTimeoutException("request timed out")))
                .isEqualTo(DeliveryFailure.TIMED_OUT);
        assertThat(DeliveryFailure.of(new UnknownHostException("nowhere.invalid")))
                .isEqualTo(DeliveryFailure.UNKNOWN_HOST);
        assertThat(DeliveryFailure.of(new SSLHandshakeException("PKIX path building failed")))
                .isEqualTo(DeliveryFailure.NO_SECURE_CONNECTION);
        assertThat(DeliveryFailure.of(new IllegalArgumentException("unsupported URI")))
                .isEqualTo(DeliveryFailure.UNUSABLE_ADDRESS);
        assertThat(DeliveryFailure.of(new IOException("connection reset"))).isEqualTo(DeliveryFailure.CONNECTION_FAILED);
        assertThat(DeliveryFailure.of(new InterruptedException())).isEqualTo(DeliveryFailure.INTERRUPTED);
    }

    @Test
    void aWrappedCauseDecidesWhenTheOuterExceptionSaysNothing() {
        assertThat(DeliveryFailure.of(new IOException("send failed", new ConnectException("Connection refused"))))
                .isEqualTo(DeliveryFailure.NO_ANSWER);
        assertThat(DeliveryFailure.of(new IOException(new UnresolvedAddressException())))
                .isEqualTo(DeliveryFailure.UNKNOWN_HOST);
        // a connect timeout is said as a timeout, though the JDK's may carry a ConnectException as its cause
        HttpConnectTimeoutException timeout = new HttpConnectTimeoutException("HTTP connect timed out");
        timeout.initCause(new ConnectException("HTTP connect timed out"));
        assertThat(DeliveryFailure.of(timeout)).isEqualTo(DeliveryFailure.TIMED_OUT);
    }
}
