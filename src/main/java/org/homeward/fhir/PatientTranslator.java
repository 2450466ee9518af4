package org.homeward.fhir;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.homeward.patient.EthnicCategory;
import org.homeward.patient.PatientRecord;
import org.homeward.patient.PatientSummary;
import org.homeward.patient.RegisterPatient;
import org.homeward.patient.Sex;
import org.homeward.shared.NhsNumber;

/**
 * Patient, both ways, as UK Core STU2's UKCore-Patient: the NHS number with its verification status, name, sex,
 * date of birth, home address and phone, the registered GP practice (ODS code), and the ethnic category extension.
 * <p>
 * Verification status: Homeward has no Spine connection and does not trace NHS numbers against PDS, so every number
 * is sent as {@code 02} "Number present but not traced" — saying "verified" would be a claim Homeward cannot make.
 */
final class PatientTranslator {

    static final String VERIFICATION_NOT_TRACED = "02";

    private PatientTranslator() {
    }

    static Patient toFhir(PatientRecord record) {
        PatientSummary summary = record.summary();
        Patient patient = new Patient();
        // the version counts the record's corrections: it is the ETag, and an update's If-Match
        patient.setIdElement(new org.hl7.fhir.r4.model.IdType("Patient", summary.id().value().toString(),
                String.valueOf(record.version())));
        patient.getMeta().setVersionId(String.valueOf(record.version()));
        patient.getMeta().addProfile(UkCore.profile("Patient"));
        Identifier nhs = patient.addIdentifier().setSystem(UkCore.NHS_NUMBER).setValue(summary.nhsNumber().value());
        nhs.addExtension(UkCore.NHS_NUMBER_VERIFICATION, new CodeableConcept(new Coding(
                UkCore.NHS_NUMBER_VERIFICATION_CODES, VERIFICATION_NOT_TRACED, "Number present but not traced")));
        patient.addName().setUse(HumanName.NameUse.OFFICIAL).setFamily(summary.familyName())
                .addGiven(summary.givenName());
        patient.setGender(gender(summary.sex()));
        patient.setBirthDate(java.util.Date.from(summary.dateOfBirth().atStartOfDay(ZoneId.of("UTC")).toInstant()));
        patient.getBirthDateElement().setPrecision(ca.uhn.fhir.model.api.TemporalPrecisionEnum.DAY);
        Address address = patient.addAddress().setUse(Address.AddressUse.HOME).setCity(record.town())
                .setPostalCode(record.postcode());
        address.addLine(record.addressLine1());
        if (record.addressLine2() != null && !record.addressLine2().isBlank()) {
            address.addLine(record.addressLine2());
        }
        if (record.phone() != null && !record.phone().isBlank()) {
            patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(record.phone())
                    .setUse(ContactPoint.ContactPointUse.HOME);
        }
        if (record.gpPracticeCode() != null) {
            patient.addGeneralPractitioner(new Reference().setIdentifier(new Identifier().setSystem(UkCore.ODS_CODE)
                    .setValue(record.gpPracticeCode())).setDisplay(record.gpPracticeName()));
        }
        if (record.ethnicCategory() != null) {
            patient.addExtension(UkCore.ETHNIC_CATEGORY, new CodeableConcept(new Coding(UkCore.ETHNIC_CATEGORY_CODES,
                    record.ethnicCategory().code(), record.ethnicCategory().label())));
        }
        return patient;
    }

    /**
     * What a Patient resource registers, each problem refused with the element's path: the NHS number (its check
     * digit too), one official or usual name with family and given, gender, birth date, a home address with line,
     * city and postcode, the GP practice's ODS code, and the ethnic category (UK Core's England code system).
     */
    static RegisterPatient toRegistration(Patient patient) {
        String nhsNumber = nhsNumber(patient);
        HumanName name = patient.getName().stream()
                .filter(n -> n.getUse() == null || n.getUse() == HumanName.NameUse.OFFICIAL
                        || n.getUse() == HumanName.NameUse.USUAL)
                .findFirst().orElseThrow(() -> Outcomes.invalid("Patient.name", "a name is required"));
        int nameIndex = patient.getName().indexOf(name);
        if (!name.hasFamily()) {
            throw Outcomes.invalid("Patient.name[" + nameIndex + "].family", "the family name is required");
        }
        if (!name.hasGiven()) {
            throw Outcomes.invalid("Patient.name[" + nameIndex + "].given", "a given name is required");
        }
        String given = String.join(" ", name.getGiven().stream().map(StringType::getValue).toList());
        if (!patient.hasGender()) {
            throw Outcomes.invalid("Patient.gender", "gender is required");
        }
        if (!patient.hasBirthDate()) {
            throw Outcomes.invalid("Patient.birthDate", "the date of birth is required");
        }
        LocalDate dateOfBirth = LocalDate.parse(patient.getBirthDateElement().getValueAsString().substring(0, 10));
        Address address = patient.getAddress().stream()
                .filter(a -> a.getUse() == null || a.getUse() == Address.AddressUse.HOME)
                .findFirst().orElseThrow(() -> Outcomes.invalid("Patient.address", "a home address is required"));
        int addressIndex = patient.getAddress().indexOf(address);
        if (!address.hasLine()) {
            throw Outcomes.invalid("Patient.address[" + addressIndex + "].line", "the first address line is required");
        }
        if (!address.hasCity()) {
            throw Outcomes.invalid("Patient.address[" + addressIndex + "].city", "the town is required");
        }
        if (!address.hasPostalCode()) {
            throw Outcomes.invalid("Patient.address[" + addressIndex + "].postalCode", "the postcode is required");
        }
        List<StringType> lines = address.getLine();
        String phone = patient.getTelecom().stream()
                .filter(t -> t.getSystem() == ContactPoint.ContactPointSystem.PHONE).map(ContactPoint::getValue)
                .findFirst().orElse(null);
        Reference gp = patient.getGeneralPractitioner().stream()
                .filter(r -> r.hasIdentifier() && UkCore.ODS_CODE.equals(r.getIdentifier().getSystem()))
                .findFirst().orElseThrow(() -> Outcomes.invalid("Patient.generalPractitioner",
                        "the registered GP practice is required, as a reference with its ODS code identifier ("
                                + UkCore.ODS_CODE + ")"));
        return new RegisterPatient(nhsNumber, given, name.getFamily(), dateOfBirth, sex(patient.getGender()),
                ethnicCategory(patient), lines.get(0).getValue(), lines.size() > 1 ? lines.get(1).getValue() : null,
                address.getCity(), address.getPostalCode(), null, null, phone, gp.getIdentifier().getValue(),
                gp.hasDisplay() ? gp.getDisplay() : gp.getIdentifier().getValue());
    }

    /** The NHS number identifier's value, refused with its path if absent or not a valid NHS number. */
    static String nhsNumber(Patient patient) {
        for (int i = 0; i < patient.getIdentifier().size(); i++) {
            Identifier identifier = patient.getIdentifier().get(i);
            if (UkCore.NHS_NUMBER.equals(identifier.getSystem())) {
                String problem = NhsNumber.problemWith(identifier.getValue());
                if (problem != null) {
                    throw Outcomes.invalid("Patient.identifier[" + i + "].value", problem);
                }
                return identifier.getValue();
            }
        }
        throw Outcomes.invalid("Patient.identifier", "an NHS number identifier (system " + UkCore.NHS_NUMBER
                + ") is required");
    }

    private static EthnicCategory ethnicCategory(Patient patient) {
        Extension extension = patient.getExtensionByUrl(UkCore.ETHNIC_CATEGORY);
        if (extension == null) {
            return EthnicCategory.NOT_KNOWN;
        }
        int index = patient.getExtension().indexOf(extension);
        String path = "Patient.extension[" + index + "].valueCodeableConcept";
        if (!(extension.getValue() instanceof CodeableConcept concept)) {
            throw Outcomes.invalid(path, "the ethnic category must be a CodeableConcept");
        }
        Coding coding = concept.getCoding().stream().filter(c -> UkCore.ETHNIC_CATEGORY_CODES.equals(c.getSystem()))
                .findFirst().orElseThrow(() -> Outcomes.invalid(path + ".coding",
                        "the ethnic category must be coded in " + UkCore.ETHNIC_CATEGORY_CODES));
        try {
            return EthnicCategory.fromCode(coding.getCode());
        } catch (IllegalArgumentException e) {
            throw Outcomes.invalid(path + ".coding[" + concept.getCoding().indexOf(coding) + "].code",
                    "unknown ethnic category code " + coding.getCode() + "; the codes are A to Z and 99");
        }
    }

    static AdministrativeGender gender(Sex sex) {
        return switch (sex) {
            case FEMALE -> AdministrativeGender.FEMALE;
            case MALE -> AdministrativeGender.MALE;
            case OTHER -> AdministrativeGender.OTHER;
            case UNKNOWN -> AdministrativeGender.UNKNOWN;
        };
    }

    static Sex sex(AdministrativeGender gender) {
        return switch (gender) {
            case FEMALE -> Sex.FEMALE;
            case MALE -> Sex.MALE;
            case OTHER -> Sex.OTHER;
            case UNKNOWN -> Sex.UNKNOWN;
            case NULL -> throw Outcomes.invalid("Patient.gender", "gender is required");
        };
    }
}
