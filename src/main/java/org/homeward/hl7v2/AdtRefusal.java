package org.homeward.hl7v2;

import ca.uhn.hl7v2.AcknowledgmentCode;
import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.HL7Exception;

/**
 * Why a message is not applied: AR (rejected: not a message Homeward takes, or not well formed) or AE (an error in
 * what it says, such as a wrong NHS number), with the HL7 error code and where in the message the problem is.
 */
final class AdtRefusal extends RuntimeException {

    private final AcknowledgmentCode code;
    private final ErrorCode error;
    private final String segment;
    private final int field;

    private AdtRefusal(AcknowledgmentCode code, ErrorCode error, String segment, int field, String why) {
        super(why);
        this.code = code;
        this.error = error;
        this.segment = segment;
        this.field = field;
    }

    static AdtRefusal rejected(ErrorCode error, String segment, int field, String why) {
        return new AdtRefusal(AcknowledgmentCode.AR, error, segment, field, why);
    }

    static AdtRefusal error(ErrorCode error, String segment, int field, String why) {
        return new AdtRefusal(AcknowledgmentCode.AE, error, segment, field, why);
    }

    AcknowledgmentCode code() {
        return code;
    }

    /** Where the problem is, as ERR-2 writes it (PID^1^3), or null when the message as a whole is refused. */
    String location() {
        return segment == null ? null : field > 0 ? segment + "^1^" + field : segment + "^1";
    }

    HL7Exception asHl7Exception() {
        HL7Exception e = new HL7Exception(getMessage(), error);
        if (segment != null) {
            e.setSegmentName(segment);
            e.setSegmentRepetition(1);
            if (field > 0) {
                e.setFieldPosition(field);
            }
        }
        return e;
    }
}
