package org.homeward.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identifier of a referral. */
public record ReferralId(@JsonValue UUID value) {

    public ReferralId {
        Objects.requireNonNull(value, "referral id");
    }

    public static ReferralId random() {
        return new ReferralId(UUID.randomUUID());
    }

    @JsonCreator
    public static ReferralId of(String value) {
        return new ReferralId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
