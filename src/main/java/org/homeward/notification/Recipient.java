package org.homeward.notification;

import org.homeward.shared.UserId;

/** A person to tell. */
public record Recipient(UserId id, String name) {
}
