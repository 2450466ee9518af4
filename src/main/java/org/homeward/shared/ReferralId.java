package org.homeward.shared;

import java.util.Objects;
import java.util.UUID;

/** Identifier of a referral. */
public record ReferralId(UUID value) {

    public ReferralId {
        Objects.requireNonNull(value, "referral id");
    }

    public static ReferralId random() {
        return new ReferralId(UUID.randomUUID());
    }

    public static ReferralId of(String value) {
        return new ReferralId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
