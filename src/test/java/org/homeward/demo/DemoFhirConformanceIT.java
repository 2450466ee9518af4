package org.homeward.demo;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BasicAuthInterceptor;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.homeward.fhir.SummaryPublishing;
import org.homeward.fhir.validation.UkCoreValidator;
import org.homeward.shared.AdmissionId;
import org.homeward.fhir.validation.ValidationOutcome;
import org.homeward.support.Api;
import org.homeward.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every resource type Homeward's FHIR API emits, read over HTTP from the demo service by its own clinicians (after a
 * device platform sends a set of readings for an adult and a child, since the demo records none), validates against
 * UK Core STU2 with no errors: Patient, Organization, Encounter (in progress and finished), Observation (each
 * vital sign, ACVPU, inspired oxygen, the NEWS2 and PEWS totals), Flag, AllergyIntolerance (an allergy, one entered
 * in error, a statement of no known allergies), MedicationRequest (a patient's prescriptions for home), EpisodeOfCare
 * (active and finished),
 * Practitioner and PractitionerRole (the accountable clinician), and a discharge's virtual-ward summary (the
 * collection Bundle, validated whole, and its DocumentReference).
 */
@IntegrationTest
class DemoFhirConformanceIT {

    static final FhirContext FHIR = FhirContext.forR4Cached();

    static {
        FHIR.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        FHIR.getRestfulClientFactory().setSocketTimeout(120_000);
    }

    @Autowired DemoLoader loader;
    @Autowired Api api;
    @Autowired JdbcClient jdbc;
    @Autowired UkCoreValidator validator;
    @Autowired ApplicationContext context;

    @BeforeEach
    void loadOnce() {
        DemoLoadedOnce.load(loader);
    }

    /** The demo's sign-ins: the database is shared with other tests, whose users have other passwords. */
    private static String[] demoUsernames() {
        return DemoLogins.all().stream().map(DemoLogin::username).toArray(String[]::new);
    }

    IGenericClient signedIn(String username) {
        IGenericClient client = FHIR.newRestfulGenericClient(api.baseUrl() + "/fhir");
        client.registerInterceptor(new BasicAuthInterceptor(username, DemoLogins.PASSWORD));
        return client;
    }

    @Test
    void everyEmittedResourceTypeConformsToUkCore() {
        List<IBaseResource> emitted = new ArrayList<>();
        for (boolean child : List.of(false, true)) {
            // an admitted demo patient (the oldest, then the youngest), as their accountable clinician sees them
            Map<String, Object> admitted = jdbc.sql("""
                    select a.patient_id, u.username from admission a
                    join app_user u on u.id = a.accountable_clinician_id
                    join patient p on p.id = a.patient_id
                    where a.discharged_at is null and u.username = any(?)
                    order by case when ? then p.date_of_birth end desc nulls last, p.date_of_birth limit 1""")
                    .params(demoUsernames(), child).query().singleRow();
            UUID patient = (UUID) admitted.get("patient_id");
            IGenericClient client = signedIn((String) admitted.get("username"));
            // the demo records no readings: the patient's device platform sends a set through the FHIR API itself,
            // unwell enough to raise an alert
            Bundle readings = new Bundle().setType(Bundle.BundleType.TRANSACTION);
            Instant at = Instant.now().minus(3, ChronoUnit.MINUTES);
            add(readings, vital(patient, "9279-1", child ? 45 : 26, "/min", at));
            add(readings, vital(patient, "2708-6", 91, "%", at));
            add(readings, vital(patient, "8867-4", child ? 170 : 125, "/min", at));
            add(readings, vital(patient, "8310-5", 38.9, "Cel", at));
            add(readings, vital(patient, child ? "44963-7" : "8480-6", child ? 4 : 95, child ? "s" : "mm[Hg]", at));
            add(readings, coded(patient, "1104441000000107", "248234008", at));
            add(readings, coded(patient, "371825009", null, at));
            client.transaction().withBundle(readings).execute();

            emitted.add(client.read().resource(Patient.class).withId(patient.toString()).execute());
            emitted.addAll(all(client.search().forResource(Observation.class)
                    .where(Observation.PATIENT.hasId(patient.toString())).count(200).returnBundle(Bundle.class).execute()));
            emitted.addAll(all(client.search().forResource(Encounter.class)
                    .where(Encounter.PATIENT.hasId(patient.toString())).returnBundle(Bundle.class).execute()));
            emitted.addAll(all(client.search().forResource(Flag.class)
                    .where(Flag.PATIENT.hasId(patient.toString())).returnBundle(Bundle.class).execute()));
            emitted.addAll(all(client.search().forResource(EpisodeOfCare.class)
                    .where(EpisodeOfCare.PATIENT.hasId(patient.toString())).returnBundle(Bundle.class).execute()));
            UUID clinicianId = jdbc.sql("select id from app_user where username = ?").param(admitted.get("username"))
                    .query(UUID.class).single();
            emitted.add(client.read().resource(Practitioner.class).withId(clinicianId.toString()).execute());
            emitted.add(client.read().resource(PractitionerRole.class).withId(clinicianId.toString()).execute());
            UUID organisation = jdbc.sql("select organisation_id from app_user where username = ?")
                    .param(admitted.get("username")).query(UUID.class).single();
            emitted.add(client.read().resource(Organization.class).withId(organisation.toString()).execute());
        }
        // allergies as the demo recorded them (its patients, under its consultants, not other tests' in the same
        // database): a patient with one entered in error, and one with no known allergies
        for (String which : List.of("""
                select a.patient_id from allergy a join allergy_version v on v.allergy_id = a.id
                join admission ad on ad.patient_id = a.patient_id and ad.discharged_at is null
                join app_user u on u.id = ad.accountable_clinician_id
                where v.entered_in_error and u.username ~ '^consultant[0-9]*$' order by a.patient_id limit 1""", """
                select s.patient_id from allergy_statement s
                join admission ad on ad.patient_id = s.patient_id and ad.discharged_at is null
                join app_user u on u.id = ad.accountable_clinician_id
                where s.superseded_at is null and u.username ~ '^consultant[0-9]*$'
                order by s.patient_id limit 1""")) {
            UUID patient = jdbc.sql(which).query(UUID.class).single();
            String clinician = jdbc.sql("""
                    select u.username from admission a join app_user u on u.id = a.accountable_clinician_id
                    where a.patient_id = ? and a.discharged_at is null""").param(patient).query(String.class).single();
            emitted.addAll(all(signedIn(clinician).search().forResource(AllergyIntolerance.class)
                    .where(AllergyIntolerance.PATIENT.hasId(patient.toString())).returnBundle(Bundle.class).execute()));
        }
        // prescriptions for home: a patient with the most of them, in force and stopped
        UUID prescribed = jdbc.sql("""
                select p.patient_id from prescription p
                join admission ad on ad.patient_id = p.patient_id and ad.discharged_at is null
                join app_user u on u.id = ad.accountable_clinician_id
                where u.username ~ '^consultant[0-9]*$'
                group by p.patient_id order by count(p.stopped_at) desc, count(*) desc, p.patient_id limit 1""")
                .query(UUID.class).single();
        String prescribedClinician = jdbc.sql("""
                select u.username from admission a join app_user u on u.id = a.accountable_clinician_id
                where a.patient_id = ? and a.discharged_at is null""").param(prescribed).query(String.class).single();
        emitted.addAll(all(signedIn(prescribedClinician).search().forResource(MedicationRequest.class)
                .where(MedicationRequest.PATIENT.hasId(prescribed.toString())).returnBundle(Bundle.class).execute()));
        assertThat(emitted.stream().filter(r -> r instanceof AllergyIntolerance).map(r -> (AllergyIntolerance) r)
                .map(a -> a.getVerificationStatus().getCodingFirstRep().getCode() + " "
                        + a.getCode().getCodingFirstRep().getCode()).collect(Collectors.toSet()))
                .as("an allergy entered in error and a statement of no known allergies (SNOMED CT 716186003)")
                .contains("entered-in-error null", "confirmed 716186003");
        // a demo discharge, as its accountable clinician sees it
        Map<String, Object> discharged = jdbc.sql("""
                select a.patient_id, u.username from admission a join app_user u on u.id = a.accountable_clinician_id
                where a.discharged_at is not null and u.username = any(?) order by a.patient_id limit 1""")
                .param(demoUsernames()).query().singleRow();
        IGenericClient clinician = signedIn((String) discharged.get("username"));
        emitted.addAll(all(clinician.search().forResource(Encounter.class)
                .where(Encounter.PATIENT.hasId(discharged.get("patient_id").toString())).returnBundle(Bundle.class)
                .execute()));
        emitted.addAll(all(clinician.search().forResource(EpisodeOfCare.class)
                .where(EpisodeOfCare.PATIENT.hasId(discharged.get("patient_id").toString()))
                .returnBundle(Bundle.class).execute()));
        // the discharge's virtual-ward summary (the test's job never runs: made here), read as a whole and as its
        // document
        UUID stay = jdbc.sql("select id from admission where patient_id = ? and discharged_at is not null limit 1")
                .param(discharged.get("patient_id")).query(UUID.class).single();
        assertThat(SummaryPublishing.publish(context, new AdmissionId(stay), Instant.now())).isEqualTo(1);
        emitted.add(clinician.read().resource(Bundle.class).withId(stay.toString()).execute());
        emitted.addAll(all(clinician.search().forResource(DocumentReference.class)
                .where(DocumentReference.PATIENT.hasId(discharged.get("patient_id").toString()))
                .returnBundle(Bundle.class).execute()));

        assertThat(emitted.stream().map(IBaseResource::fhirType).collect(Collectors.toSet()))
                .contains("Patient", "Observation", "Encounter", "Flag", "Organization", "Bundle", "DocumentReference",
                        "AllergyIntolerance", "MedicationRequest", "Practitioner", "PractitionerRole",
                        "EpisodeOfCare");
        assertThat(emitted.stream().filter(r -> r instanceof Observation).map(r -> ((Observation) r).getMeta()
                .getProfile().get(0).getValue().replace("https://fhir.hl7.org.uk/StructureDefinition/", ""))
                .collect(Collectors.toSet()))
                .contains("UKCore-Observation-EarlyWarningTotalScore", "UKCore-Observation-VitalSigns-HeartRate",
                        "UKCore-Observation-VitalSigns-RespirationRate", "UKCore-Observation-VitalSigns-OxygenSaturation",
                        "UKCore-Observation-VitalSigns-BodyTemperature", "UKCore-Observation-ACVPU",
                        "UKCore-Observation-InspiredOxygen", "UKCore-Observation");
        assertThat(emitted.stream().filter(r -> r instanceof Observation).flatMap(r -> ((Observation) r).getCode()
                .getCoding().stream()).map(c -> c.getCode()).collect(Collectors.toSet()))
                .as("the NEWS2 total of the adult and the PEWS total of the child")
                .contains("1104051000000101", "1363261000000104");
        assertThat(emitted.stream().filter(r -> r instanceof EpisodeOfCare).map(r -> ((EpisodeOfCare) r).getStatus())
                .collect(Collectors.toSet())).contains(EpisodeOfCare.EpisodeOfCareStatus.ACTIVE,
                        EpisodeOfCare.EpisodeOfCareStatus.FINISHED);
        assertThat(emitted.stream().filter(r -> r instanceof Encounter).map(r -> ((Encounter) r).getStatus())
                .collect(Collectors.toSet())).contains(Encounter.EncounterStatus.INPROGRESS,
                        Encounter.EncounterStatus.FINISHED);

        List<String> errors = new ArrayList<>();
        for (IBaseResource resource : emitted) {
            ValidationOutcome outcome = validator.validate(resource);
            outcome.errors().forEach(e -> errors.add(resource.fhirType() + "/" + resource.getIdElement().getIdPart()
                    + " " + e.path() + ": " + e.message()));
        }
        assertThat(errors).as("UK Core errors in %d emitted resources", emitted.size()).isEmpty();
    }

    private static Observation vital(UUID patient, String loinc, double value, String unit, Instant at) {
        Observation o = new Observation();
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.addIdentifier().setSystem("https://device-platform.example/readings").setValue("demo-" + UUID.randomUUID());
        o.setCode(new CodeableConcept(new Coding("http://loinc.org", loinc, null)));
        o.setSubject(new Reference("Patient/" + patient));
        o.setEffective(new DateTimeType(Date.from(at)));
        o.setValue(new Quantity().setValue(value).setSystem("http://unitsofmeasure.org").setCode(unit));
        return o;
    }

    private static Observation coded(UUID patient, String snomed, String value, Instant at) {
        Observation o = new Observation();
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.addIdentifier().setSystem("https://device-platform.example/readings").setValue("demo-" + UUID.randomUUID());
        o.setCode(new CodeableConcept(new Coding("http://snomed.info/sct", snomed, null)));
        o.setSubject(new Reference("Patient/" + patient));
        o.setEffective(new DateTimeType(Date.from(at)));
        if (value != null) {
            o.setValue(new CodeableConcept(new Coding("http://snomed.info/sct", value, null)));
        }
        return o;
    }

    private static void add(Bundle bundle, Observation observation) {
        bundle.addEntry().setResource(observation).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Observation");
    }

    private static List<IBaseResource> all(Bundle bundle) {
        return bundle.getEntry().stream().map(e -> (IBaseResource) e.getResource()).toList();
    }
}
