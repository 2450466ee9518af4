package org.homeward.fhir;

import java.util.Date;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.AllergyIntolerance.AllergyIntoleranceCategory;
import org.hl7.fhir.r4.model.AllergyIntolerance.AllergyIntoleranceCriticality;
import org.hl7.fhir.r4.model.AllergyIntolerance.AllergyIntoleranceSeverity;
import org.hl7.fhir.r4.model.AllergyIntolerance.AllergyIntoleranceType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.homeward.medication.Allergy;
import org.homeward.medication.AllergyCertainty;
import org.homeward.medication.AllergySeverity;
import org.homeward.medication.NoKnownAllergies;
import org.homeward.medication.RecordedBy;
import org.homeward.shared.PatientId;

/**
 * Allergies and adverse reactions as UK Core AllergyIntolerance, and the statement of no known allergies as one too
 * (SNOMED CT 716186003 |No known allergy|, as UK Core's negation example does for drugs).
 *
 * <ul>
 *   <li>An allergy in force is {@code active}; confirmed or, while only suspected, {@code unconfirmed}. One entered
 *   in error is {@code entered-in-error} with no clinical status (FHIR's invariant ait-2) and its reason as a note, so
 *   a receiving system never reads it as an allergy.</li>
 *   <li>The substance is the code's text (Homeward records it in words, or as a formulary medicine's name); a
 *   formulary medicine or a class of medicines (penicillins) makes the category {@code medication}.</li>
 *   <li>Allergy and intolerance are FHIR's two types; an adverse reaction has no FHIR type, so it has none and says
 *   so in a note.</li>
 *   <li>The reaction's severity is FHIR's mild, moderate or severe; life-threatening is severe, with the criticality
 *   {@code high}. Criticality (the risk of a future reaction) is not otherwise recorded, so it is left out.</li>
 *   <li>The recorder is named in words (their role and organisation): Homeward's users are not FHIR Practitioners
 *   yet.</li>
 * </ul>
 */
final class AllergyIntoleranceTranslator {

    static final String CLINICAL = "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical";
    static final String VERIFICATION = "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification";
    static final String NO_KNOWN_ALLERGY = "716186003";

    private AllergyIntoleranceTranslator() {
    }

    static AllergyIntolerance toFhir(Allergy allergy) {
        AllergyIntolerance resource = base(allergy.id().toString(), allergy.patientId(), "allergy");
        if (allergy.enteredInError()) {
            resource.setVerificationStatus(verification("entered-in-error", "Entered in Error"));
            resource.addNote().setText("Entered in error: " + allergy.reason());
        } else {
            resource.setClinicalStatus(clinical("active", "Active"));
            resource.setVerificationStatus(allergy.certainty() == AllergyCertainty.CONFIRMED
                    ? verification("confirmed", "Confirmed") : verification("unconfirmed", "Unconfirmed"));
        }
        switch (allergy.kind()) {
            case ALLERGY -> resource.setType(AllergyIntoleranceType.ALLERGY);
            case INTOLERANCE -> resource.setType(AllergyIntoleranceType.INTOLERANCE);
            case ADVERSE_REACTION -> resource.addNote().setText("Adverse reaction (neither allergy nor intolerance)");
        }
        if (allergy.formularyEntryId() != null || allergy.substanceClass() != null) {
            resource.addCategory(AllergyIntoleranceCategory.MEDICATION);
        }
        if (allergy.severity() == AllergySeverity.LIFE_THREATENING) {
            resource.setCriticality(AllergyIntoleranceCriticality.HIGH);
        }
        resource.setCode(new CodeableConcept().setText(allergy.substance()));
        resource.setRecordedDateElement(new org.hl7.fhir.r4.model.DateTimeType(Date.from(allergy.firstRecordedAt())));
        resource.setRecorder(recorder(allergy.recordedBy()));
        if (allergy.reaction() != null && !allergy.reaction().isBlank()) {
            resource.addReaction().addManifestation(new CodeableConcept().setText(allergy.reaction()))
                    .setSeverity(severity(allergy.severity()));
        }
        return resource;
    }

    /** The statement of no known allergies: active while in force, inactive once an allergy superseded it. */
    static AllergyIntolerance toFhir(NoKnownAllergies statement, PatientId patient) {
        AllergyIntolerance resource = base(statement.id().toString(), patient, "no-known-allergies");
        resource.setClinicalStatus(statement.supersededAt() == null ? clinical("active", "Active")
                : clinical("inactive", "Inactive"));
        resource.setVerificationStatus(verification("confirmed", "Confirmed"));
        resource.setCode(new CodeableConcept(new Coding(UkCore.SNOMED, NO_KNOWN_ALLERGY,
                "No known allergy (situation)")).setText("No known allergies"));
        resource.setRecordedDateElement(new org.hl7.fhir.r4.model.DateTimeType(Date.from(statement.recordedAt())));
        resource.setRecorder(recorder(statement.recordedBy()));
        return resource;
    }

    static AllergyIntoleranceSeverity severity(AllergySeverity severity) {
        return switch (severity) {
            case MILD -> AllergyIntoleranceSeverity.MILD;
            case MODERATE -> AllergyIntoleranceSeverity.MODERATE;
            case SEVERE, LIFE_THREATENING -> AllergyIntoleranceSeverity.SEVERE;
        };
    }

    private static AllergyIntolerance base(String id, PatientId patient, String identifierKind) {
        AllergyIntolerance resource = new AllergyIntolerance();
        resource.setId(id);
        resource.getMeta().addProfile(UkCore.profile("AllergyIntolerance"));
        resource.addIdentifier(new Identifier().setSystem(UkCore.HOMEWARD_ID + identifierKind).setValue(id));
        resource.setPatient(new Reference("Patient/" + patient.value()));
        return resource;
    }

    private static Reference recorder(RecordedBy by) {
        return new Reference().setDisplay(by.words());
    }

    private static CodeableConcept clinical(String code, String display) {
        return new CodeableConcept(new Coding(CLINICAL, code, display));
    }

    private static CodeableConcept verification(String code, String display) {
        return new CodeableConcept(new Coding(VERIFICATION, code, display));
    }
}
