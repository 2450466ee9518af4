package org.homeward.patient;

import java.time.Instant;
import org.homeward.shared.NotFoundException;
import org.homeward.shared.PatientId;

/**
 * The patient record named was merged into another (ADT^A40): its history is on the surviving record now, and nothing
 * more is read from it or written to it. Answered like a record not found (404), with the message naming the
 * surviving record, so a page or a system is sent there. Only someone who may see the retired record is told.
 */
public class PatientMergedException extends NotFoundException {

    private final transient PatientId retired;
    private final transient PatientId survivor;

    PatientMergedException(PatientId retired, PatientId survivor, String survivorNhsNumber, Instant mergedAt,
            String when) {
        super("Patient " + retired + " was merged into the record of NHS number " + survivorNhsNumber + " (patient "
                + survivor + ") on " + when + ": their history is there; open that record instead");
        this.retired = retired;
        this.survivor = survivor;
    }

    public PatientId retired() {
        return retired;
    }

    /** The record the retired one was merged into: where to go instead. */
    public PatientId survivor() {
        return survivor;
    }
}
