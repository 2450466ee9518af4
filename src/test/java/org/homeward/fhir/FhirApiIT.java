package org.homeward.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BasicAuthInterceptor;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.homeward.medication.Allergy;
import org.homeward.medication.AllergyCertainty;
import org.homeward.medication.AllergyService;
import org.homeward.medication.AllergySeverity;
import org.homeward.medication.DoseUnit;
import org.homeward.medication.FormularyEntry;
import org.homeward.medication.FormularyService;
import org.homeward.medication.Frequency;
import org.homeward.medication.Prescribe;
import org.homeward.medication.Prescription;
import org.homeward.medication.PrescriptionService;
import org.homeward.medication.Route;
import org.homeward.medication.SaveFormularyEntry;
import org.homeward.medication.StopPrescription;
import org.homeward.medication.SubstanceClass;
import org.homeward.medication.NoKnownAllergies;
import org.homeward.medication.ReactionKind;
import org.homeward.medication.RecordAllergy;
import org.homeward.patient.PatientRecord;
import org.homeward.referral.AdmissionView;
import org.homeward.security.CurrentUser;
import org.homeward.security.Organisation;
import org.homeward.security.OrganisationType;
import org.homeward.security.Role;
import org.homeward.shared.PatientId;
import org.homeward.support.Api;
import org.homeward.support.Fixtures;
import org.homeward.support.IntegrationTest;
import org.homeward.ward.VirtualWard;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The FHIR API over real HTTP with HAPI's own client, each caller signed in to their own organisation: the acute
 * trust hosts the ward and admits, the community provider visits (in the care team through the ward's rule), an
 * organisation outside the care team is answered as if the patient did not exist.
 */
@IntegrationTest
class FhirApiIT {

    static final FhirContext FHIR = FhirContext.forR4Cached();

    static {
        FHIR.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        // a loaded CI machine answers slowly; the default 10 s read timeout is a machine-speed assumption
        FHIR.getRestfulClientFactory().setSocketTimeout(120_000);
    }

    @Autowired Fixtures fixtures;
    @Autowired Api api;
    @Autowired JdbcClient jdbc;
    @Autowired AllergyService allergies;
    @Autowired FormularyService formulary;
    @Autowired PrescriptionService prescriptions;

    CurrentUser consultant;
    CurrentUser communityNurse;
    CurrentUser outsider;
    VirtualWard ward;
    PatientRecord patient;
    AdmissionView admission;

    @BeforeEach
    void setUp() {
        Organisation acute = fixtures.organisation(OrganisationType.ACUTE_TRUST);
        Organisation community = fixtures.organisation(OrganisationType.COMMUNITY_PROVIDER);
        consultant = fixtures.user(Role.SENIOR_DECISION_MAKER, acute);
        CurrentUser referrer = fixtures.user(Role.CLINICIAN, acute);
        communityNurse = fixtures.user(Role.CLINICIAN, community);
        outsider = fixtures.user(Role.CLINICIAN, fixtures.organisation(OrganisationType.ACUTE_TRUST));
        ward = fixtures.ward(acute, 10, List.of(community));
        patient = fixtures.patient(referrer, LocalDate.of(1944, 5, 6));
        admission = fixtures.admit(patient, ward, referrer, consultant);
    }

    IGenericClient client(CurrentUser user) {
        IGenericClient client = FHIR.newRestfulGenericClient(api.baseUrl() + "/fhir");
        client.registerInterceptor(new BasicAuthInterceptor(user.username(), Fixtures.PASSWORD));
        return client;
    }

    String patientId() {
        return patient.summary().id().value().toString();
    }

    @Test
    void theCareTeamReadsThePatientAsUkCoreAndAnotherOrganisationFindsNobody() {
        Patient read = client(communityNurse).read().resource(Patient.class).withId(patientId()).execute();
        assertThat(read.getMeta().getProfile().get(0).getValue())
                .isEqualTo("https://fhir.hl7.org.uk/StructureDefinition/UKCore-Patient");
        assertThat(read.getIdentifierFirstRep().getSystem()).isEqualTo("https://fhir.nhs.uk/Id/nhs-number");
        assertThat(read.getIdentifierFirstRep().getValue()).isEqualTo(patient.summary().nhsNumber().value());
        assertThat(read.getNameFirstRep().getFamily()).isEqualTo(patient.summary().familyName());
        assertThat(read.getBirthDateElement().getValueAsString()).isEqualTo("1944-05-06");
        assertThat(read.getExtensionByUrl(UkCore.ETHNIC_CATEGORY)).isNotNull();

        Bundle found = client(consultant).search().forResource(Patient.class)
                .where(Patient.IDENTIFIER.exactly().systemAndCode(UkCore.NHS_NUMBER, patient.summary().nhsNumber().value()))
                .returnBundle(Bundle.class).execute();
        assertThat(found.getEntry()).hasSize(1);

        assertThatThrownBy(() -> client(outsider).read().resource(Patient.class).withId(patientId()).execute())
                .isInstanceOf(ResourceNotFoundException.class);
        Bundle none = client(outsider).search().forResource(Patient.class)
                .where(Patient.IDENTIFIER.exactly().systemAndCode(UkCore.NHS_NUMBER, patient.summary().nhsNumber().value()))
                .returnBundle(Bundle.class).execute();
        assertThat(none.getEntry()).isEmpty();
        // the read is audited against the patient like any other read, naming the FHIR caller
        assertThat(jdbc.sql("select count(*) from audit_event where patient_id = ? and username = ? and action = 'READ'")
                .param(patient.summary().id().value()).param(communityNurse.username()).query(Long.class).single())
                .isPositive();
    }

    @Test
    void aPatientIsRegisteredFromAUkCorePatientAndABadOneIsRefusedNamingThePathWithNothingWritten() {
        String nhsNumber = Fixtures.newNhsNumber();
        MethodOutcome created = client(consultant).create().resource(newPatient(nhsNumber, "A")).execute();
        assertThat(created.getCreated()).isTrue();
        Patient stored = client(consultant).read().resource(Patient.class).withId(created.getId().getIdPart()).execute();
        assertThat(stored.getIdentifierFirstRep().getValue()).isEqualTo(nhsNumber);

        String wrongCheckDigit = nhsNumber.substring(0, 9) + ((nhsNumber.charAt(9) - '0' + 1) % 10);
        assertThatThrownBy(() -> client(consultant).create().resource(newPatient(wrongCheckDigit, "A")).execute())
                .isInstanceOfSatisfying(UnprocessableEntityException.class, e -> {
                    OperationOutcome outcome = (OperationOutcome) e.getOperationOutcome();
                    assertThat(outcome.getIssueFirstRep().getExpression().get(0).getValue())
                            .isEqualTo("Patient.identifier[0].value");
                    assertThat(outcome.getIssueFirstRep().getDiagnostics()).contains("check digit");
                });
        String another = Fixtures.newNhsNumber();
        assertThatThrownBy(() -> client(consultant).create().resource(newPatient(another, "Q")).execute())
                .isInstanceOfSatisfying(UnprocessableEntityException.class, e -> assertThat(
                        ((OperationOutcome) e.getOperationOutcome()).getIssueFirstRep().getExpression().get(0).getValue())
                        .isEqualTo("Patient.extension[0].valueCodeableConcept.coding[0].code"));
        assertThat(jdbc.sql("select count(*) from patient where nhs_number in (?, ?)").param(wrongCheckDigit)
                .param(another).query(Long.class).single()).isZero();
    }

    @Test
    void anUpdateCorrectsTheChangedDetailsWithHistoryAndNeverOverwritesANewerRecord() {
        IGenericClient nurse = client(communityNurse);
        Patient current = nurse.read().resource(Patient.class).withId(patientId()).execute();
        String version = current.getMeta().getVersionId();
        current.getNameFirstRep().setFamily("Okonkwo-" + current.getNameFirstRep().getFamily());
        current.getAddressFirstRep().setPostalCode("DT2 9ZZ");
        MethodOutcome updated = nurse.update().resource(current).withId(current.getIdElement()).execute();
        Patient after = nurse.read().resource(Patient.class).withId(patientId()).execute();
        assertThat(after.getNameFirstRep().getFamily()).startsWith("Okonkwo-");
        assertThat(after.getAddressFirstRep().getPostalCode()).isEqualTo("DT2 9ZZ");
        assertThat(after.getMeta().getVersionId()).isNotEqualTo(version);
        assertThat(updated.getId().getIdPart()).isEqualTo(patientId());
        assertThat(jdbc.sql("select count(*) from patient_change where patient_id = ? and username = ?")
                .param(patient.summary().id().value()).param(communityNurse.username()).query(Long.class).single())
                .isEqualTo(2);

        // the version the sender read is stale now: refused, nothing written
        Patient stale = current.copy();
        stale.getNameFirstRep().setFamily("Stale");
        stale.setIdElement(new org.hl7.fhir.r4.model.IdType("Patient", patientId(), version));
        assertThatThrownBy(() -> nurse.update().resource(stale).withId(stale.getIdElement()).execute())
                .isInstanceOf(ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException.class);
        Patient changedNhsNumber = after.copy();
        changedNhsNumber.getIdentifierFirstRep().setValue(Fixtures.newNhsNumber());
        assertThatThrownBy(() -> nurse.update().resource(changedNhsNumber).withId(patientId()).execute())
                .isInstanceOfSatisfying(UnprocessableEntityException.class, e -> assertThat(
                        ((OperationOutcome) e.getOperationOutcome()).getIssueFirstRep().getExpression().get(0).getValue())
                        .isEqualTo("Patient.identifier"));
        assertThat(nurse.read().resource(Patient.class).withId(patientId()).execute().getNameFirstRep().getFamily())
                .startsWith("Okonkwo-");
        assertThatThrownBy(() -> client(outsider).update().resource(after).withId(patientId()).execute())
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void aDeviceReadingIsStoredOnceAndReadBackWithItsCodes() {
        Observation heartRate = vital("8867-4", 88, "/min", "hr-" + UUID.randomUUID());
        MethodOutcome first = client(communityNurse).create().resource(heartRate).execute();
        assertThat(first.getCreated()).isTrue();
        MethodOutcome retry = client(communityNurse).create().resource(heartRate).execute();
        assertThat(retry.getCreated()).isNotEqualTo(Boolean.TRUE);
        assertThat(retry.getId().getIdPart()).isEqualTo(first.getId().getIdPart());
        assertThat(readingsOf("HEART_RATE")).isEqualTo(1);

        Observation read = client(consultant).read().resource(Observation.class).withId(first.getId().getIdPart())
                .execute();
        assertThat(read.getCode().getCoding()).extracting(Coding::getCode).contains("8867-4", "364075005");
        assertThat(read.getValueQuantity().getValue()).isEqualByComparingTo(new BigDecimal("88"));
        assertThat(read.getValueQuantity().getCode()).isEqualTo("/min");

        assertThatThrownBy(() -> client(communityNurse).create().resource(vital("99999-9", 1, "/min", "x-" + UUID.randomUUID()))
                .execute()).isInstanceOfSatisfying(UnprocessableEntityException.class, e -> assertThat(
                        ((OperationOutcome) e.getOperationOutcome()).getIssueFirstRep().getExpression().get(0).getValue())
                        .isEqualTo("Observation.code"));
        assertThatThrownBy(() -> client(communityNurse).create().resource(vital("8310-5", 99, "[degF]", "t-" + UUID.randomUUID()))
                .execute()).isInstanceOfSatisfying(UnprocessableEntityException.class, e -> assertThat(
                        ((OperationOutcome) e.getOperationOutcome()).getIssueFirstRep().getExpression().get(0).getValue())
                        .isEqualTo("Observation.valueQuantity.code"));
        assertThat(readingsOf("TEMPERATURE")).isZero();
        assertThatThrownBy(() -> client(outsider).create().resource(vital("8867-4", 80, "/min", "o-" + UUID.randomUUID()))
                .execute()).isInstanceOfSatisfying(UnprocessableEntityException.class, e -> assertThat(
                        ((OperationOutcome) e.getOperationOutcome()).getIssueFirstRep().getExpression().get(0).getValue())
                        .isEqualTo("Observation.subject"));
    }

    @Test
    void aTransactionOfVitalSignsRaisesItsAlertInTheSameTransactionAndIsSearchable() {
        Instant at = Instant.now().minus(2, ChronoUnit.MINUTES);
        Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        add(transaction, vitalAt("9279-1", 27, "/min", at));
        add(transaction, vitalAt("2708-6", 90, "%", at));
        add(transaction, vitalAt("8867-4", 135, "/min", at));
        add(transaction, vitalAt("8480-6", 88, "mm[Hg]", at));
        add(transaction, vitalAt("8310-5", 39.4, "Cel", at));
        add(transaction, coded("1104441000000107", "248234008", at));
        add(transaction, coded("722742002", null, at));
        Bundle response = client(communityNurse).transaction().withBundle(transaction).execute();
        assertThat(response.getType()).isEqualTo(Bundle.BundleType.TRANSACTIONRESPONSE);
        assertThat(response.getEntry()).hasSize(7).allSatisfy(e -> {
            assertThat(e.getResponse().getStatus()).startsWith("201");
            assertThat(e.getResponse().getLocation()).startsWith("Observation/");
        });
        // NEWS2: RR 27 (3), SpO2 90 (3), air (0), SBP 88 (3), HR 135 (3), alert (0), 39.4 (2) = 14
        assertThat(jdbc.sql("select count(*) from alert where patient_id = ? and status <> 'CLOSED'")
                .param(patient.summary().id().value()).query(Long.class).single()).isEqualTo(1);
        Bundle flags = client(consultant).search().forResource(Flag.class)
                .where(Flag.PATIENT.hasId(patientId())).and(new ca.uhn.fhir.rest.gclient.TokenClientParam("status")
                        .exactly().code("active")).returnBundle(Bundle.class).execute();
        assertThat(flags.getEntry()).hasSize(1);
        assertThat(((Flag) flags.getEntryFirstRep().getResource()).getCode().getText()).contains("NEWS2 14");
        // with its patient in the same answer, the patient's record read (and audited) once
        long patientReads = consultantsReadsOfThePatient();
        Bundle flagsWithPatient = client(consultant).search().forResource(Flag.class)
                .where(Flag.PATIENT.hasId(patientId())).include(Flag.INCLUDE_PATIENT).returnBundle(Bundle.class)
                .execute();
        assertThat(flagsWithPatient.getEntry()).extracting(e -> e.getResource().fhirType())
                .containsExactlyInAnyOrder("Flag", "Patient");
        assertThat(flagsWithPatient.getEntry()).filteredOn(e -> e.getResource() instanceof Patient)
                .extracting(e -> e.getSearch().getMode()).containsExactly(Bundle.SearchEntryMode.INCLUDE);
        assertThat(consultantsReadsOfThePatient()).isEqualTo(patientReads + 1);

        Bundle news2 = client(consultant).search().forResource(Observation.class)
                .where(Observation.PATIENT.hasId(patientId()))
                .and(Observation.CODE.exactly().systemAndCode(UkCore.SNOMED, ObservationTranslator.NEWS2_TOTAL))
                .returnBundle(Bundle.class).execute();
        assertThat(news2.getEntry()).hasSize(1);
        Bundle withPatient = client(consultant).search().forResource(Observation.class)
                .where(Observation.PATIENT.hasId(patientId()))
                .and(Observation.CODE.exactly().systemAndCode(UkCore.LOINC, "8867-4"))
                .include(Observation.INCLUDE_PATIENT).returnBundle(Bundle.class).execute();
        assertThat(withPatient.getEntry()).extracting(e -> e.getResource().fhirType())
                .containsExactlyInAnyOrder("Observation", "Patient");
        assertThat(withPatient.getEntry()).filteredOn(e -> e.getResource() instanceof Patient)
                .extracting(e -> e.getSearch().getMode()).containsExactly(Bundle.SearchEntryMode.INCLUDE);
        assertThat(((Observation) news2.getEntryFirstRep().getResource()).getValueQuantity().getValue().intValue())
                .isEqualTo(14);

        // paged: 2 of the 5 vital signs, then the next page by the link the server wrote
        Bundle page = client(consultant).search().forResource(Observation.class)
                .where(Observation.PATIENT.hasId(patientId()))
                .and(Observation.CATEGORY.exactly().code("vital-signs"))
                .count(2).returnBundle(Bundle.class).execute();
        assertThat(page.getEntry()).hasSize(2);
        assertThat(page.getTotal()).isEqualTo(5);
        Bundle next = client(consultant).loadPage().next(page).execute();
        assertThat(next.getEntry()).hasSize(2);
        assertThat(next.getEntry()).extracting(e -> e.getResource().getIdPart())
                .doesNotContainAnyElementsOf(page.getEntry().stream().map(e -> e.getResource().getIdPart()).toList());
    }

    @Test
    void aMalformedBundleAWrongTypeAndAnEmptyOneAreRefusedNamingWhyWithNothingWritten() {
        Bundle good = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        add(good, vitalAt("8867-4", 80, "/min", Instant.now().minus(1, ChronoUnit.MINUTES)));
        String json = FHIR.newJsonParser().encodeResourceToString(good);

        // cut short after the first entry's heart rate: not JSON
        Api.RawResponse truncated = api.raw("POST", "/fhir", communityNurse, json.substring(0, json.indexOf("valueQuantity")));
        assertThat(truncated.status()).as(truncated.toString()).isEqualTo(400);
        assertThat(truncated.body()).contains("OperationOutcome").doesNotContain("at org.").doesNotContain("Exception:");

        // a collection is not something to store
        Api.RawResponse collection = api.raw("POST", "/fhir", communityNurse,
                json.replace("\"transaction\"", "\"collection\""));
        assertThat(collection.status()).as(collection.toString()).isBetween(400, 499);
        assertThat(collection.body()).contains("OperationOutcome").contains("Bundle.type").contains("collection");

        // a transaction with no entries
        Api.RawResponse empty = api.raw("POST", "/fhir", communityNurse,
                FHIR.newJsonParser().encodeResourceToString(new Bundle().setType(Bundle.BundleType.TRANSACTION)));
        assertThat(empty.status()).as(empty.toString()).isBetween(400, 499);
        assertThat(empty.body()).contains("OperationOutcome").contains("Bundle.entry").contains("no entries");

        assertThat(readingsOf("HEART_RATE")).as("nothing stored by any of them").isZero();
        // the same Bundle whole is stored: what was refused was the damage, not the readings
        assertThat(api.raw("POST", "/fhir", communityNurse, json).status()).isEqualTo(200);
        assertThat(readingsOf("HEART_RATE")).isEqualTo(1);
    }

    @Test
    void aTransactionWithOneBadEntryStoresNothingAndABatchStoresTheGoodOnes() {
        Instant at = Instant.now().minus(1, ChronoUnit.MINUTES);
        Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        add(transaction, vitalAt("8867-4", 80, "/min", at));
        add(transaction, vitalAt("2708-6", 140, "%", at));
        add(transaction, vitalAt("8310-5", 37, "[degF]", at));
        assertThatThrownBy(() -> client(communityNurse).transaction().withBundle(transaction).execute())
                .isInstanceOfSatisfying(UnprocessableEntityException.class, e -> assertThat(
                        ((OperationOutcome) e.getOperationOutcome()).getIssue()).extracting(i -> i.getExpression().isEmpty()
                                ? "" : i.getExpression().get(0).getValue())
                        .contains("Bundle.entry[2].resource.valueQuantity.code"));
        assertThat(readingsOf("HEART_RATE")).isZero();

        Bundle batch = new Bundle().setType(Bundle.BundleType.BATCH);
        batch.getEntry().addAll(transaction.getEntry());
        Bundle response = client(communityNurse).transaction().withBundle(batch).execute();
        assertThat(response.getEntry()).extracting(e -> e.getResponse().getStatus().substring(0, 3))
                .containsExactly("201", "422", "422");
        assertThat(((OperationOutcome) response.getEntry().get(1).getResponse().getOutcome()).getIssueFirstRep()
                .getExpression().get(0).getValue()).isEqualTo("Bundle.entry[1].resource.value[x]");
        assertThat(readingsOf("HEART_RATE")).isEqualTo(1);
        assertThat(readingsOf("OXYGEN_SATURATION")).isZero();
    }

    @Test
    void theStayIsAnEncounterInProgressOnItsWardThenFinished() {
        Bundle onWard = client(consultant).search().forResource(Encounter.class)
                .where(new ca.uhn.fhir.rest.gclient.TokenClientParam("ward").exactly().code(ward.id().value().toString()))
                .and(Encounter.STATUS.exactly().code("in-progress")).returnBundle(Bundle.class).execute();
        assertThat(onWard.getEntry()).hasSize(1);
        Encounter stay = (Encounter) onWard.getEntryFirstRep().getResource();
        assertThat(stay.getSubject().getReference()).isEqualTo("Patient/" + patientId());
        assertThat(stay.getClass_().getCode()).isEqualTo("HH");
        assertThat(stay.getLocationFirstRep().getLocation().getDisplay()).isEqualTo(ward.name());

        Bundle outsiders = client(outsider).search().forResource(Encounter.class)
                .where(new ca.uhn.fhir.rest.gclient.TokenClientParam("ward").exactly().code(ward.id().value().toString()))
                .returnBundle(Bundle.class).execute();
        assertThat(outsiders.getEntry()).isEmpty();
        // reading the stay by its id from outside the care team: 404, as for an id that does not exist
        assertThatThrownBy(() -> client(outsider).read().resource(Encounter.class).withId(stay.getIdPart()).execute())
                .isInstanceOf(ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException.class);
        Bundle byPatient = client(communityNurse).search().forResource(Encounter.class)
                .where(Encounter.PATIENT.hasId(patientId())).returnBundle(Bundle.class).execute();
        assertThat(byPatient.getEntry()).hasSize(1);

        // the community nurse follows the stay to its accountable clinician at the acute trust
        String clinician = stay.getParticipantFirstRep().getIndividual().getReference();
        assertThat(clinician).isEqualTo("Practitioner/" + consultant.id().value());
        Practitioner practitioner = client(communityNurse).read().resource(Practitioner.class)
                .withId(consultant.id().value().toString()).execute();
        assertThat(practitioner.getNameFirstRep().getText()).isEqualTo(consultant.displayName());
        assertThat(practitioner.getActive()).isTrue();
        PractitionerRole role = client(communityNurse).read().resource(PractitionerRole.class)
                .withId(consultant.id().value().toString()).execute();
        assertThat(role.getOrganization().getReference()).isEqualTo("Organization/" + consultant.organisationId().value());
        assertThat(role.getCodeFirstRep().getText()).contains(Role.SENIOR_DECISION_MAKER.label());
        assertThatThrownBy(() -> client(communityNurse).read().resource(Practitioner.class)
                .withId(UUID.randomUUID().toString()).execute()).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void theVisitingTeamReadsTheAllergiesTheAcuteTrustRecordedAndAnEntryInErrorNeverReadsAsInForce() {
        PatientId id = patient.summary().id();
        NoKnownAllergies none = allergies.recordNoKnownAllergies(consultant, id);
        Allergy penicillin = allergies.record(consultant, id, new RecordAllergy("Penicillin", null, null,
                "Anaphylaxis", AllergySeverity.LIFE_THREATENING, AllergyCertainty.CONFIRMED, ReactionKind.ALLERGY, null));
        Allergy wrongPatient = allergies.record(consultant, id, new RecordAllergy("Latex", null, null, "Contact rash",
                AllergySeverity.MILD, AllergyCertainty.SUSPECTED, ReactionKind.ALLERGY, null));
        allergies.enterInError(consultant, wrongPatient.id(), "Recorded on the wrong patient's record");

        // the community provider's nurse, in another organisation, reads them before a visit
        Bundle all = client(communityNurse).search().forResource(AllergyIntolerance.class)
                .where(AllergyIntolerance.PATIENT.hasId(patientId())).returnBundle(Bundle.class).execute();
        assertThat(all.getEntry()).extracting(e -> e.getResource().getIdElement().getIdPart())
                .as("the statement of no known allergies was superseded by the penicillin allergy")
                .containsExactlyInAnyOrder(penicillin.id().toString(), wrongPatient.id().toString());
        AllergyIntolerance inError = all.getEntry().stream().map(e -> (AllergyIntolerance) e.getResource())
                .filter(a -> a.getIdPart().equals(wrongPatient.id().toString())).findFirst().orElseThrow();
        assertThat(inError.hasClinicalStatus()).isFalse();
        assertThat(inError.getVerificationStatus().getCodingFirstRep().getCode()).isEqualTo("entered-in-error");

        Bundle active = client(communityNurse).search().forResource(AllergyIntolerance.class)
                .where(AllergyIntolerance.PATIENT.hasId(patientId()))
                .and(AllergyIntolerance.CLINICAL_STATUS.exactly().code("active")).returnBundle(Bundle.class).execute();
        assertThat(active.getEntry()).hasSize(1);
        AllergyIntolerance inForce = (AllergyIntolerance) active.getEntryFirstRep().getResource();
        assertThat(inForce.getCode().getText()).isEqualTo("Penicillin");
        assertThat(inForce.getCriticality()).isEqualTo(AllergyIntolerance.AllergyIntoleranceCriticality.HIGH);
        assertThat(inForce.getReactionFirstRep().getManifestationFirstRep().getText()).isEqualTo("Anaphylaxis");

        // the superseded statement is still readable by its id, as inactive
        AllergyIntolerance statement = client(communityNurse).read().resource(AllergyIntolerance.class)
                .withId(none.id().toString()).execute();
        assertThat(statement.getCode().getCodingFirstRep().getCode()).isEqualTo("716186003");
        assertThat(statement.getClinicalStatus().getCodingFirstRep().getCode()).isEqualTo("inactive");

        // outside the care team: the patient is answered as if they did not exist, and an allergy and a statement
        // get the same 404 as an id nobody holds
        assertThatThrownBy(() -> client(outsider).search().forResource(AllergyIntolerance.class)
                .where(AllergyIntolerance.PATIENT.hasId(patientId())).returnBundle(Bundle.class).execute())
                .isInstanceOf(ResourceNotFoundException.class);
        for (UUID record : List.of(penicillin.id(), none.id(), UUID.randomUUID())) {
            assertThatThrownBy(() -> client(outsider).read().resource(AllergyIntolerance.class)
                    .withId(record.toString()).execute()).isInstanceOf(ResourceNotFoundException.class)
                    .hasMessageContaining("AllergyIntolerance/" + record + " is not known");
        }
        Api.RawResponse badStatus = api.raw("GET", "/fhir/AllergyIntolerance?patient=" + patientId()
                + "&clinical-status=resolved", communityNurse, null);
        // as the other searches refuse a status they do not know: 422 with an OperationOutcome naming the parameter
        assertThat(badStatus.status()).isEqualTo(422);
        assertThat(badStatus.body()).contains("clinical-status").contains("resolved");
        // each read audited against the patient, naming the community nurse
        assertThat(jdbc.sql("""
                select count(*) from audit_event where patient_id = ? and username = ? and action = 'READ'
                and record_type = 'Allergy'""").param(id.value()).param(communityNurse.username())
                .query(Long.class).single()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void theGpReadsThePrescriptionsForHomeInForceAndStoppedAndAnotherOrganisationNone() {
        Organisation acute = fixtures.organisation(OrganisationType.ACUTE_TRUST);
        String practice = Fixtures.newPracticeCode();
        CurrentUser gp = fixtures.user(Role.SENIOR_DECISION_MAKER, fixtures.gpOrganisation(practice));
        CurrentUser referrer = fixtures.user(Role.REFERRER, acute);
        CurrentUser prescriber = fixtures.user(Role.SENIOR_DECISION_MAKER, acute);
        CurrentUser pharmacist = fixtures.user(Role.PHARMACIST, acute);
        PatientRecord registered = fixtures.patient(referrer, LocalDate.of(1941, 8, 30), practice);
        fixtures.admit(registered, fixtures.ward(acute, 5, List.of()), referrer, prescriber);
        PatientId id = registered.summary().id();
        FormularyEntry ceftriaxone = formulary.add(pharmacist, new SaveFormularyEntry("Ceftriaxone",
                "powder for solution for injection", Fixtures.unique("vial "), EnumSet.of(Route.INTRAVENOUS),
                DoseUnit.G, BigDecimal.ONE, new BigDecimal("4"), new BigDecimal("50"), new BigDecimal("80"),
                new BigDecimal("4"), true, false, false, true, SubstanceClass.CEPHALOSPORINS, null, null,
                "BNF, Ceftriaxone", null));
        FormularyEntry furosemide = formulary.add(pharmacist, new SaveFormularyEntry("Furosemide", "tablets",
                Fixtures.unique("40 mg "), EnumSet.of(Route.ORAL), DoseUnit.MG, new BigDecimal("20"),
                new BigDecimal("160"), null, null, null, false, false, false, false, SubstanceClass.LOOP_DIURETICS,
                null, null, "BNF, Furosemide", null));
        allergies.recordNoKnownAllergies(prescriber, id);
        Prescription antibiotic = prescriptions.prescribe(prescriber, id, new Prescribe(ceftriaxone.id(),
                new BigDecimal("2"), DoseUnit.G, Route.INTRAVENOUS, Frequency.ONCE_DAILY, List.of(LocalTime.of(8, 0)),
                null, null, "Community-acquired pneumonia", null, List.of()));
        Prescription diuretic = prescriptions.prescribe(prescriber, id, new Prescribe(furosemide.id(),
                new BigDecimal("40"), DoseUnit.MG, Route.ORAL, Frequency.ONCE_DAILY, List.of(LocalTime.of(8, 0)),
                null, null, "Heart failure", null, List.of()));
        prescriptions.stop(prescriber, diuretic.id(), new StopPrescription("Dehydrated: held until reviewed"));

        Bundle all = client(gp).search().forResource(MedicationRequest.class)
                .where(MedicationRequest.PATIENT.hasId(id.value().toString())).returnBundle(Bundle.class).execute();
        assertThat(all.getEntry()).extracting(e -> e.getResource().getIdElement().getIdPart())
                .containsExactly(antibiotic.id().toString(), diuretic.id().toString());
        Bundle active = client(gp).search().forResource(MedicationRequest.class)
                .where(MedicationRequest.PATIENT.hasId(id.value().toString()))
                .and(MedicationRequest.STATUS.exactly().code("active")).returnBundle(Bundle.class).execute();
        assertThat(active.getEntry()).hasSize(1);
        MedicationRequest inForce = (MedicationRequest) active.getEntryFirstRep().getResource();
        assertThat(inForce.getMedicationCodeableConcept().getText()).isEqualTo(antibiotic.medicine());
        assertThat(inForce.getDosageInstructionFirstRep().getText()).isEqualTo("2 g intravenous, once daily at 08:00");
        MedicationRequest held = client(gp).read().resource(MedicationRequest.class).withId(diuretic.id().toString())
                .execute();
        assertThat(held.getStatus()).isEqualTo(MedicationRequest.MedicationRequestStatus.STOPPED);
        assertThat(held.getStatusReason().getText()).isEqualTo("Dehydrated: held until reviewed");

        // the community provider of another ward is not in this patient's care team
        assertThatThrownBy(() -> client(communityNurse).read().resource(MedicationRequest.class)
                .withId(antibiotic.id().toString()).execute()).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> client(outsider).search().forResource(MedicationRequest.class)
                .where(MedicationRequest.PATIENT.hasId(id.value().toString())).returnBundle(Bundle.class).execute())
                .isInstanceOf(ResourceNotFoundException.class);
        assertThat(jdbc.sql("""
                select count(*) from audit_event where patient_id = ? and username = ? and action = 'READ'
                and record_type = 'Prescription'""").param(id.value()).param(gp.username()).query(Long.class).single())
                .isEqualTo(3);
    }

    @Test
    void theCapabilityStatementIsPublicAndEverythingElseNeedsASignIn() {
        CapabilityStatement capability = FHIR.newRestfulGenericClient(api.baseUrl() + "/fhir").capabilities()
                .ofType(CapabilityStatement.class).execute();
        assertThat(capability.getFhirVersion().toCode()).isEqualTo("4.0.1");
        assertThat(capability.getRestFirstRep().getResource()).extracting(r -> r.getType())
                .contains("Patient", "Observation", "Encounter", "Flag", "Organization", "AllergyIntolerance", "MedicationRequest",
                        "MedicationAdministration", "ServiceRequest", "DiagnosticReport", "Task", "Practitioner",
                        "PractitionerRole", "EpisodeOfCare");

        Api.RawResponse anonymous = api.raw("GET", "/fhir/Patient/" + patientId(), null, null, null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.body()).contains("OperationOutcome").contains("login");

        Api.RawResponse malformed = api.raw("POST", "/fhir/Observation", communityNurse, "{\"resourceType\": \"Observ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body()).contains("OperationOutcome").doesNotContain("at org.").doesNotContain("Exception:");
    }

    private long consultantsReadsOfThePatient() {
        return jdbc.sql("""
                select count(*) from audit_event where patient_id = ? and username = ? and action = 'READ'
                and record_type = 'Patient'""").param(patient.summary().id().value()).param(consultant.username())
                .query(Long.class).single();
    }

    private long readingsOf(String parameter) {
        return jdbc.sql("select count(*) from observation_reading where patient_id = ? and parameter = ?")
                .param(patient.summary().id().value()).param(parameter).query(Long.class).single();
    }

    private Patient newPatient(String nhsNumber, String ethnicCode) {
        Patient p = new Patient();
        p.addIdentifier().setSystem(UkCore.NHS_NUMBER).setValue(nhsNumber);
        p.addName().setFamily(Fixtures.unique("Okafor")).addGiven("Grace");
        p.setGender(org.hl7.fhir.r4.model.Enumerations.AdministrativeGender.FEMALE);
        p.setBirthDateElement(new org.hl7.fhir.r4.model.DateType("1950-02-03"));
        p.addAddress().addLine("2 Mill Lane").setCity("Dorchester").setPostalCode("DT1 2JY");
        p.addExtension(UkCore.ETHNIC_CATEGORY, new CodeableConcept(new Coding(UkCore.ETHNIC_CATEGORY_CODES, ethnicCode, null)));
        p.addGeneralPractitioner(new Reference().setIdentifier(new Identifier().setSystem(UkCore.ODS_CODE)
                .setValue("J81012")).setDisplay("Dorchester Health Centre"));
        return p;
    }

    private Observation vital(String loinc, double value, String unit, String identifier) {
        Observation o = vitalAt(loinc, value, unit, Instant.now().minus(1, ChronoUnit.MINUTES));
        o.getIdentifier().clear();
        o.addIdentifier().setSystem("https://device-platform.example/readings").setValue(identifier);
        return o;
    }

    private Observation vitalAt(String loinc, double value, String unit, Instant at) {
        Observation o = new Observation();
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.addIdentifier().setValue("r-" + UUID.randomUUID());
        o.addCategory(new CodeableConcept(new Coding(ObservationTranslator.CATEGORY_SYSTEM, "vital-signs", null)));
        o.setCode(new CodeableConcept(new Coding(UkCore.LOINC, loinc, null)));
        o.setSubject(new Reference("Patient/" + patientId()));
        o.setEffective(new DateTimeType(Date.from(at)));
        o.setValue(new Quantity().setValue(value).setSystem(UkCore.UCUM).setCode(unit));
        return o;
    }

    private Observation coded(String snomed, String valueCode, Instant at) {
        Observation o = new Observation();
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.addIdentifier().setValue("r-" + UUID.randomUUID());
        o.setCode(new CodeableConcept(new Coding(UkCore.SNOMED, snomed, null)));
        o.setSubject(new Reference("Patient/" + patientId()));
        o.setEffective(new DateTimeType(Date.from(at)));
        if (valueCode != null) {
            o.setValue(new CodeableConcept(new Coding(UkCore.SNOMED, valueCode, null)));
        }
        return o;
    }

    private static void add(Bundle bundle, Observation observation) {
        bundle.addEntry().setResource(observation).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Observation");
    }
}
