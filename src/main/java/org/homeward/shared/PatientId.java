package org.homeward.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identifier of a patient. */
public record PatientId(@JsonValue UUID value) {

    public PatientId {
        Objects.requireNonNull(value, "patient id");
    }

    public static PatientId random() {
        return new PatientId(UUID.randomUUID());
    }

    @JsonCreator
    public static PatientId of(String value) {
        return new PatientId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
