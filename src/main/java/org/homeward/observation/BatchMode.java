package org.homeward.observation;

/** What to do with a batch in which some readings are invalid. */
public enum BatchMode {
    /** Store the valid readings and report each rejected one with its reason. */
    STORE_VALID,
    /** Store nothing if any reading is invalid. */
    ALL_OR_NOTHING
}
