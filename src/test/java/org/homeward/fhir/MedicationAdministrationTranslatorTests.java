package org.homeward.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.MedicationAdministration.MedicationAdministrationStatus;
import org.homeward.medication.Administration;
import org.homeward.medication.AdministrationOutcome;
import org.homeward.medication.DoseUnit;
import org.homeward.medication.NotGivenReason;
import org.homeward.medication.RecordedBy;
import org.homeward.medication.Route;
import org.homeward.medication.SecondCheckHow;
import org.homeward.shared.PatientId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A dose recorded at home as UK Core MedicationAdministration: given is completed when given, with what was given and
 * who checked it; not given is not-done when it was due, with every reason of the chart as the status reason.
 */
class MedicationAdministrationTranslatorTests {

    static final PatientId PATIENT = new PatientId(UUID.randomUUID());
    static final UUID PRESCRIPTION = UUID.randomUUID();
    static final RecordedBy NURSE = new RecordedBy("nurse", "Sarah Coombes", "Clinician (nurse / AHP)",
            "Dorset HealthCare");
    static final Instant DUE = Instant.parse("2027-01-15T09:00:00Z");
    static final Instant GIVEN = Instant.parse("2027-01-15T09:05:00Z");

    static Administration given(String secondChecker, SecondCheckHow how) {
        return new Administration(UUID.randomUUID(), PRESCRIPTION + "/2027-01-15/09:00", PRESCRIPTION, PATIENT,
                "Ceftriaxone 2 g intravenous", DUE, AdministrationOutcome.GIVEN, null, "Flushed well", GIVEN,
                new BigDecimal("2.000"), DoseUnit.G, Route.INTRAVENOUS, "Left forearm cannula", "AB1234",
                LocalDate.of(2027, 6, 30), null, null, secondChecker == null ? null : "nurse2", secondChecker, how,
                NURSE, GIVEN);
    }

    static Administration notGiven(NotGivenReason reason, String note) {
        return new Administration(UUID.randomUUID(), PRESCRIPTION + "/2027-01-15/09:00", PRESCRIPTION, PATIENT,
                "Ceftriaxone 2 g intravenous", DUE, AdministrationOutcome.NOT_GIVEN, reason, note, null, null, null,
                null, null, null, null, null, null, null, null, null, NURSE, GIVEN.plusSeconds(3600));
    }

    @Test
    void aDoseGivenIsCompletedWhenGivenWithWhatWasGivenAgainstItsPrescription() {
        MedicationAdministration resource = MedicationAdministrationTranslator.toFhir(given(null, null));

        assertThat(resource.getStatus()).isEqualTo(MedicationAdministrationStatus.COMPLETED);
        assertThat(resource.getEffectiveDateTimeType().getValue().toInstant()).isEqualTo(GIVEN);
        assertThat(resource.getMeta().getProfile().get(0).getValue())
                .isEqualTo("https://fhir.hl7.org.uk/StructureDefinition/UKCore-MedicationAdministration");
        assertThat(resource.getMedicationCodeableConcept().getText()).isEqualTo("Ceftriaxone 2 g intravenous");
        assertThat(resource.getSubject().getReference()).isEqualTo("Patient/" + PATIENT.value());
        assertThat(resource.getRequest().getReference()).isEqualTo("MedicationRequest/" + PRESCRIPTION);
        assertThat(resource.getDosage().getDose().getValue()).isEqualByComparingTo("2");
        assertThat(resource.getDosage().getDose().getCode()).isEqualTo("g");
        assertThat(resource.getDosage().getDose().getSystem()).isEqualTo("http://unitsofmeasure.org");
        assertThat(resource.getDosage().getRoute().getText()).isEqualTo("Intravenous");
        assertThat(resource.getDosage().getSite().getText()).isEqualTo("Left forearm cannula");
        assertThat(resource.getPerformer()).singleElement().satisfies(p -> {
            assertThat(p.getFunction().getCodingFirstRep().getCode()).isEqualTo("performer");
            assertThat(p.getActor().getDisplay()).isEqualTo("Sarah Coombes (Clinician (nurse / AHP), Dorset HealthCare)");
        });
        assertThat(resource.getNote()).extracting(Annotation::getText)
                .containsExactly("Batch AB1234, expiry 2027-06-30", "Flushed well");
        assertThat(resource.hasStatusReason()).isFalse();
    }

    @Test
    void aSecondCheckerIsAVerifierWithHowTheyChecked() {
        MedicationAdministration resource = MedicationAdministrationTranslator.toFhir(
                given("Daniel Pike", SecondCheckHow.VIDEO_CALL));

        assertThat(resource.getPerformer()).hasSize(2);
        assertThat(resource.getPerformer().get(1).getFunction().getCodingFirstRep().getSystem())
                .isEqualTo("http://terminology.hl7.org/CodeSystem/med-admin-perform-function");
        assertThat(resource.getPerformer().get(1).getFunction().getCodingFirstRep().getCode()).isEqualTo("verifier");
        assertThat(resource.getPerformer().get(1).getActor().getDisplay()).isEqualTo("Daniel Pike (by video call)");
    }

    @ParameterizedTest
    @EnumSource(NotGivenReason.class)
    void aDoseNotGivenIsNotDoneWhenItWasDueWithTheChartsReason(NotGivenReason reason) {
        String note = reason.needsNote() ? "Systolic 82: held, registrar told" : null;
        MedicationAdministration resource = MedicationAdministrationTranslator.toFhir(notGiven(reason, note));

        assertThat(resource.getStatus()).isEqualTo(MedicationAdministrationStatus.NOTDONE);
        assertThat(resource.getEffectiveDateTimeType().getValue().toInstant()).isEqualTo(DUE);
        assertThat(resource.getStatusReasonFirstRep().getText()).isEqualTo(reason.label());
        assertThat(resource.hasDosage()).as("nothing was given").isFalse();
        assertThat(resource.getNote()).extracting(Annotation::getText)
                .containsExactlyElementsOf(note == null ? java.util.List.of() : java.util.List.of(note));
    }
}
