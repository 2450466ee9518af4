package org.homeward.escalation;

import java.util.UUID;
import org.homeward.shared.WardId;

/** An alert was acknowledged, responded to or closed. */
public record AlertChanged(UUID alertId, WardId wardId, AlertStatus status) {
}
