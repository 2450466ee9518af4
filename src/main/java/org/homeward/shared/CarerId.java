package org.homeward.shared;

import java.util.Objects;
import java.util.UUID;

/** Identifier of a carer. */
public record CarerId(UUID value) {

    public CarerId {
        Objects.requireNonNull(value, "carer id");
    }

    public static CarerId random() {
        return new CarerId(UUID.randomUUID());
    }

    public static CarerId of(String value) {
        return new CarerId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
