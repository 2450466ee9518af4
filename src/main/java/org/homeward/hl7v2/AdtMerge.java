package org.homeward.hl7v2;

import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.v251.datatype.CX;
import ca.uhn.hl7v2.model.v251.segment.MRG;
import ca.uhn.hl7v2.util.Terser;
import org.homeward.shared.NhsNumber;

/**
 * The retired record an ADT^A40 (merge patient, HAPI's ADT_A39 structure) names in MRG-1, the prior patient
 * identifiers, read as PID-3 is: the NHS number is the repetition whose assigning authority is NHS or whose type is NH
 * (or HN); the trust's local number the one of type MR or PI. The surviving patient is the message's PID.
 *
 * @param nhsNumber the retired record's NHS number, or null when MRG-1 carries only the local number
 * @param localNumber the trust's local number of the retired record, or null
 */
record AdtMerge(NhsNumber nhsNumber, String localNumber) {

    static AdtMerge read(Message message) {
        try {
            MRG mrg = (MRG) new Terser(message).getSegment("/.MRG");
            return read(mrg);
        } catch (HL7Exception | ClassCastException e) {
            throw missing("The message has no MRG segment where an A40 has it (after PID and PD1): " + e.getMessage());
        }
    }

    static AdtMerge read(MRG mrg) throws HL7Exception {
        if (mrg == null || mrg.isEmpty()) {
            throw missing("An A40 needs an MRG segment naming the retired record (MRG-1, its prior patient"
                    + " identifiers); this message has none, so nothing was merged");
        }
        String nhs = null;
        String local = null;
        for (CX cx : mrg.getPriorPatientIdentifierList()) {
            String id = AdtPatient.text(cx.getIDNumber().getValue());
            String authority = AdtPatient.text(cx.getAssigningAuthority().getNamespaceID().getValue());
            String type = AdtPatient.text(cx.getIdentifierTypeCode().getValue());
            if (id == null) {
                continue;
            }
            if ("NHS".equalsIgnoreCase(authority) || "NH".equalsIgnoreCase(type) || "HN".equalsIgnoreCase(type)) {
                nhs = id;
            } else if ("MR".equalsIgnoreCase(type) || "PI".equalsIgnoreCase(type)) {
                local = id;
            }
        }
        if (nhs == null && local == null) {
            throw AdtRefusal.error(ErrorCode.REQUIRED_FIELD_MISSING, "MRG", 1, "MRG-1 has neither an NHS number"
                    + " (assigning authority NHS or type NH) nor the trust's local number (type MR or PI) of the"
                    + " retired record; nothing was merged");
        }
        if (nhs != null) {
            String problem = NhsNumber.problemWith(nhs);
            if (problem != null) {
                throw AdtRefusal.error(ErrorCode.DATA_TYPE_ERROR, "MRG", 1, "MRG-1: " + problem);
            }
        }
        return new AdtMerge(nhs == null ? null : NhsNumber.of(nhs), local);
    }

    private static AdtRefusal missing(String why) {
        return AdtRefusal.error(ErrorCode.REQUIRED_FIELD_MISSING, "MRG", 1, why);
    }

    /** The retired record as words for messages: its NHS number, else its local number. */
    String words() {
        return nhsNumber != null ? "NHS number " + nhsNumber.formatted() : "local number " + localNumber;
    }
}
