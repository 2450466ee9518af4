package org.homeward.fhir;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.homeward.observation.ObservationParameter;
import org.homeward.observation.ObservationService;
import org.homeward.observation.ScoredSet;
import org.homeward.observation.StoredReading;
import org.homeward.patient.PatientRecord;
import org.homeward.patient.PatientService;
import org.homeward.referral.AdmissionView;
import org.homeward.referral.ReferralService;
import org.homeward.security.CurrentUser;
import org.homeward.security.Organisation;
import org.homeward.security.SecurityService;
import org.homeward.shared.AdmissionId;
import org.homeward.ward.VirtualWard;
import org.homeward.ward.WardService;
import org.springframework.stereotype.Component;

/**
 * Makes a finished stay's virtual-ward summary as NHS England's draft virtual-ward standard describes it
 * ("Supplementary RM Data", 2023): a UK Core collection Bundle with the Patient, the Organization hosting the ward,
 * the Encounter (the stay), a DocumentReference carrying the summary as a PDF ({@link VirtualWardSummaryPdf}) and the
 * stay's observations with their NEWS2 or PEWS totals, each entry addressed by {@code urn:uuid} and the references
 * between them pointing at those addresses. Everything is read through the modules' services as the given user
 * (their care-team rule and audit apply).
 */
@Component
class VirtualWardSummaryBuilder {

    /** SNOMED CT 371534008 |Summary report (record artifact)|, the draft's DocumentReference.type. */
    static final String SUMMARY_REPORT = "371534008";

    record Made(Bundle bundle, byte[] pdf) {
    }

    private final ReferralService referrals;
    private final PatientService patients;
    private final ObservationService observations;
    private final WardService wards;
    private final SecurityService security;
    private final VirtualWardSummaryPdf pdfs;
    private final Clock clock;

    VirtualWardSummaryBuilder(ReferralService referrals, PatientService patients, ObservationService observations,
            WardService wards, SecurityService security, VirtualWardSummaryPdf pdfs, Clock clock) {
        this.referrals = referrals;
        this.patients = patients;
        this.observations = observations;
        this.wards = wards;
        this.security = security;
        this.pdfs = pdfs;
        this.clock = clock;
    }

    Made make(CurrentUser user, AdmissionId admissionId) {
        AdmissionView admission = referrals.visibleAdmission(user, admissionId);
        if (admission.isOpen()) {
            throw new IllegalStateException("admission " + admissionId.value() + " is not discharged");
        }
        VirtualWard ward = wards.ward(admission.wardId());
        Organisation host = security.organisation(ward.hostOrganisationId());
        PatientRecord record = patients.record(user, admission.patientId());
        // the stay: from admission to discharge, both included
        Instant from = admission.admittedAt();
        Instant to = admission.dischargedAt().plusMillis(1);
        List<ScoredSet> sets = new ArrayList<>(observations.scoredBetween(user, admission.patientId(), from, to));
        sets.sort(Comparator.comparing(ScoredSet::takenAt));
        Set<ObservationParameter> offered = EnumSet.noneOf(ObservationParameter.class);
        for (ObservationCode code : ObservationCode.values()) {
            offered.add(code.parameter);
        }
        List<StoredReading> readings = observations.readings(user, admission.patientId(), offered, from, to).stream()
                .filter(r -> ObservationCode.offered(r.parameter())).toList();
        Instant now = clock.instant();
        byte[] pdf = pdfs.render(record, admission, ward, host, sets, now);

        String patientUrl = urn(record.summary().id().value());
        String hostUrl = urn(host.id().value());
        String stayUrl = urn(admission.id().value());

        Bundle bundle = new Bundle();
        bundle.setId(admission.id().value().toString());
        bundle.getMeta().addProfile(UkCore.profile("Bundle"));
        bundle.setIdentifier(new Identifier().setSystem(UkCore.HOMEWARD_ID + "virtual-ward-summary")
                .setValue(admission.id().value().toString()));
        bundle.setType(Bundle.BundleType.COLLECTION);
        bundle.setTimestamp(Date.from(now));

        Patient patient = PatientTranslator.toFhir(record);
        add(bundle, patientUrl, patient);
        add(bundle, hostUrl, OrganizationProvider.toFhir(host));

        Encounter stay = EncounterTranslator.toFhir(admission, ward);
        stay.setSubject(new Reference(patientUrl));
        stay.setServiceProvider(new Reference(hostUrl).setDisplay(host.name()));
        // the collection's references point only at its own entries: the accountable clinician is named, not linked
        stay.getParticipant().forEach(p -> p.getIndividual().setReference(null));
        // and the episode of care (not in the collection) by its identifier, the referral's id
        stay.getEpisodeOfCare().forEach(e -> e.setReference(null).setIdentifier(new Identifier()
                .setSystem(UkCore.HOMEWARD_ID + "referral").setValue(admission.referralId().value().toString())));
        add(bundle, stayUrl, stay);

        DocumentReference document = document(admission, record, host, pdf, now, patientUrl, hostUrl, stayUrl);
        add(bundle, urn(documentId(admission.id())), document);

        for (StoredReading reading : readings) {
            Observation observation = ObservationTranslator.toFhir(reading);
            add(bundle, urn(reading.id()), inStay(observation, patientUrl, stayUrl));
        }
        for (ScoredSet set : sets) {
            if (set.scored()) {
                Observation total = ObservationTranslator.scoreToFhir(admission.patientId(), set);
                add(bundle, urn(UUID.fromString(total.getIdElement().getIdPart())), inStay(total, patientUrl, stayUrl));
            }
        }
        return new Made(bundle, pdf);
    }

    /** The summary document's id: the same for the same stay, so a summary made again replaces the first. */
    static UUID documentId(AdmissionId admission) {
        return UUID.nameUUIDFromBytes(("virtual-ward-summary:" + admission.value()).getBytes(StandardCharsets.UTF_8));
    }

    /** DocumentReference as the draft's population guidance has it: master identifier, type, subject, custodian. */
    static DocumentReference document(AdmissionView admission, PatientRecord record, Organisation host, byte[] pdf,
            Instant made, String patientRef, String hostRef, String stayRef) {
        DocumentReference document = new DocumentReference();
        document.setId(documentId(admission.id()).toString());
        document.getMeta().addProfile(UkCore.profile("DocumentReference"));
        document.setMasterIdentifier(new Identifier().setSystem(UkCore.HOMEWARD_ID + "virtual-ward-summary")
                .setValue(admission.id().value().toString()));
        document.setStatus(Enumerations.DocumentReferenceStatus.CURRENT);
        document.setDocStatus(DocumentReference.ReferredDocumentStatus.FINAL);
        document.setType(new CodeableConcept(new Coding(UkCore.SNOMED, SUMMARY_REPORT,
                "Summary report (record artifact)")).setText("Virtual ward summary"));
        document.setSubject(new Reference(patientRef).setDisplay(record.summary().displayName()));
        document.setDate(Date.from(made));
        document.addAuthor(new Reference(hostRef).setDisplay(host.name()));
        document.setCustodian(new Reference(hostRef).setDisplay(host.name()));
        document.setDescription("Virtual ward stay from " + admission.admissionDate() + " to "
                + admission.dischargeDate());
        document.addContent().setAttachment(new Attachment().setContentType("application/pdf").setLanguage("en-GB")
                .setData(pdf).setTitle("Virtual ward summary").setCreationElement(
                        new org.hl7.fhir.r4.model.DateTimeType(Date.from(made))));
        document.getContext().addEncounter(new Reference(stayRef));
        document.getContext().getPeriod().setStart(Date.from(admission.admittedAt()))
                .setEnd(Date.from(admission.dischargedAt()));
        return document;
    }

    private static Observation inStay(Observation observation, String patientUrl, String stayUrl) {
        observation.setSubject(new Reference(patientUrl));
        observation.setEncounter(new Reference(stayUrl));
        return observation;
    }

    private static void add(Bundle bundle, String fullUrl, Resource resource) {
        bundle.addEntry().setFullUrl(fullUrl).setResource(resource);
    }

    private static String urn(UUID id) {
        return "urn:uuid:" + id;
    }
}
