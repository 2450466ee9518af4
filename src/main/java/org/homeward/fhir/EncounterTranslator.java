package org.homeward.fhir;

import java.util.Date;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.homeward.referral.AdmissionView;
import org.homeward.ward.VirtualWard;

/**
 * A virtual-ward stay as a UK Core Encounter: in progress while the patient is admitted, finished at discharge; class
 * HH (home health, HL7 v3 ActCode), the ward as its location, the accountable clinician as the attending
 * participant and, once discharged, the length of stay and where the patient went. It is part of the referral's
 * episode of care ({@code EpisodeOfCare/{referral id}}), and its service provider is the organisation hosting the
 * ward.
 */
final class EncounterTranslator {

    static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
    static final String PARTICIPATION_TYPE = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";

    private EncounterTranslator() {
    }

    static Encounter toFhir(AdmissionView admission, VirtualWard ward) {
        Encounter encounter = new Encounter();
        encounter.setId(admission.id().value().toString());
        encounter.getMeta().addProfile(UkCore.profile("Encounter"));
        encounter.addIdentifier(new Identifier().setSystem(UkCore.HOMEWARD_ID + "admission")
                .setValue(admission.id().value().toString()));
        encounter.setStatus(admission.isOpen() ? Encounter.EncounterStatus.INPROGRESS
                : Encounter.EncounterStatus.FINISHED);
        encounter.setClass_(new Coding(ACT_CODE, "HH", "home health"));
        encounter.addType(new CodeableConcept().setText("Virtual ward (Hospital at Home) admission"));
        encounter.setSubject(new Reference("Patient/" + admission.patientId().value()));
        encounter.addEpisodeOfCare(new Reference("EpisodeOfCare/" + admission.referralId().value()));
        encounter.setServiceProvider(new Reference("Organization/" + ward.hostOrganisationId().value()));
        Period period = new Period().setStart(Date.from(admission.admittedAt()));
        if (admission.dischargedAt() != null) {
            period.setEnd(Date.from(admission.dischargedAt()));
        }
        encounter.setPeriod(period);
        encounter.addLocation().setLocation(new Reference().setIdentifier(new Identifier()
                .setSystem(UkCore.HOMEWARD_ID + "ward").setValue(ward.id().value().toString()))
                .setDisplay(ward.name()));
        encounter.addParticipant().addType(new CodeableConcept(new Coding(PARTICIPATION_TYPE, "ATND", "attender")))
                .setIndividual(new Reference("Practitioner/" + admission.accountableClinicianId().value())
                        .setDisplay(admission.accountableClinicianName()));
        if (admission.lengthOfStayDays() != null) {
            org.hl7.fhir.r4.model.Duration length = new org.hl7.fhir.r4.model.Duration();
            length.setValue(admission.lengthOfStayDays()).setUnit("days").setSystem(UkCore.UCUM).setCode("d");
            encounter.setLength(length);
        }
        if (admission.dischargeDestination() != null) {
            encounter.getHospitalization().setDischargeDisposition(new CodeableConcept()
                    .setText(admission.dischargeDestination().label()));
        }
        return encounter;
    }
}
