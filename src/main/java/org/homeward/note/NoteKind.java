package org.homeward.note;

import org.homeward.security.Permission;

/**
 * What a clinical note records. A consultant review tells the board round a senior has reviewed the patient (SAFER:
 * a senior review every day), so only a senior decision-maker writes one; anyone who writes notes may write the rest.
 */
public enum NoteKind {
    VISIT_NOTE("Visit note", Permission.WRITE_CLINICAL_NOTES),
    PHONE_REVIEW("Phone review", Permission.WRITE_CLINICAL_NOTES),
    CONSULTANT_REVIEW("Consultant review", Permission.WRITE_CONSULTANT_REVIEW_NOTES),
    SPECIALIST_ADVICE("Specialist advice", Permission.WRITE_CLINICAL_NOTES),
    MDT_DISCUSSION("Multidisciplinary team (MDT) discussion", Permission.WRITE_CLINICAL_NOTES);

    private final String label;
    private final Permission needed;

    NoteKind(String label, Permission needed) {
        this.label = label;
        this.needed = needed;
    }

    public String label() {
        return label;
    }

    /** What a user's role must be allowed to write a note of this kind (beyond writing notes at all). */
    public Permission needed() {
        return needed;
    }
}
