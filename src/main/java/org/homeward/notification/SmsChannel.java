package org.homeward.notification;

import java.util.Map;
import org.springframework.stereotype.Component;
import uk.gov.service.notify.NotificationClient;
import uk.gov.service.notify.NotificationClientException;

/**
 * Text messages through GOV.UK Notify's Java client: one template whose body is {@code ((message))}, so the text is
 * written here. The client signs each request with the API key.
 */
@Component
class SmsChannel implements NotificationChannel {

    private final NotificationProperties.Sms properties;
    private final NotificationClient client;

    SmsChannel(NotificationProperties properties) {
        this.properties = properties.sms();
        this.client = this.properties.configured()
                ? new NotificationClient(this.properties.apiKey(), this.properties.baseUrl()) : null;
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public boolean configured() {
        return client != null;
    }

    @Override
    public void send(String address, String subject, String body) throws SendFailedException {
        try {
            client.sendSms(properties.templateId(), address, Map.of("message", subject + ". " + body), null);
        } catch (NotificationClientException e) {
            throw new SendFailedException("GOV.UK Notify refused it (HTTP " + e.getHttpResult() + "): "
                    + firstLine(e.getMessage()), e);
        } catch (RuntimeException e) {
            throw new SendFailedException("GOV.UK Notify could not be reached: " + firstLine(e.getMessage()), e);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no reason given";
        }
        String line = message.lines().findFirst().orElse(message);
        return line.length() > 300 ? line.substring(0, 300) : line;
    }
}
