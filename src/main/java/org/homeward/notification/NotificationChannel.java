package org.homeward.notification;

/**
 * One way of sending a message to a person. Implementations throw {@link SendFailedException} when the message did
 * not leave; the service records it and retries.
 */
public interface NotificationChannel {

    Channel channel();

    /** Whether the channel can send at all here (a mail server or a Notify key is configured). */
    boolean configured();

    /** Sends now; returns on success. */
    void send(String address, String subject, String body) throws SendFailedException;

    /** A send that did not happen, with a reason a person can read. */
    class SendFailedException extends Exception {
        public SendFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
