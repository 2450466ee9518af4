package org.homeward.patient;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Where the patient's home is on the map, set by the team that admits or visits them (the referrer is not asked):
 * visit planning needs it, and leaves a patient without one unplanned, saying so.
 */
public record CorrectLocation(
        @NotNull(message = "is required")
        @DecimalMin(value = "49.8", message = "must be in the UK (latitude 49.8 to 60.9)")
        @DecimalMax(value = "60.9", message = "must be in the UK (latitude 49.8 to 60.9)") Double latitude,
        @NotNull(message = "is required")
        @DecimalMin(value = "-8.7", message = "must be in the UK (longitude -8.7 to 1.8)")
        @DecimalMax(value = "1.8", message = "must be in the UK (longitude -8.7 to 1.8)") Double longitude,
        @Size(max = 500, message = "must be at most {max} characters") String reason,
        Integer version) {
}
