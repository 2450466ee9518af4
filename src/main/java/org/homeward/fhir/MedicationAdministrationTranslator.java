package org.homeward.fhir;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.MedicationAdministration.MedicationAdministrationStatus;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.homeward.medication.Administration;

/**
 * A dose recorded at home, given or not given, as UK Core MedicationAdministration, for the GP's or the acute trust's
 * system to see what was given, when, by whom, and what was missed and why.
 *
 * <ul>
 *   <li>Given: {@code completed}, effective when it was given, with the dose (its UCUM unit), route and site as
 *   recorded. Not given: {@code not-done}, effective when it was due, the reason in the words of the chart (NPSA
 *   2010 omitted-dose reasons) as the status reason.</li>
 *   <li>The nurse who recorded it is the performer; a second checker is a second performer with the function
 *   {@code verifier} and how they checked (in person or by video).</li>
 *   <li>The batch and its expiry, which FHIR R4 keeps on a Medication resource Homeward does not send, are a note, so
 *   a recall can still find the patient; so is the nurse's note.</li>
 *   <li>The prescription it was given against is the request ({@code MedicationRequest/{id}}).</li>
 * </ul>
 */
final class MedicationAdministrationTranslator {

    static final String PERFORMER_FUNCTION = "http://terminology.hl7.org/CodeSystem/med-admin-perform-function";

    private MedicationAdministrationTranslator() {
    }

    static MedicationAdministration toFhir(Administration a) {
        MedicationAdministration resource = new MedicationAdministration();
        resource.setId(a.id().toString());
        resource.getMeta().addProfile(UkCore.profile("MedicationAdministration"));
        resource.addIdentifier(new Identifier().setSystem(UkCore.HOMEWARD_ID + "dose").setValue(a.doseKey()));
        resource.setMedication(new CodeableConcept().setText(a.medicine()));
        resource.setSubject(new Reference("Patient/" + a.patientId().value()));
        resource.setRequest(new Reference("MedicationRequest/" + a.prescriptionId()));
        resource.addPerformer().setFunction(new CodeableConcept(new Coding(PERFORMER_FUNCTION, "performer",
                "Performer"))).setActor(new Reference().setDisplay(a.recordedBy().words()));
        List<String> notes = new ArrayList<>();
        if (a.given()) {
            resource.setStatus(MedicationAdministrationStatus.COMPLETED);
            resource.setEffective(new DateTimeType(Date.from(a.givenAt())));
            MedicationAdministration.MedicationAdministrationDosageComponent dosage = resource.getDosage();
            dosage.setDose(new Quantity().setValue(a.dose().stripTrailingZeros()).setUnit(a.doseUnit().label())
                    .setSystem(UkCore.UCUM).setCode(MedicationRequestTranslator.ucum(a.doseUnit())));
            dosage.setRoute(new CodeableConcept().setText(a.route().label()));
            if (a.site() != null && !a.site().isBlank()) {
                dosage.setSite(new CodeableConcept().setText(a.site()));
            }
            if (a.secondCheckerName() != null) {
                resource.addPerformer().setFunction(new CodeableConcept(new Coding(PERFORMER_FUNCTION, "verifier",
                        "Verifier"))).setActor(new Reference().setDisplay(a.secondCheckerName()
                        + (a.secondCheckHow() == null ? "" : " (" + a.secondCheckHow().label().toLowerCase() + ")")));
            }
            if (a.batch() != null && !a.batch().isBlank()) {
                notes.add("Batch " + a.batch() + (a.expiry() == null ? "" : ", expiry " + a.expiry()));
            }
        } else {
            resource.setStatus(MedicationAdministrationStatus.NOTDONE);
            resource.setEffective(new DateTimeType(Date.from(a.dueAt())));
            resource.addStatusReason(new CodeableConcept().setText(a.notGivenReason().label()));
        }
        if (a.note() != null && !a.note().isBlank()) {
            notes.add(a.note());
        }
        notes.forEach(text -> resource.addNote().setText(text));
        return resource;
    }
}
