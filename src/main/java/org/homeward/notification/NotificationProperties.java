package org.homeward.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the notification module ({@code homeward.notification.*}). Email uses Spring Boot's
 * {@code spring.mail.*}; with no {@code spring.mail.host}, or no Notify API key, that channel is "not configured":
 * messages on it are recorded as failed with that reason and the person is told in the app instead.
 *
 * @param emailFrom the From address of alert emails
 * @param publicUrl the address links in emails and texts point at
 * @param maxAttempts how many times a message is tried before it fails and escalates
 * @param retryBackoff the wait before the second try; each later wait doubles
 * @param checkEvery how often messages due a retry are sent
 * @param sms GOV.UK Notify: base URL, API key and the SMS template with a {@code ((message))} placeholder
 */
@ConfigurationProperties("homeward.notification")
public record NotificationProperties(String emailFrom, String publicUrl, int maxAttempts, Duration retryBackoff,
        Duration checkEvery, Sms sms) {

    public NotificationProperties {
        emailFrom = emailFrom == null || emailFrom.isBlank() ? "homeward@localhost" : emailFrom;
        publicUrl = publicUrl == null || publicUrl.isBlank() ? "http://localhost:8080" : publicUrl;
        maxAttempts = maxAttempts <= 0 ? 3 : maxAttempts;
        retryBackoff = retryBackoff == null ? Duration.ofMinutes(1) : retryBackoff;
        checkEvery = checkEvery == null ? Duration.ofSeconds(30) : checkEvery;
        sms = sms == null ? new Sms(null, null, null) : sms;
    }

    public record Sms(String baseUrl, String apiKey, String templateId) {
        public Sms {
            baseUrl = baseUrl == null || baseUrl.isBlank() ? "https://api.notifications.service.gov.uk" : baseUrl;
        }

        boolean configured() {
            return apiKey != null && !apiKey.isBlank() && templateId != null && !templateId.isBlank();
        }
    }
}
