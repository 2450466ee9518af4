package org.homeward.hl7v2;

import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.v251.datatype.CX;
import ca.uhn.hl7v2.model.v251.datatype.XAD;
import ca.uhn.hl7v2.model.v251.datatype.XON;
import ca.uhn.hl7v2.model.v251.datatype.XPN;
import ca.uhn.hl7v2.model.v251.datatype.XTN;
import ca.uhn.hl7v2.model.v251.segment.PD1;
import ca.uhn.hl7v2.model.v251.segment.PID;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import org.homeward.patient.EthnicCategory;
import org.homeward.patient.Sex;
import org.homeward.shared.NhsNumber;

/**
 * The patient as a PID (and PD1) segment describes them, read with HAPI's v2.5.1 structures. Fields are left null
 * when the message does not carry them; {@link AdtPatients} decides which are required.
 *
 * <p>PID-3 repetitions: the NHS number is the one whose assigning authority is NHS or whose identifier type is NH
 * (also HN, which some engines send); the trust's local number is the one of type MR or PI.
 */
record AdtPatient(NhsNumber nhsNumber, String localNumber, String givenName, String familyName, LocalDate dateOfBirth,
        Sex sex, EthnicCategory ethnicCategory, String addressLine1, String addressLine2, String town, String postcode,
        String phone, String gpPracticeCode, String gpPracticeName) {

    /** Where each of the patient record's fields comes from, for error messages. */
    static final Map<String, String> FIELDS = Map.ofEntries(Map.entry("nhsNumber", "PID-3"),
            Map.entry("givenName", "PID-5.2"), Map.entry("familyName", "PID-5.1"), Map.entry("dateOfBirth", "PID-7"),
            Map.entry("sex", "PID-8"), Map.entry("ethnicCategory", "PID-22"), Map.entry("addressLine1", "PID-11.1"),
            Map.entry("addressLine2", "PID-11.2"), Map.entry("town", "PID-11.3"), Map.entry("postcode", "PID-11.5"),
            Map.entry("phone", "PID-13"), Map.entry("gpPracticeCode", "PD1-3.10"),
            Map.entry("gpPracticeName", "PD1-3.1"));

    static AdtPatient read(PID pid, PD1 pd1) throws HL7Exception {
        if (pid.isEmpty()) {
            throw AdtRefusal.rejected(ErrorCode.SEGMENT_SEQUENCE_ERROR, "PID", 0,
                    "The message has no PID segment (or it is not where the message structure has it)");
        }
        String nhs = null;
        String local = null;
        for (CX cx : pid.getPatientIdentifierList()) {
            String id = text(cx.getIDNumber().getValue());
            String authority = text(cx.getAssigningAuthority().getNamespaceID().getValue());
            String type = text(cx.getIdentifierTypeCode().getValue());
            if (id == null) {
                continue;
            }
            if ("NHS".equalsIgnoreCase(authority) || "NH".equalsIgnoreCase(type) || "HN".equalsIgnoreCase(type)) {
                nhs = id;
            } else if ("MR".equalsIgnoreCase(type) || "PI".equalsIgnoreCase(type)) {
                local = id;
            }
        }
        if (nhs == null) {
            throw AdtRefusal.error(ErrorCode.REQUIRED_FIELD_MISSING, "PID", 3,
                    "PID-3 has no NHS number (an identifier with assigning authority NHS or type NH)");
        }
        String problem = NhsNumber.problemWith(nhs);
        if (problem != null) {
            throw AdtRefusal.error(ErrorCode.DATA_TYPE_ERROR, "PID", 3, "PID-3: " + problem);
        }
        XPN name = pid.getPatientName(0);
        XAD address = pid.getPatientAddress(0);
        XTN phone = pid.getPhoneNumberHome(0);
        XON practice = pd1 == null ? null : pd1.getPatientPrimaryFacility(0);
        String practiceCode = practice == null ? null : text(practice.getOrganizationIdentifier().getValue());
        if (practice != null && practiceCode == null) {
            practiceCode = text(practice.getIDNumber().getValue());
        }
        return new AdtPatient(NhsNumber.of(nhs), local, text(name.getGivenName().getValue()),
                text(name.getFamilyName().getSurname().getValue()), dateOfBirth(pid), sex(pid), ethnicCategory(pid),
                text(address.getStreetAddress().getStreetOrMailingAddress().getValue()),
                text(address.getOtherDesignation().getValue()), text(address.getCity().getValue()),
                text(address.getZipOrPostalCode().getValue()), phone(phone),
                practiceCode == null ? null : practiceCode.toUpperCase(Locale.ROOT),
                practice == null ? null : text(practice.getOrganizationName().getValue()));
    }

    boolean hasAddress() {
        return addressLine1 != null || town != null || postcode != null;
    }

    boolean hasGpPractice() {
        return gpPracticeCode != null || gpPracticeName != null;
    }

    private static LocalDate dateOfBirth(PID pid) {
        String value = text(pid.getDateTimeOfBirth().getTime().getValue());
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value.length() >= 8 ? value.substring(0, 8) : value, DateTimeFormatter.BASIC_ISO_DATE);
        } catch (DateTimeParseException e) {
            throw AdtRefusal.error(ErrorCode.DATA_TYPE_ERROR, "PID", 7,
                    "PID-7 date of birth '" + value + "' is not a date (YYYYMMDD)");
        }
    }

    /** HL7 table 0001: F, M, O (other), A (ambiguous) and N (not applicable) as other, U as not known. */
    private static Sex sex(PID pid) {
        String value = text(pid.getAdministrativeSex().getValue());
        if (value == null) {
            return null;
        }
        return switch (value.toUpperCase(Locale.ROOT)) {
            case "F" -> Sex.FEMALE;
            case "M" -> Sex.MALE;
            case "O", "A", "N" -> Sex.OTHER;
            case "U" -> Sex.UNKNOWN;
            default -> throw AdtRefusal.error(ErrorCode.TABLE_VALUE_NOT_FOUND, "PID", 8,
                    "PID-8 sex '" + value + "' is not one of F, M, O, A, N or U");
        };
    }

    /** NHS Data Dictionary ethnic category codes (A to S, Z, 99). */
    private static EthnicCategory ethnicCategory(PID pid) {
        String value = text(pid.getEthnicGroup(0).getIdentifier().getValue());
        if (value == null) {
            return null;
        }
        try {
            return EthnicCategory.fromCode(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw AdtRefusal.error(ErrorCode.TABLE_VALUE_NOT_FOUND, "PID", 22, "PID-22 ethnic group '" + value
                    + "' is not an NHS ethnic category code (A to S, Z or 99)");
        }
    }

    private static String phone(XTN phone) {
        String value = text(phone.getTelephoneNumber().getValue());
        return value != null ? value : text(phone.getUnformattedTelephoneNumber().getValue());
    }

    static String text(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
