package org.homeward.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identifier of a ward. */
public record WardId(@JsonValue UUID value) {

    public WardId {
        Objects.requireNonNull(value, "ward id");
    }

    public static WardId random() {
        return new WardId(UUID.randomUUID());
    }

    @JsonCreator
    public static WardId of(String value) {
        return new WardId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
