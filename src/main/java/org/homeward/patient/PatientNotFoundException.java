package org.homeward.patient;

import org.homeward.shared.NhsNumber;
import org.homeward.shared.NotFoundException;
import org.homeward.shared.PatientId;

/**
 * No patient with that id or NHS number, or none that the caller may know of: a patient outside the caller's
 * organisation's care is answered exactly like one who is not registered, so the answer never reveals who is.
 */
public class PatientNotFoundException extends NotFoundException {

    private final transient PatientId patientId;
    private final transient NhsNumber nhsNumber;

    private PatientNotFoundException(String message, PatientId patientId, NhsNumber nhsNumber) {
        super(message);
        this.patientId = patientId;
        this.nhsNumber = nhsNumber;
    }

    private PatientNotFoundException(String message) {
        this(message, null, null);
    }

    /** The patient the caller named, so a refused page can offer break-glass for exactly that patient. */
    public PatientId patientId() {
        return patientId;
    }

    public NhsNumber nhsNumber() {
        return nhsNumber;
    }

    /** For internal look-ups by callers that have already checked access. */
    public static PatientNotFoundException forId(PatientId id) {
        return new PatientNotFoundException("No patient with id " + id);
    }

    /** For a patient the caller named by id: not registered, or not in their organisation's care. */
    public static PatientNotFoundException notInCareOf(PatientId id) {
        return new PatientNotFoundException("No patient with id " + id + " in your organisation's care", id, null);
    }

    /** For a patient the caller named by NHS number: not registered, or not in their organisation's care. */
    public static PatientNotFoundException notInCareOf(NhsNumber nhsNumber) {
        return new PatientNotFoundException("No patient with NHS number " + nhsNumber.formatted()
                + " in your organisation's care", null, nhsNumber);
    }
}
