package org.homeward.medication;

import java.util.List;
import java.util.stream.Collectors;
import org.homeward.shared.PatientId;

/**
 * What is recorded of a patient's allergies: the status, the allergies in force (entered-in-error ones apart) and the
 * statement of no known allergies in force, if any.
 */
public record PatientAllergies(PatientId patientId, AllergyStatus status, List<Allergy> allergies,
        List<Allergy> enteredInError, NoKnownAllergies noKnownAllergies) {

    /** As the banner reads: 'Not recorded', 'No known allergies', or each substance with its severity. */
    public String bannerWords() {
        return switch (status) {
            case NOT_RECORDED -> "Not recorded";
            case NO_KNOWN_ALLERGIES -> "No known allergies";
            case HAS_ALLERGIES -> allergies.stream().map(Allergy::words).collect(Collectors.joining(", "));
        };
    }
}
