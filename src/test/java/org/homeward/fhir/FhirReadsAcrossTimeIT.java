package org.homeward.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.interceptor.BasicAuthInterceptor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.homeward.diagnostics.DiagnosticsService;
import org.homeward.diagnostics.OrderTests;
import org.homeward.diagnostics.ResultLine;
import org.homeward.diagnostics.TestOrderView;
import org.homeward.diagnostics.Urgency;
import org.homeward.medication.AdministrationOutcome;
import org.homeward.medication.AdministrationService;
import org.homeward.medication.AllergyService;
import org.homeward.medication.DoseLine;
import org.homeward.medication.DoseUnit;
import org.homeward.medication.FormularyEntry;
import org.homeward.medication.FormularyService;
import org.homeward.medication.Frequency;
import org.homeward.medication.NoKnownAllergies;
import org.homeward.medication.Prescribe;
import org.homeward.medication.PrescriptionService;
import org.homeward.medication.RecordAdministration;
import org.homeward.medication.Route;
import org.homeward.medication.SaveFormularyEntry;
import org.homeward.medication.SubstanceClass;
import org.homeward.patient.PatientRecord;
import org.homeward.referral.AdmissionView;
import org.homeward.security.CurrentUser;
import org.homeward.security.Organisation;
import org.homeward.security.OrganisationType;
import org.homeward.security.Role;
import org.homeward.support.Api;
import org.homeward.support.FhirReads;
import org.homeward.support.Fixtures;
import org.homeward.support.IntegrationTest;
import org.homeward.support.TestClock;
import org.homeward.ward.VirtualWard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The FHIR reads across time, over real HTTP, each caller signed in to their own organisation: the acute trust admits
 * in the afternoon, the community provider visits (in the care team by the ward's rule) and the GP federation
 * covering the patient's practice reads (in the care team by the GP rule). Out of hours at 02:30 and the next morning
 * the nurse and the GP read the stay, its episode, the readings, the alert, the task, the care plan, the allergy
 * statement, the test order with its result (a DiagnosticReport), the prescription and the dose given exactly as in
 * the afternoon, and a date range across midnight finds the readings of
 * both days; two organisations outside the care team (a GP federation of another practice, another community
 * provider) get 404 for every read by id and every search by the patient, and an empty search by ward or NHS number.
 * After the discharge the GP still reads the finished stay, the finished episode, the stay's readings and its
 * virtual-ward summary; the alert the discharge closed is an inactive Flag; a search by status lists the stay as
 * finished only; and the outsiders still find nothing.
 */
@IntegrationTest
class FhirReadsAcrossTimeIT {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Autowired Fixtures fixtures;
    @Autowired Api api;
    @Autowired FhirReads fhir;
    @Autowired TestClock clock;
    @Autowired AllergyService allergies;
    @Autowired DiagnosticsService diagnostics;
    @Autowired FormularyService formulary;
    @Autowired PrescriptionService prescriptions;
    @Autowired AdministrationService doses;
    @Autowired VirtualWardSummaryPublisher summaries;

    /** The day after admission: the night is its 02:30, discharge is at its 11:00. */
    LocalDate day;
    Organisation acute;
    CurrentUser consultant;
    CurrentUser nurse;
    CurrentUser gp;
    List<CurrentUser> outsiders;
    VirtualWard ward;
    PatientRecord patient;
    AdmissionView admission;
    List<String> observationIds;
    String flagId;
    String taskId;
    String allergyId;
    String orderId;
    String prescriptionId;
    String administrationId;
    /** Every read by id and search by patient, as the nurse read them in the afternoon of admission. */
    Map<String, JsonNode> afternoon;

    @BeforeEach
    void admittedInTheAfternoonWithReadingsAnAlertATaskAndAPlan() {
        day = LocalDate.now(LONDON).plusDays(3);
        clock.set(at(day.minusDays(1), 15, 0));
        acute = fixtures.organisation(OrganisationType.ACUTE_TRUST);
        Organisation community = fixtures.organisation(OrganisationType.COMMUNITY_PROVIDER);
        String practice = Fixtures.newPracticeCode();
        CurrentUser referrer = fixtures.user(Role.REFERRER, acute);
        consultant = fixtures.user(Role.SENIOR_DECISION_MAKER, acute);
        nurse = fixtures.user(Role.CLINICIAN, community);
        gp = fixtures.user(Role.SENIOR_DECISION_MAKER, fixtures.gpOrganisation(practice));
        outsiders = List.of(
                fixtures.user(Role.SENIOR_DECISION_MAKER, fixtures.gpOrganisation(Fixtures.newPracticeCode())),
                fixtures.user(Role.CLINICIAN, fixtures.organisation(OrganisationType.COMMUNITY_PROVIDER)));
        ward = fixtures.ward(acute, 10, List.of(community));
        patient = fixtures.patient(referrer, LocalDate.of(1942, 7, 9), practice);
        admission = fixtures.admit(patient, ward, referrer, consultant);
        assertThat(admission.admittedAt()).isEqualTo(at(day.minusDays(1), 15, 0));

        clock.set(at(day.minusDays(1), 16, 0));
        // a set of vital signs scoring NEWS2 14: its alert is raised in the same transaction
        Instant taken = at(day.minusDays(1), 15, 58);
        Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        add(transaction, vital("9279-1", 27, "/min", taken));
        add(transaction, vital("2708-6", 90, "%", taken));
        add(transaction, vital("8867-4", 135, "/min", taken));
        add(transaction, vital("8480-6", 88, "mm[Hg]", taken));
        add(transaction, vital("8310-5", 39.4, "Cel", taken));
        Bundle stored = client(nurse).transaction().withBundle(transaction).execute();
        observationIds = stored.getEntry().stream()
                .map(e -> new IdType(e.getResponse().getLocation()).getIdPart()).toList();
        assertThat(observationIds).hasSize(5).doesNotHaveDuplicates();

        Api.Response task = api.post(consultant, "/api/v1/tasks", Map.of("patientId", patientId(),
                "title", "Review the chest at the visit", "assignee",
                Map.of("organisationId", community.id().toString()), "priority", "ROUTINE",
                "dueAt", at(day.plusDays(5), 12, 0).toString()));
        assertThat(task.status()).as(task.toString()).isEqualTo(201);
        taskId = task.text("id");
        Api.Response intervention = api.post(nurse, "/api/v1/patients/" + patientId() + "/interventions",
                Map.of("kind", "BLOODS", "windowFrom", "12:00", "windowTo", "16:00",
                        "startsOn", day.minusDays(1).toString()));
        assertThat(intervention.status()).as(intervention.toString()).isEqualTo(201);
        NoKnownAllergies none = allergies.recordNoKnownAllergies(consultant, patient.summary().id());
        allergyId = none.id().toString();
        TestOrderView order = diagnostics.order(consultant, patient.summary().id(), new OrderTests(List.of("UE"),
                "AKI on furosemide?", Urgency.SAME_DAY, null, null));
        orderId = order.id().toString();
        // the nurse takes the bloods at the visit and enters the lab's result: the order's DiagnosticReport
        diagnostics.enterResults(nurse, order.id(), List.of(new ResultLine("SODIUM", new BigDecimal("138"), "mmol/L",
                null, null, null, null, null, null)));
        CurrentUser pharmacist = fixtures.user(Role.PHARMACIST, acute);
        FormularyEntry amoxicillin = formulary.add(pharmacist, new SaveFormularyEntry("Amoxicillin", "capsules",
                Fixtures.unique("500 mg "), EnumSet.of(Route.ORAL), DoseUnit.MG, new BigDecimal("250"),
                new BigDecimal("3000"), null, null, null, false, false, false, false, SubstanceClass.PENICILLINS, null,
                null, "BNF, Amoxicillin", null));
        prescriptionId = prescriptions.prescribe(consultant, patient.summary().id(), new Prescribe(amoxicillin.id(),
                new BigDecimal("500"), DoseUnit.MG, Route.ORAL, Frequency.THREE_TIMES_DAILY,
                List.of(LocalTime.of(8, 0), LocalTime.of(16, 0), LocalTime.of(23, 0)), null, null,
                "Community-acquired pneumonia", null, List.of())).id().toString();
        // the nurse gives the 16:00 dose at the visit: the MedicationAdministration
        clock.set(at(day.minusDays(1), 16, 20));
        DoseLine due = doses.dosesOn(nurse, patient.summary().id(), day.minusDays(1)).stream()
                .filter(d -> d.dose().dueAt().equals(at(day.minusDays(1), 16, 0))).findFirst().orElseThrow();
        administrationId = doses.record(nurse, patient.summary().id(), new RecordAdministration(due.dose().key(),
                AdministrationOutcome.GIVEN, null, new BigDecimal("500"), Route.ORAL, null, null, null, null, null,
                null, null, null)).id().toString();

        JsonNode flags = fhir.read(nurse, "/fhir/Flag?patient=" + patientId() + "&status=active");
        assertThat(flags.path("entry")).hasSize(1);
        flagId = flags.at("/entry/0/resource/id").asText();

        clock.set(at(day.minusDays(1), 16, 30));
        afternoon = picture(nurse);
        // what the afternoon's picture holds, so that 'the same later' says something
        assertThat(afternoon.get(encounter()).path("status").asText()).isEqualTo("in-progress");
        assertThat(afternoon.get(encounter()).at("/period/end").isMissingNode()).isTrue();
        assertThat(afternoon.get(episode()).path("status").asText()).isEqualTo("active");
        assertThat(afternoon.get("/fhir/Flag/" + flagId).path("status").asText()).isEqualTo("active");
        assertThat(afternoon.get("/fhir/Flag/" + flagId).at("/code/text").asText()).contains("NEWS2 14");
        assertThat(afternoon.get("/fhir/Task/" + taskId).path("status").asText()).isEqualTo("requested");
        assertThat(afternoon.get(carePlan()).at("/activity/0/detail/status").asText()).isEqualTo("in-progress");
        assertThat(afternoon.get("/fhir/AllergyIntolerance/" + allergyId).at("/clinicalStatus/coding/0/code")
                .asText()).isEqualTo("active");
        assertThat(afternoon.get("/fhir/ServiceRequest/" + orderId).path("status").asText()).isEqualTo("active");
        assertThat(afternoon.get("/fhir/DiagnosticReport/" + orderId).path("status").asText())
                .as("one of the U&E's tests reported so far").isEqualTo("partial");
        assertThat(afternoon.get("/fhir/DiagnosticReport/" + orderId).toString()).contains("Sodium");
        assertThat(afternoon.get("/fhir/MedicationRequest/" + prescriptionId).path("status").asText())
                .isEqualTo("active");
        assertThat(afternoon.get("/fhir/MedicationRequest/" + prescriptionId).at("/dosageInstruction/0/text")
                .asText()).startsWith("500 mg oral");
        assertThat(ids(afternoon.get("/fhir/MedicationRequest?patient=" + patientId()))).containsExactly(prescriptionId);
        assertThat(ids(afternoon.get("/fhir/DiagnosticReport?patient=" + patientId()))).containsExactly(orderId);
        assertThat(afternoon.get("/fhir/MedicationAdministration/" + administrationId).path("status").asText())
                .isEqualTo("completed");
        assertThat(ids(afternoon.get("/fhir/MedicationAdministration?patient=" + patientId())))
                .containsExactly(administrationId);
        assertThat(afternoon.get("/fhir/Observation/" + observationIds.get(2)).at("/valueQuantity/value").asInt())
                .isEqualTo(135);
        assertThat(ids(afternoon.get(afternoonReadings())))
                .as("the five readings and their NEWS2 total").hasSize(6).containsAll(observationIds);
        assertThat(ids(afternoon.get("/fhir/Encounter?patient=" + patientId())))
                .containsExactly(admission.id().value().toString());
        assertThat(overdueTasks(nurse)).as("the afternoon: no task overdue").isEmpty();
        assertThat(picture(gp)).as("the GP reads the same as the nurse").isEqualTo(afternoon);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void outOfHoursTheNurseAndTheGpReadAsInTheDayAndOutsidersFindNothing() {
        clock.set(at(day, 2, 30));
        assertThat(picture(nurse)).isEqualTo(afternoon);
        assertThat(picture(gp)).isEqualTo(afternoon);
        // the tasks the result and the prescription set were due by the end of the afternoon's day: overdue now, for
        // both readers; the consultant's task, due in five days, is not
        for (CurrentUser reader : List.of(nurse, gp)) {
            assertThat(overdueTasks(reader)).hasSize(2).doesNotContain(taskId);
        }
        outsidersFindNothing();
    }

    @Test
    void theNextDayTheSameReadsAnswerAndADateRangeAcrossMidnightFindsTheReadingsOfBothDays() {
        clock.set(at(day.minusDays(1), 23, 40));
        String lateEvening = heartRate(92, at(day.minusDays(1), 23, 40));
        clock.set(at(day, 0, 20));
        String afterMidnight = heartRate(96, at(day, 0, 20));

        clock.set(at(day, 10, 0));
        assertThat(picture(nurse)).isEqualTo(afternoon);
        assertThat(picture(gp)).isEqualTo(afternoon);
        for (CurrentUser reader : List.of(nurse, gp)) {
            Bundle acrossMidnight = heartRatesBetween(reader, at(day.minusDays(1), 23, 0), at(day, 1, 0));
            assertThat(acrossMidnight.getEntry()).extracting(e -> e.getResource().getIdElement().getIdPart())
                    .as("newest first: today's 00:20, then yesterday's 23:40; not the afternoon's")
                    .containsExactly(afterMidnight, lateEvening);
            List<LocalDate> days = acrossMidnight.getEntry().stream().map(e -> ((Observation) e.getResource())
                    .getEffectiveDateTimeType().getValue().toInstant().atZone(LONDON).toLocalDate()).toList();
            assertThat(days).containsExactly(day, day.minusDays(1));
            assertThat(acrossMidnight.getEntry()).extracting(e -> ((Observation) e.getResource())
                    .getValueQuantity().getValue().intValue()).containsExactly(96, 92);
            // the whole stay so far: the afternoon's heart rate too
            assertThat(heartRatesBetween(reader, at(day.minusDays(1), 15, 0), at(day, 10, 0)).getEntry())
                    .extracting(e -> e.getResource().getIdElement().getIdPart())
                    .containsExactly(afterMidnight, lateEvening, observationIds.get(2));
        }
        outsidersFindNothing();
        for (CurrentUser outsider : outsiders) {
            for (String reading : List.of(lateEvening, afterMidnight)) {
                assertThat(api.raw("GET", "/fhir/Observation/" + reading, outsider, null).status()).isEqualTo(404);
            }
        }
    }

    @Test
    void afterDischargeTheGpReadsTheFinishedStayItsEpisodeReadingsAndSummaryAndTheAlertIsInactive() {
        clock.set(at(day, 11, 0));
        Api.Response discharged = api.post(consultant, "/api/v1/admissions/" + admission.id() + "/discharge",
                Map.of("destination", "USUAL_RESIDENCE", "summary", "Pneumonia treated at home; GP to review"));
        assertThat(discharged.status()).as(discharged.toString()).isEqualTo(200);
        Instant dischargedAt = at(day, 11, 0);

        clock.set(at(day, 11, 30));
        Map<String, JsonNode> after = picture(gp);
        assertThat(picture(nurse)).as("the visiting provider stays in the care team too").isEqualTo(after);

        JsonNode stay = after.get(encounter());
        assertThat(stay.path("status").asText()).isEqualTo("finished");
        assertThat(instant(stay.at("/period/end"))).isEqualTo(dischargedAt);
        assertThat(stay.at("/period/start")).isEqualTo(afternoon.get(encounter()).at("/period/start"));
        assertThat(stay.at("/hospitalization/dischargeDisposition/text").asText()).isNotEmpty();
        JsonNode episode = after.get(episode());
        assertThat(episode.path("status").asText()).isEqualTo("finished");
        assertThat(instant(episode.at("/period/end"))).isEqualTo(dischargedAt);

        // the stay's readings are read as they were, by id and by the afternoon's date range
        for (String id : observationIds) {
            assertThat(after.get("/fhir/Observation/" + id)).isEqualTo(afternoon.get("/fhir/Observation/" + id));
        }
        assertThat(after.get(afternoonReadings())).isEqualTo(afternoon.get(afternoonReadings()));

        // the discharge closed the alert (MonitoringService): the Flag is inactive, found by that status only
        assertThat(after.get("/fhir/Flag/" + flagId).path("status").asText()).isEqualTo("inactive");
        assertThat(ids(after.get("/fhir/Flag?patient=" + patientId()))).containsExactly(flagId);
        String search = "?patient=" + patientId() + "&status=";
        assertThat(ids(fhir.read(gp, "/fhir/Flag" + search + "active"))).isEmpty();
        assertThat(ids(fhir.read(gp, "/fhir/Flag" + search + "inactive"))).containsExactly(flagId);
        // a search by status lists the stay and its episode as finished, no longer as in progress or active
        assertThat(ids(fhir.read(gp, "/fhir/Encounter" + search + "in-progress"))).isEmpty();
        assertThat(ids(fhir.read(gp, "/fhir/Encounter" + search + "finished")))
                .containsExactly(admission.id().value().toString());
        assertThat(ids(fhir.read(gp, "/fhir/EpisodeOfCare" + search + "active"))).isEmpty();
        assertThat(ids(fhir.read(gp, "/fhir/EpisodeOfCare" + search + "finished")))
                .containsExactly(admission.referralId().value().toString());
        assertThat(ids(fhir.read(consultant, "/fhir/Encounter?ward=" + ward.id().value() + "&status=in-progress")))
                .as("off the ward").doesNotContain(admission.id().value().toString());
        // discharge ends the plan's interventions (DischargedPatientInterventions); the open task is kept
        assertThat(after.get(carePlan()).at("/activity/0/detail/status").asText()).isEqualTo("completed");
        assertThat(after.get("/fhir/Task/" + taskId)).isEqualTo(afternoon.get("/fhir/Task/" + taskId));
        // the dose given stays given; the result stays as it was reported
        assertThat(after.get("/fhir/MedicationAdministration/" + administrationId))
                .isEqualTo(afternoon.get("/fhir/MedicationAdministration/" + administrationId));
        assertThat(after.get("/fhir/DiagnosticReport/" + orderId))
                .isEqualTo(afternoon.get("/fhir/DiagnosticReport/" + orderId));

        // the virtual-ward summary, made by the publisher's job, read by the GP
        assertThat(summaries.publish(admission.id(), clock.instant().plusSeconds(1))).isEqualTo(1);
        JsonNode summary = fhir.read(gp, "/fhir/Bundle/" + admission.id().value());
        assertThat(summary.path("type").asText()).isEqualTo("collection");
        List<String> finished = new ArrayList<>();
        summary.path("entry").forEach(e -> {
            if (e.at("/resource/resourceType").asText().equals("Encounter")) {
                finished.add(e.at("/resource/status").asText());
            }
        });
        assertThat(finished).containsExactly("finished");

        outsidersFindNothing();
        for (CurrentUser outsider : outsiders) {
            // the summary's answer for an outsider is that for a stay with no summary: it names no patient
            Api.RawResponse summaryRead = api.raw("GET", "/fhir/Bundle/" + admission.id().value(), outsider, null);
            assertThat(summaryRead.status()).isEqualTo(404);
            String unknown = UUID.randomUUID().toString();
            assertThat(summaryRead.body().replace(admission.id().value().toString(), "{id}")).isEqualTo(
                    api.raw("GET", "/fhir/Bundle/" + unknown, outsider, null).body().replace(unknown, "{id}"));
            assertThat(summaryRead.body()).doesNotContain(patientId());
            assertThat(api.raw("GET", "/fhir/DocumentReference?patient=" + patientId(), outsider, null).status())
                    .isEqualTo(404);
        }

        // and the next day, the same
        clock.set(at(day.plusDays(1), 9, 0));
        assertThat(picture(gp)).isEqualTo(after);
    }

    /**
     * Every read by id and every search by the patient this test makes, as the user reads them: a read's resource,
     * a search's resources in order (not the Bundle, whose id and links are new each time).
     */
    private Map<String, JsonNode> picture(CurrentUser user) {
        Map<String, JsonNode> seen = new LinkedHashMap<>();
        for (String path : readsById()) {
            seen.put(path, fhir.read(user, path));
        }
        for (String path : searchesByPatient()) {
            if (path.startsWith("/fhir/Task?")) {
                continue; // the tasks Homeward set fall overdue overnight: tasksAt says what changes
            }
            ArrayNode resources = JsonNodeFactory.instance.arrayNode();
            fhir.read(user, path).path("entry").forEach(e -> resources.add(e.path("resource")));
            seen.put(path, resources);
        }
        return seen;
    }

    private List<String> readsById() {
        List<String> paths = new ArrayList<>(List.of(encounter(), episode(), "/fhir/Flag/" + flagId,
                "/fhir/Task/" + taskId, carePlan(), "/fhir/AllergyIntolerance/" + allergyId,
                "/fhir/ServiceRequest/" + orderId, "/fhir/DiagnosticReport/" + orderId,
                "/fhir/MedicationRequest/" + prescriptionId, "/fhir/MedicationAdministration/" + administrationId));
        observationIds.forEach(id -> paths.add("/fhir/Observation/" + id));
        return paths;
    }

    private List<String> searchesByPatient() {
        String p = "?patient=" + patientId();
        return List.of("/fhir/Encounter" + p, "/fhir/EpisodeOfCare" + p, afternoonReadings(), "/fhir/Flag" + p,
                "/fhir/Task" + p, "/fhir/CarePlan" + p, "/fhir/AllergyIntolerance" + p, "/fhir/ServiceRequest" + p,
                "/fhir/DiagnosticReport" + p, "/fhir/MedicationRequest" + p, "/fhir/MedicationAdministration" + p);
    }

    /**
     * Every read by id is 404, word for word as for an id nobody holds, and every search by the patient is 404 (as
     * for a patient who does not exist: docs/fhir.md); a search by ward or NHS number finds none.
     */
    private void outsidersFindNothing() {
        for (CurrentUser outsider : outsiders) {
            for (String path : readsById()) {
                Api.RawResponse read = api.raw("GET", path, outsider, null);
                assertThat(read.status()).as(outsider.username() + " GET " + path + ": " + read).isEqualTo(404);
                assertThat(read.body()).contains("OperationOutcome");
                // word for word the answer for an id nobody holds: nothing says whose record it is
                String id = path.substring(path.lastIndexOf('/') + 1);
                String unknown = UUID.randomUUID().toString();
                Api.RawResponse none = api.raw("GET", path.replace(id, unknown), outsider, null);
                assertThat(none.status()).isEqualTo(404);
                assertThat(read.body().replace(id, "{id}")).as(path).isEqualTo(none.body().replace(unknown, "{id}"));
            }
            for (String path : searchesByPatient()) {
                Api.RawResponse search = api.raw("GET", path, outsider, null);
                assertThat(search.status()).as(outsider.username() + " GET " + path + ": " + search).isEqualTo(404);
            }
            assertThat(fhir.read(outsider, "/fhir/Encounter?ward=" + ward.id().value()).path("entry").size())
                    .isZero();
            JsonNode byNhsNumber = fhir.read(outsider, "/fhir/Patient?identifier=" + UkCore.NHS_NUMBER + "%7C"
                    + patient.summary().nhsNumber().value());
            assertThat(byNhsNumber.path("entry").size()).isZero();
            assertThat(byNhsNumber.path("resourceType").asText()).isEqualTo("Bundle");
        }
    }

    /** The ids of the patient's tasks the reader's Task search shows as overdue. */
    private List<String> overdueTasks(CurrentUser reader) {
        JsonNode tasks = fhir.read(reader, "/fhir/Task?patient=" + patientId());
        assertThat(ids(tasks)).as("the consultant's task, beside those the result and the prescription set")
                .hasSize(3).contains(taskId);
        List<String> overdue = new ArrayList<>();
        tasks.path("entry").forEach(e -> {
            if (e.at("/resource/businessStatus/text").asText().equals("Overdue")) {
                overdue.add(e.at("/resource/id").asText());
            }
        });
        return overdue;
    }

    private String heartRate(int value, Instant at) {
        Observation reading = vital("8867-4", value, "/min", at);
        return client(nurse).create().resource(reading).execute().getId().getIdPart();
    }

    private Bundle heartRatesBetween(CurrentUser user, Instant from, Instant to) {
        return client(user).search().forResource(Observation.class)
                .where(Observation.PATIENT.hasId(patientId()))
                .and(Observation.CODE.exactly().systemAndCode(UkCore.LOINC, "8867-4"))
                .and(Observation.DATE.afterOrEquals().second(from.toString()))
                .and(Observation.DATE.beforeOrEquals().second(to.toString()))
                .returnBundle(Bundle.class).execute();
    }

    private IGenericClient client(CurrentUser user) {
        IGenericClient client = FhirApiIT.FHIR.newRestfulGenericClient(api.baseUrl() + "/fhir");
        client.registerInterceptor(new BasicAuthInterceptor(user.username(), Fixtures.PASSWORD));
        return client;
    }

    private Observation vital(String loinc, double value, String unit, Instant at) {
        Observation o = new Observation();
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.addIdentifier().setSystem("https://device-platform.example/readings").setValue("r-" + UUID.randomUUID());
        o.addCategory(new CodeableConcept(new Coding(ObservationTranslator.CATEGORY_SYSTEM, "vital-signs", null)));
        o.setCode(new CodeableConcept(new Coding(UkCore.LOINC, loinc, null)));
        o.setSubject(new Reference("Patient/" + patientId()));
        o.setEffective(new DateTimeType(Date.from(at)));
        o.setValue(new Quantity().setValue(value).setSystem(UkCore.UCUM).setCode(unit));
        return o;
    }

    private static void add(Bundle bundle, Observation observation) {
        bundle.addEntry().setResource(observation).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Observation");
    }

    private String afternoonReadings() {
        return "/fhir/Observation?patient=" + patientId() + "&date=ge" + at(day.minusDays(1), 15, 30) + "&date=le"
                + at(day.minusDays(1), 16, 30);
    }

    private String encounter() {
        return "/fhir/Encounter/" + admission.id().value();
    }

    private String episode() {
        return "/fhir/EpisodeOfCare/" + admission.referralId().value();
    }

    private String carePlan() {
        return "/fhir/CarePlan/" + patientId();
    }

    private String patientId() {
        return patient.summary().id().value().toString();
    }

    private static List<String> ids(JsonNode resourcesOrBundle) {
        List<String> ids = new ArrayList<>();
        JsonNode resources = resourcesOrBundle.isArray() ? resourcesOrBundle : resourcesOrBundle.path("entry");
        resources.forEach(r -> ids.add((r.has("resource") ? r.path("resource") : r).path("id").asText()));
        return ids;
    }

    private static Instant instant(JsonNode dateTime) {
        return OffsetDateTime.parse(dateTime.asText()).toInstant();
    }

    private static Instant at(LocalDate date, int hour, int minute) {
        return date.atTime(LocalTime.of(hour, minute)).atZone(LONDON).toInstant();
    }
}
