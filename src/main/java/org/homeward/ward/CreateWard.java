package org.homeward.ward;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalTime;
import java.util.Set;
import org.homeward.shared.OrganisationId;

/** What is needed to open a virtual ward. */
public record CreateWard(
        @NotBlank(message = "is required") @Size(max = 200, message = "must be at most {max} characters") String name,
        @NotEmpty(message = "must name at least one pathway") Set<Pathway> pathways,
        @NotNull(message = "is required") OrganisationId hostOrganisationId,
        @NotNull(message = "is required") @Min(value = 1, message = "must be at least 1") @Max(value = 1000, message = "must be at most 1000") Integer bedCapacity,
        @NotNull(message = "is required") LocalTime opensAt,
        @NotNull(message = "is required") LocalTime closesAt,
        @NotBlank(message = "is required: who patients call out of hours") @Size(max = 200, message = "must be at most {max} characters") String outOfHoursContact,
        @NotBlank(message = "is required") @Pattern(regexp = "^[0-9 +()-]{3,30}$", message = "must be a phone number") String outOfHoursPhone,
        @NotBlank(message = "is required: the number patients and carers call in operating hours") @Pattern(regexp = "^[0-9 +()-]{3,30}$", message = "must be a phone number") String inHoursPhone,
        @NotNull(message = "is required") @Min(value = 0, message = "must be 0 or more") Integer minAgeYears,
        @NotNull(message = "is required") @Max(value = 130, message = "must be at most 130") Integer maxAgeYears,
        @NotBlank(message = "is required: the criteria triage decides against") String admissionCriteria) {
}
