package org.homeward.fhir;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import javax.net.ssl.SSLException;

/**
 * Why the last try to send a Flag to a subscriber failed, as the sender saw it: kept with the delivery so that the
 * administrator's page can say it in words without reading the sender's technical message.
 */
public enum DeliveryFailure {
    /** The receiving system answered, with a status other than 2xx (kept beside it). */
    ERROR_ANSWER,
    /** Nothing accepted the connection at that address. */
    NO_ANSWER,
    /** The connection or the answer took longer than the sender waits. */
    TIMED_OUT,
    /** The address's host name is not known. */
    UNKNOWN_HOST,
    /** A secure (TLS) connection could not be made. */
    NO_SECURE_CONNECTION,
    /** The address cannot be used for a request at all. */
    UNUSABLE_ADDRESS,
    /** Any other failure of the connection. */
    CONNECTION_FAILED,
    /** The sender was stopped while sending (Homeward shutting down). */
    INTERRUPTED;

    /** The kind of failure a thrown exception (or one of its causes) stands for. */
    static DeliveryFailure of(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof HttpTimeoutException) {
                return TIMED_OUT;
            }
            if (t instanceof ConnectException) {
                return NO_ANSWER;
            }
            if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
                return UNKNOWN_HOST;
            }
            if (t instanceof SSLException) {
                return NO_SECURE_CONNECTION;
            }
            if (t instanceof IllegalArgumentException) {
                return UNUSABLE_ADDRESS;
            }
            if (t instanceof InterruptedException) {
                return INTERRUPTED;
            }
        }
        return CONNECTION_FAILED;
    }
}
