package org.homeward.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identifier of a organisation. */
public record OrganisationId(@JsonValue UUID value) {

    public OrganisationId {
        Objects.requireNonNull(value, "organisation id");
    }

    public static OrganisationId random() {
        return new OrganisationId(UUID.randomUUID());
    }

    @JsonCreator
    public static OrganisationId of(String value) {
        return new OrganisationId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
