package org.homeward.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identifier of a admission. */
public record AdmissionId(@JsonValue UUID value) {

    public AdmissionId {
        Objects.requireNonNull(value, "admission id");
    }

    public static AdmissionId random() {
        return new AdmissionId(UUID.randomUUID());
    }

    @JsonCreator
    public static AdmissionId of(String value) {
        return new AdmissionId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
