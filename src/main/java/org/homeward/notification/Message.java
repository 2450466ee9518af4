package org.homeward.notification;

import java.util.UUID;

/**
 * What to tell people. Email and text carry no patient identifiers (they leave NHS systems); the in-app message
 * may name the patient, as the app shows only what the reader may see.
 *
 * @param alertId the alert it is about, or {@code null}
 * @param subject a short headline: the email subject and the start of the text
 * @param body what happened and what to do, without patient identifiers
 * @param inAppDetail extra words shown only in the app (may name the patient), or {@code null}
 * @param link the page to open, relative to the service (e.g. {@code /alerts})
 */
public record Message(UUID alertId, String subject, String body, String inAppDetail, String link) {
}
