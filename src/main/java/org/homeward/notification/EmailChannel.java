package org.homeward.notification;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/** Email over SMTP through Spring's mail sender (configured by {@code spring.mail.host} and friends). */
@Component
class EmailChannel implements NotificationChannel {

    private final ObjectProvider<JavaMailSender> sender;
    private final NotificationProperties properties;

    EmailChannel(ObjectProvider<JavaMailSender> sender, NotificationProperties properties) {
        this.sender = sender;
        this.properties = properties;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public boolean configured() {
        return sender.getIfAvailable() != null;
    }

    @Override
    public void send(String address, String subject, String body) throws SendFailedException {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(properties.emailFrom());
        message.setTo(address);
        message.setSubject(subject);
        message.setText(body);
        try {
            sender.getObject().send(message);
        } catch (MailException e) {
            throw new SendFailedException("The mail server did not take it: " + e.getMostSpecificCause().getMessage(), e);
        }
    }
}
