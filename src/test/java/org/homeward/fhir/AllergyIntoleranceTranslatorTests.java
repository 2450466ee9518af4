package org.homeward.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.AllergyIntolerance.AllergyIntoleranceCategory;
import org.hl7.fhir.r4.model.AllergyIntolerance.AllergyIntoleranceCriticality;
import org.hl7.fhir.r4.model.AllergyIntolerance.AllergyIntoleranceSeverity;
import org.hl7.fhir.r4.model.AllergyIntolerance.AllergyIntoleranceType;
import org.hl7.fhir.r4.model.Annotation;
import org.homeward.medication.Allergy;
import org.homeward.medication.AllergyCertainty;
import org.homeward.medication.AllergySeverity;
import org.homeward.medication.NoKnownAllergies;
import org.homeward.medication.ReactionKind;
import org.homeward.medication.RecordedBy;
import org.homeward.medication.SubstanceClass;
import org.homeward.shared.PatientId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An allergy as UK Core AllergyIntolerance: every severity, certainty and kind Homeward records, each row against
 * FHIR R4's AllergyIntolerance value sets (clinical status, verification status, type, reaction severity,
 * criticality); entered in error never reads as an allergy in force; the statement of no known allergies.
 */
class AllergyIntoleranceTranslatorTests {

    static final PatientId PATIENT = new PatientId(UUID.randomUUID());
    static final RecordedBy NURSE = new RecordedBy("nurse", "Grace Mensah", "Nurse", "Dorset HealthCare");
    static final Instant FIRST = Instant.parse("2026-12-01T09:30:00Z");

    static Allergy allergy(AllergySeverity severity, AllergyCertainty certainty, ReactionKind kind, boolean inError,
            SubstanceClass substanceClass, String reaction) {
        return new Allergy(UUID.randomUUID(), PATIENT, inError ? 2 : 1, "Penicillin", null, substanceClass, reaction,
                severity, certainty, kind, inError, NURSE, FIRST.plusSeconds(3600), FIRST,
                inError ? "Recorded on the wrong patient's record" : null);
    }

    @ParameterizedTest(name = "{0} reaction: reaction severity {1}, criticality {2}")
    @CsvSource(nullValues = "none", value = {
            "MILD, MILD, none",
            "MODERATE, MODERATE, none",
            "SEVERE, SEVERE, none",
            "LIFE_THREATENING, SEVERE, HIGH"})
    void eachSeverityIsFhirsReactionSeverityAndOnlyLifeThreateningIsHighCriticality(AllergySeverity severity,
            AllergyIntoleranceSeverity fhirSeverity, AllergyIntoleranceCriticality criticality) {
        AllergyIntolerance resource = AllergyIntoleranceTranslator.toFhir(allergy(severity, AllergyCertainty.CONFIRMED,
                ReactionKind.ALLERGY, false, SubstanceClass.PENICILLINS, "Urticarial rash"));

        assertThat(resource.getReactionFirstRep().getSeverity()).isEqualTo(fhirSeverity);
        assertThat(resource.getReactionFirstRep().getManifestationFirstRep().getText()).isEqualTo("Urticarial rash");
        assertThat(resource.getCriticality()).isEqualTo(criticality);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"CONFIRMED, confirmed", "SUSPECTED, unconfirmed"})
    void anAllergyInForceIsActiveAndConfirmedOrUnconfirmedByItsCertainty(AllergyCertainty certainty, String code) {
        AllergyIntolerance resource = AllergyIntoleranceTranslator.toFhir(allergy(AllergySeverity.SEVERE, certainty,
                ReactionKind.ALLERGY, false, null, "Wheeze"));

        assertThat(resource.getClinicalStatus().getCodingFirstRep().getSystem())
                .isEqualTo("http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical");
        assertThat(resource.getClinicalStatus().getCodingFirstRep().getCode()).isEqualTo("active");
        assertThat(resource.getVerificationStatus().getCodingFirstRep().getSystem())
                .isEqualTo("http://terminology.hl7.org/CodeSystem/allergyintolerance-verification");
        assertThat(resource.getVerificationStatus().getCodingFirstRep().getCode()).isEqualTo(code);
    }

    @ParameterizedTest(name = "{0}: type {1}")
    @CsvSource(nullValues = "none", value = {"ALLERGY, ALLERGY", "INTOLERANCE, INTOLERANCE", "ADVERSE_REACTION, none"})
    void anAllergyAndAnIntoleranceHaveFhirsTypesAndAnAdverseReactionNoneButANote(ReactionKind kind,
            AllergyIntoleranceType type) {
        AllergyIntolerance resource = AllergyIntoleranceTranslator.toFhir(allergy(AllergySeverity.MILD,
                AllergyCertainty.CONFIRMED, kind, false, null, "Nausea"));

        assertThat(resource.getType()).isEqualTo(type);
        assertThat(resource.getNote()).extracting(Annotation::getText).containsExactlyElementsOf(
                type == null ? java.util.List.of("Adverse reaction (neither allergy nor intolerance)") : java.util.List.of());
    }

    @Test
    void anAllergyEnteredInErrorHasNoClinicalStatusSoNoReceiverReadsItAsInForce() {
        AllergyIntolerance resource = AllergyIntoleranceTranslator.toFhir(allergy(AllergySeverity.SEVERE,
                AllergyCertainty.CONFIRMED, ReactionKind.ALLERGY, true, SubstanceClass.PENICILLINS, "Anaphylaxis"));

        assertThat(resource.hasClinicalStatus()).isFalse();
        assertThat(resource.getVerificationStatus().getCodingFirstRep().getCode()).isEqualTo("entered-in-error");
        assertThat(resource.getNote()).extracting(Annotation::getText)
                .containsExactly("Entered in error: Recorded on the wrong patient's record");
    }

    @Test
    void carriesTheSubstanceThePatientTheFirstRecordingAndWhoRecordedIt() {
        Allergy penicillins = allergy(AllergySeverity.SEVERE, AllergyCertainty.CONFIRMED, ReactionKind.ALLERGY, false,
                SubstanceClass.PENICILLINS, "Rash");
        AllergyIntolerance resource = AllergyIntoleranceTranslator.toFhir(penicillins);

        assertThat(resource.getIdPart()).isEqualTo(penicillins.id().toString());
        assertThat(resource.getMeta().getProfile().get(0).getValue())
                .isEqualTo("https://fhir.hl7.org.uk/StructureDefinition/UKCore-AllergyIntolerance");
        assertThat(resource.getCode().getText()).isEqualTo("Penicillin");
        assertThat(resource.getCategory()).extracting(c -> c.getValue())
                .containsExactly(AllergyIntoleranceCategory.MEDICATION);
        assertThat(resource.getPatient().getReference()).isEqualTo("Patient/" + PATIENT.value());
        assertThat(resource.getRecordedDate().toInstant()).isEqualTo(FIRST);
        assertThat(resource.getRecorder().getDisplay()).isEqualTo("Grace Mensah (Nurse, Dorset HealthCare)");

        Allergy peanuts = new Allergy(UUID.randomUUID(), PATIENT, 1, "Peanuts", null, null, null,
                AllergySeverity.MODERATE, AllergyCertainty.CONFIRMED, ReactionKind.ALLERGY, false, NURSE, FIRST, FIRST,
                null);
        AllergyIntolerance food = AllergyIntoleranceTranslator.toFhir(peanuts);
        assertThat(food.getCategory()).as("neither a formulary medicine nor a class of medicines").isEmpty();
        assertThat(food.hasReaction()).as("no reaction recorded, none sent").isFalse();
    }

    @Test
    void theStatementOfNoKnownAllergiesIsSnomedsNoKnownAllergyActiveUntilSuperseded() {
        NoKnownAllergies inForce = new NoKnownAllergies(UUID.randomUUID(), NURSE, FIRST, null);
        AllergyIntolerance resource = AllergyIntoleranceTranslator.toFhir(inForce, PATIENT);

        assertThat(resource.getCode().getCodingFirstRep().getSystem()).isEqualTo("http://snomed.info/sct");
        assertThat(resource.getCode().getCodingFirstRep().getCode()).isEqualTo("716186003");
        assertThat(resource.getClinicalStatus().getCodingFirstRep().getCode()).isEqualTo("active");
        assertThat(resource.getVerificationStatus().getCodingFirstRep().getCode()).isEqualTo("confirmed");
        assertThat(resource.getPatient().getReference()).isEqualTo("Patient/" + PATIENT.value());

        NoKnownAllergies superseded = new NoKnownAllergies(inForce.id(), NURSE, FIRST, FIRST.plusSeconds(86_400));
        assertThat(AllergyIntoleranceTranslator.toFhir(superseded, PATIENT).getClinicalStatus().getCodingFirstRep()
                .getCode()).isEqualTo("inactive");
    }
}
