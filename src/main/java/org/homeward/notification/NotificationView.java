package org.homeward.notification;

import java.time.Instant;
import java.util.UUID;
import org.homeward.shared.UserId;

/** One message to one person on one channel, with its delivery record. */
public record NotificationView(UUID id, UserId recipientId, String recipientName, Channel channel, String address,
        UUID alertId, String subject, String body, String link, NotificationStatus status, int attempts,
        String lastError, Instant createdAt, Instant nextAttemptAt, Instant sentAt, Instant failedAt, Instant readAt) {

    public boolean unread() {
        return channel == Channel.IN_APP && readAt == null;
    }
}
