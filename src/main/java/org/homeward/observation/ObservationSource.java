package org.homeward.observation;

/** Who took a reading. */
public enum ObservationSource {
    NURSE, PATIENT_OR_CARER, DEVICE
}
