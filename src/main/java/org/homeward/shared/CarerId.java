package org.homeward.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identifier of a carer. */
public record CarerId(@JsonValue UUID value) {

    public CarerId {
        Objects.requireNonNull(value, "carer id");
    }

    public static CarerId random() {
        return new CarerId(UUID.randomUUID());
    }

    @JsonCreator
    public static CarerId of(String value) {
        return new CarerId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
