package org.homeward.notification;

/** How a person can be reached outside the app; either may be {@code null}. */
public record ContactDetails(String email, String mobilePhone) {
}
