package org.homeward.ward;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.homeward.shared.OrganisationId;

/**
 * The organisations whose team visits the ward's patients and shares their care (e.g. the community provider's
 * nurses on an acute trust's ward), besides the host. Kept apart from {@link CreateWard} so a ward's care
 * organisations can be changed without re-opening it.
 */
public record SetCareOrganisations(
        @NotNull(message = "is required (an empty list if only the host shares the care)")
        @Size(max = 10, message = "must name at most {max} organisations") List<@NotNull OrganisationId> visitingOrganisationIds) {

    public static SetCareOrganisations hostOnly() {
        return new SetCareOrganisations(List.of());
    }
}
