package org.homeward.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.homeward.patient.EthnicCategory;
import org.homeward.patient.PatientRecord;
import org.homeward.patient.PatientSummary;
import org.homeward.patient.RegisterPatient;
import org.homeward.patient.Sex;
import org.homeward.shared.NhsNumber;
import org.homeward.shared.PatientId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The Patient translator both ways, against UK Core STU2's UKCore-Patient and its extensions. */
class PatientTranslatorTests {

    static PatientRecord record(Sex sex, EthnicCategory ethnic) {
        PatientSummary summary = new PatientSummary(new PatientId(UUID.randomUUID()), NhsNumber.of("9434765919"),
                "Ada", "Lovelace", LocalDate.of(1944, 5, 6), sex, "DT1 1AA");
        return new PatientRecord(summary, ethnic, "1 High Street", "Flat 2", "Dorchester", "DT1 1AA", 50.7, -2.4,
                "01305 000000", "J81012", "Dorchester Health Centre", List.of(), List.of(), Instant.EPOCH, 3);
    }

    @ParameterizedTest
    @EnumSource(EthnicCategory.class)
    void aRecordIsSentAsUkCorePatientAndReadBackAsTheSameRegistration(EthnicCategory ethnic) {
        PatientRecord record = record(Sex.FEMALE, ethnic);
        Patient sent = PatientTranslator.toFhir(record);
        assertThat(sent.getMeta().getProfile().get(0).getValue()).isEqualTo(UkCore.profile("Patient"));
        assertThat(sent.getMeta().getVersionId()).isEqualTo("3");
        CodeableConcept category = (CodeableConcept) sent.getExtensionByUrl(UkCore.ETHNIC_CATEGORY).getValue();
        assertThat(category.getCodingFirstRep().getCode()).isEqualTo(ethnic.code());
        assertThat(category.getCodingFirstRep().getDisplay()).isEqualTo(ethnic.label());

        RegisterPatient back = PatientTranslator.toRegistration(sent);
        assertThat(back).isEqualTo(new RegisterPatient("9434765919", "Ada", "Lovelace", LocalDate.of(1944, 5, 6),
                Sex.FEMALE, ethnic, "1 High Street", "Flat 2", "Dorchester", "DT1 1AA", null, null, "01305 000000",
                "J81012", "Dorchester Health Centre"));
    }

    @ParameterizedTest
    @EnumSource(Sex.class)
    void sexIsAdministrativeGenderBothWays(Sex sex) {
        AdministrativeGender gender = PatientTranslator.gender(sex);
        assertThat(gender.toCode()).isEqualTo(sex == Sex.UNKNOWN ? "unknown" : sex.name().toLowerCase());
        assertThat(PatientTranslator.sex(gender)).isEqualTo(sex);
    }

    @Test
    void theNhsNumberIsSentAsPresentButNotTraced() {
        Patient sent = PatientTranslator.toFhir(record(Sex.MALE, EthnicCategory.A));
        CodeableConcept status = (CodeableConcept) sent.getIdentifierFirstRep()
                .getExtensionByUrl(UkCore.NHS_NUMBER_VERIFICATION).getValue();
        assertThat(status.getCodingFirstRep().getSystem()).isEqualTo(UkCore.NHS_NUMBER_VERIFICATION_CODES);
        assertThat(status.getCodingFirstRep().getCode()).isEqualTo("02");
    }

    @Test
    void aMissingEthnicCategoryIsNotKnown() {
        Patient sent = PatientTranslator.toFhir(record(Sex.FEMALE, EthnicCategory.B));
        sent.getExtension().clear();
        assertThat(PatientTranslator.toRegistration(sent).ethnicCategory()).isEqualTo(EthnicCategory.NOT_KNOWN);
    }

    @Test
    void eachMissingOrWrongElementIsRefusedByItsPath() {
        refused("Patient.identifier[0].value", p -> p.getIdentifierFirstRep().setValue("9434765918"));
        refused("Patient.identifier", p -> p.getIdentifier().clear());
        refused("Patient.name", p -> p.getName().clear());
        refused("Patient.name[0].family", p -> p.getNameFirstRep().setFamily(null));
        refused("Patient.name[0].given", p -> p.getNameFirstRep().getGiven().clear());
        refused("Patient.gender", p -> p.setGender(null));
        refused("Patient.birthDate", p -> p.setBirthDate(null));
        refused("Patient.address", p -> p.getAddress().clear());
        refused("Patient.address[0].postalCode", p -> p.getAddressFirstRep().setPostalCode(null));
        refused("Patient.address[0].city", p -> p.getAddressFirstRep().setCity(null));
        refused("Patient.generalPractitioner", p -> p.getGeneralPractitioner().clear());
        refused("Patient.extension[0].valueCodeableConcept.coding[0].code", p -> ((CodeableConcept) p
                .getExtensionByUrl(UkCore.ETHNIC_CATEGORY).getValue()).getCodingFirstRep().setCode("Q"));
    }

    private static void refused(String path, Consumer<Patient> breakIt) {
        Patient patient = PatientTranslator.toFhir(record(Sex.FEMALE, EthnicCategory.A));
        breakIt.accept(patient);
        assertThatThrownBy(() -> PatientTranslator.toRegistration(patient)).as(path)
                .isInstanceOfSatisfying(UnprocessableEntityException.class, e -> assertThat(
                        ((OperationOutcome) e.getOperationOutcome()).getIssueFirstRep().getExpression().get(0).getValue())
                        .isEqualTo(path));
    }
}
