package org.homeward.notification;

import java.util.UUID;
import org.homeward.shared.UserId;

/**
 * A message could not be sent after all its attempts. Whoever sent it escalates (an alert goes to the next tier):
 * a failed message never vanishes. Published in the transaction that records the failure.
 */
public record NotificationFailed(UUID notificationId, UUID alertId, UserId recipientId, String recipientName,
        Channel channel, String lastError) {
}
