package org.homeward.hl7v2;

import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.v251.segment.EVN;
import ca.uhn.hl7v2.model.v251.segment.PV1;
import ca.uhn.hl7v2.util.Terser;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.homeward.referral.InpatientEventKind;

/**
 * What an ADT event says of the inpatient stay: which kind of event, when (PV1-44 for an admission, PV1-45 for a
 * discharge, else EVN-6 the event occurred, else EVN-2 recorded) and the acute ward (PV1-3 point of care).
 */
record AdtStay(InpatientEventKind kind, Instant occurredAt, String ward) {

    static final Map<String, InpatientEventKind> KINDS = Map.of("A01", InpatientEventKind.ADMITTED,
            "A02", InpatientEventKind.TRANSFERRED, "A03", InpatientEventKind.DISCHARGED,
            "A11", InpatientEventKind.ADMISSION_CANCELLED, "A13", InpatientEventKind.DISCHARGE_CANCELLED);

    static AdtStay read(Message message, String event, Instant received, ZoneId zone) {
        try {
            Terser t = new Terser(message);
            EVN evn = (EVN) t.getSegment("/.EVN");
            PV1 pv1 = (PV1) t.getSegment("/.PV1");
            String when = null;
            String field = "EVN-6";
            if ("A01".equals(event)) {
                when = AdtPatient.text(pv1.getAdmitDateTime().getTime().getValue());
                field = "PV1-44";
            } else if ("A03".equals(event) && pv1.getDischargeDateTimeReps() > 0) {
                when = AdtPatient.text(pv1.getDischargeDateTime(0).getTime().getValue());
                field = "PV1-45";
            }
            if (when == null) {
                when = AdtPatient.text(evn.getEventOccurred().getTime().getValue());
                field = "EVN-6";
            }
            if (when == null) {
                when = AdtPatient.text(evn.getRecordedDateTime().getTime().getValue());
                field = "EVN-2";
            }
            Instant at = when == null ? received : instant(when, zone, field);
            String ward = AdtPatient.text(pv1.getAssignedPatientLocation().getPointOfCare().getValue());
            return new AdtStay(KINDS.get(event), at, ward);
        } catch (HL7Exception | ClassCastException e) {
            throw AdtRefusal.rejected(ErrorCode.SEGMENT_SEQUENCE_ERROR, "PV1", 0,
                    "The message's EVN or PV1 segment could not be read: " + e.getMessage());
        }
    }

    /** An HL7 date and time (YYYYMMDDHHMM[SS][+ZZZZ]); without an offset, in the service's time zone. */
    static Instant instant(String value, ZoneId zone, String field) {
        try {
            int sign = Math.max(value.indexOf('+'), value.indexOf('-'));
            String local = sign > 0 ? value.substring(0, sign) : value;
            int dot = local.indexOf('.');
            local = dot > 0 ? local.substring(0, dot) : local;
            local = switch (local.length()) {
                case 8 -> local + "000000";
                case 10 -> local + "0000";
                case 12 -> local + "00";
                case 14 -> local;
                default -> throw new DateTimeParseException("length", local, 0);
            };
            LocalDateTime time = LocalDateTime.parse(local, DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
            return sign > 0 ? time.toInstant(ZoneOffset.of(value.substring(sign)))
                    : time.atZone(zone).toInstant();
        } catch (java.time.DateTimeException e) {
            throw AdtRefusal.error(ErrorCode.DATA_TYPE_ERROR, field.substring(0, 3),
                    Integer.parseInt(field.substring(4)), field + " '" + value + "' is not a date and time"
                            + " (YYYYMMDDHHMM)");
        }
    }
}
