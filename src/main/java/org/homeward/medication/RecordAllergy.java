package org.homeward.medication;

import java.util.UUID;

/**
 * An allergy or adverse reaction to record, or (with a reason) the corrected reading of one.
 *
 * @param formularyEntryId optional: the formulary medicine it names
 * @param substanceClass optional: the class (penicillins); when absent and the substance names a class, that class
 * @param reason required to correct an allergy; ignored when recording one
 */
public record RecordAllergy(String substance, UUID formularyEntryId, SubstanceClass substanceClass, String reaction,
        AllergySeverity severity, AllergyCertainty certainty, ReactionKind kind, String reason) {
}
