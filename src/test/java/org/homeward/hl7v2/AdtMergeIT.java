package org.homeward.hl7v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.homeward.patient.PatientRecord;
import org.homeward.patient.PatientService;
import org.homeward.referral.AdmissionView;
import org.homeward.security.CurrentUser;
import org.homeward.security.Organisation;
import org.homeward.security.OrganisationType;
import org.homeward.security.Role;
import org.homeward.security.SecurityService;
import org.homeward.shared.PatientId;
import org.homeward.support.Api;
import org.homeward.support.FhirReads;
import org.homeward.support.Fixtures;
import org.homeward.support.IntegrationTest;
import org.homeward.ward.VirtualWard;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * ADT^A40 over a real MLLP socket: two records registered by A28, the retired one given history in several modules
 * through the JSON API (a referral and its open stay, observations and the alert they raise, a clinical note); the A40
 * merges it into the survivor, and the ward's staff, signed in to their own organisation, find the whole history on
 * the survivor through the API while the retired record is gone from search and answers 404 naming the survivor.
 * Each refusal is an AE naming the field, with nothing changed; a repeated merge is AA and changes nothing.
 */
@IntegrationTest
class AdtMergeIT {

    /** Tables whose rows stay on the retired record on purpose (see ADR 0006): not history that moves. */
    static final Set<String> STAY_ON_RETIRED = Set.of("audit_event", "break_glass", "patient_change",
            "patient_care_team");

    @Autowired MllpListener listener;
    @Autowired SecurityService security;
    @Autowired PatientService patients;
    @Autowired Fixtures fixtures;
    @Autowired FhirReads fhir;
    @Autowired Api api;
    @Autowired JdbcClient jdbc;

    Organisation acute;
    CurrentUser referrer;
    CurrentUser acuteNurse;
    CurrentUser senior;
    CurrentUser nurse;
    VirtualWard ward;

    @BeforeEach
    void organisations() {
        acute = security.organisation(EngineAccount.ensure(security).organisationId());
        Organisation community = fixtures.organisation(OrganisationType.COMMUNITY_PROVIDER);
        referrer = fixtures.user(Role.REFERRER, acute);
        acuteNurse = fixtures.user(Role.CLINICIAN, acute);
        senior = fixtures.user(Role.SENIOR_DECISION_MAKER, community);
        nurse = fixtures.user(Role.CLINICIAN, community);
        ward = fixtures.ward(community, 10, List.of(acute));
    }

    String send(String message) throws IOException {
        try (Mllp mllp = new Mllp(listener.port())) {
            return mllp.send(message);
        }
    }

    /** Registers a patient by A28 from the trust's engine and returns their id. */
    PatientId registered(String nhsNumber, String family, String dateOfBirth) throws IOException {
        AdtMessages a28 = AdtMessages.a("A28");
        a28.nhsNumber = nhsNumber;
        a28.family = family;
        a28.dateOfBirth = dateOfBirth;
        assertThat(send(a28.text())).contains("MSA|AA|" + a28.controlId);
        return new PatientId(jdbc.sql("select id from patient where nhs_number = ?").param(nhsNumber)
                .query(UUID.class).single());
    }

    PatientId registered(String nhsNumber) throws IOException {
        return registered(nhsNumber, Fixtures.unique("MERGE"), "19460312");
    }

    AdmissionView admitted(PatientId patient) {
        PatientRecord record = patients.record(referrer, patient);
        return fixtures.admit(record, ward, referrer, senior);
    }

    /** Every row of every table with a patient id column that is this patient's, by table. */
    Map<String, Integer> rowsOf(PatientId patient) {
        Map<String, Integer> rows = new TreeMap<>();
        for (String table : jdbc.sql("""
                select table_name from information_schema.columns
                where column_name = 'patient_id' and table_schema = current_schema()""").query(String.class).list()) {
            int count = jdbc.sql("select count(*) from " + table + " where patient_id = ?").param(patient.value())
                    .query(Integer.class).single();
            if (count > 0) {
                rows.put(table, count);
            }
        }
        return rows;
    }

    Map<String, Object> stored(String controlId, String outcome) {
        return jdbc.sql("select * from hl7_message where control_id = ? and outcome = ?").params(controlId, outcome)
                .query().singleRow();
    }

    UUID mergedInto(PatientId patient) {
        return jdbc.sql("select merged_into from patient where id = ?").param(patient.value()).query(UUID.class)
                .optional().orElse(null);
    }

    @Test
    void anA40MergesTheRetiredRecordWithItsHistoryIntoTheSurvivor() throws IOException {
        String survivorNhs = Fixtures.newNhsNumber();
        String retiredNhs = Fixtures.newNhsNumber();
        String retiredName = Fixtures.unique("DUPLICATE");
        PatientId survivor = registered(survivorNhs);
        PatientId retired = registered(retiredNhs, retiredName, "19460312");
        // the retired record's history: a referral and open stay, a set of observations (NEWS2 high: an alert and
        // a monitoring schedule), a clinical note
        AdmissionView stay = admitted(retired);
        Instant at = Instant.now();
        List<Map<String, Object>> readings = new ArrayList<>();
        for (Object[] r : new Object[][] {{"RESPIRATORY_RATE", 26}, {"OXYGEN_SATURATION", 90},
                {"SYSTOLIC_BLOOD_PRESSURE", 88}, {"HEART_RATE", 135}, {"TEMPERATURE", 39.5}}) {
            readings.add(Map.of("id", UUID.randomUUID().toString(), "patientId", retired.toString(),
                    "parameter", r[0], "value", r[1], "recordedAt", at.toString()));
        }
        Api.Response batch = api.post(nurse, "/api/v1/observations/batch", Map.of("readings", readings));
        assertThat(batch.status()).as(batch.toString()).isEqualTo(200);
        assertThat(batch.body().path("stored").asInt()).isEqualTo(5);
        Api.Response note = api.post(nurse, "/api/v1/patients/" + retired + "/notes",
                Map.of("kind", "VISIT_NOTE", "text", "Seen at home: breathless, NEWS2 high, GP informed"));
        assertThat(note.status()).as(note.toString()).isEqualTo(201);
        Api.Response allergy = api.post(senior, "/api/v1/patients/" + retired + "/allergies", Map.of(
                "substance", "Penicillin", "reaction", "Widespread itchy rash", "severity", "MODERATE",
                "certainty", "CONFIRMED", "kind", "ALLERGY"));
        assertThat(allergy.status()).as(allergy.toString()).isEqualTo(201);
        // the survivor's own record says no known allergies: the merged allergy must outrank it
        Api.Response none = api.post(acuteNurse, "/api/v1/patients/" + survivor + "/no-known-allergies", Map.of());
        assertThat(none.status()).as(none.toString()).isEqualTo(201);
        Map<String, Integer> history = rowsOf(retired);
        assertThat(history).containsKeys("referral", "admission", "observation_reading", "alert",
                "monitoring_schedule", "clinical_note", "allergy", "hl7_message");

        AdtMessages a40 = AdtMessages.merge(survivorNhs, retiredNhs);
        String ack = send(a40.text());

        assertThat(ack).contains("MSA|AA|" + a40.controlId);
        assertThat(stored(a40.controlId, "APPLIED")).containsEntry("patient_id", survivor.value())
                .containsEntry("ack_code", "AA").extractingByKey("what_was_done").asString()
                .contains("merged the record of NHS number").contains("with its history");
        // nothing of the history is left on the retired record but what stays there on purpose
        Map<String, Integer> left = rowsOf(retired);
        left.keySet().removeAll(STAY_ON_RETIRED);
        assertThat(left).as("rows still on the retired record").isEmpty();
        assertThat(mergedInto(retired)).isEqualTo(survivor.value());
        assertThat(mergedInto(survivor)).isNull();

        // the ward's staff, signed in to the community provider, see the whole history on the survivor
        JsonNode notes = api.get(nurse, "/api/v1/patients/" + survivor + "/notes").body();
        assertThat(notes.findValuesAsText("text")).contains("Seen at home: breathless, NEWS2 high, GP informed");
        JsonNode stays = api.get(senior, "/api/v1/admissions?patientId=" + survivor).body();
        assertThat(stays.findValuesAsText("id")).contains(stay.id().value().toString());
        JsonNode observations = fhir.read(nurse, "/fhir/Observation?patient=" + survivor + "&_count=50");
        assertThat(observations.path("total").asInt()).as(observations.toString()).isGreaterThanOrEqualTo(5);
        JsonNode allergies = api.get(nurse, "/api/v1/patients/" + survivor + "/allergies").body();
        assertThat(allergies.path("status").asText()).isEqualTo("HAS_ALLERGIES");
        assertThat(allergies.path("allergies").findValuesAsText("substance")).containsExactly("Penicillin");
        assertThat(jdbc.sql("select count(*) from alert where patient_id = ? and status <> 'CLOSED'")
                .param(survivor.value()).query(Integer.class).single()).isEqualTo(1);

        // the retired record: not in search, and reading it says where its history went
        Api.Response search = api.get(nurse, "/api/v1/patients?q=" + retiredName);
        assertThat(search.status()).isEqualTo(200);
        assertThat(search.body().findValuesAsText("id")).doesNotContain(retired.toString());
        Api.Response read = api.get(nurse, "/api/v1/patients/" + retired);
        assertThat(read.status()).isEqualTo(404);
        assertThat(read.text("detail")).contains("was merged into").contains(survivor.toString());
        Api.Response lateNote = api.post(nurse, "/api/v1/patients/" + retired + "/notes",
                Map.of("kind", "VISIT_NOTE", "text", "Written on the old record"));
        assertThat(lateNote.status()).isEqualTo(404);
        assertThat(lateNote.text("detail")).contains("was merged into");

        // the hospital's later update of the old record is refused saying where it went
        AdtMessages lateUpdate = AdtMessages.a("A08");
        lateUpdate.nhsNumber = retiredNhs;
        lateUpdate.family = retiredName;
        assertThat(send(lateUpdate.text())).contains("MSA|AE|" + lateUpdate.controlId).contains("was merged into");
        JsonNode fhirSearch = fhir.read(nurse, "/fhir/Patient?identifier=https://fhir.nhs.uk/Id/nhs-number%7C"
                + retiredNhs);
        assertThat(fhirSearch.path("total").asInt()).as(fhirSearch.toString()).isZero();

        // audited on both records
        for (PatientId p : List.of(survivor, retired)) {
            assertThat(jdbc.sql("""
                    select count(*) from audit_event where patient_id = ? and action = 'UPDATE'
                        and record_type = 'Patient' and detail like '%merged%' and username = ?""")
                    .params(p.value(), EngineAccount.USERNAME).query(Integer.class).single()).as("merge audited on " + p)
                    .isEqualTo(1);
        }

        // the append-only tables let a row move only from a merged record to its survivor, nothing else
        assertThatThrownBy(() -> jdbc.sql("update clinical_note set patient_id = ? where patient_id = ?")
                .params(retired.value(), survivor.value()).update()).hasMessageContaining("append-only");

        // the trust's engine repeats the merge with a new control id: AA, nothing changed
        Map<String, Integer> before = rowsOf(survivor);
        AdtMessages repeat = AdtMessages.merge(survivorNhs, retiredNhs);
        assertThat(send(repeat.text())).contains("MSA|AA|" + repeat.controlId);
        assertThat(stored(repeat.controlId, "APPLIED").get("what_was_done")).asString()
                .contains("already merged").contains("nothing changed");
        Map<String, Integer> after = rowsOf(survivor);
        after.remove("hl7_message");
        before.remove("hl7_message");
        assertThat(after).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from audit_event where patient_id = ? and detail like 'merged into%'")
                .param(retired.value()).query(Integer.class).single()).isEqualTo(1);
        // and the same control id again is a duplicate, as for every event
        assertThat(send(a40.text())).contains("MSA|AA|" + a40.controlId).contains("not applied again");
    }

    /** Sends the A40 and checks it is an AE naming {@code location} with {@code why}, and nothing was merged. */
    void refused(AdtMessages a40, String location, String why, PatientId... untouched) throws IOException {
        List<Map<String, Integer>> before = new ArrayList<>();
        for (PatientId p : untouched) {
            before.add(rowsOf(p));
        }

        String ack = send(a40.text());

        assertThat(ack).contains("MSA|AE|" + a40.controlId).contains("ERR|").contains(location).contains(why);
        assertThat(stored(a40.controlId, "ERROR")).containsEntry("error_location", location)
                .containsEntry("ack_code", "AE");
        for (int i = 0; i < untouched.length; i++) {
            assertThat(mergedInto(untouched[i])).isNull();
            assertThat(rowsOf(untouched[i])).isEqualTo(before.get(i));
        }
    }

    @Test
    void anA40WithoutMrgIsRefusedNamingMrg1() throws IOException {
        PatientId survivor = registered(Fixtures.newNhsNumber());
        AdtMessages a40 = AdtMessages.a("A40");
        a40.nhsNumber = jdbc.sql("select nhs_number from patient where id = ?").param(survivor.value())
                .query(String.class).single();

        refused(a40, "MRG^1^1", "needs an MRG segment", survivor);
    }

    @Test
    void anUnknownRetiredRecordIsRefusedNamingMrg1() throws IOException {
        String survivorNhs = Fixtures.newNhsNumber();
        PatientId survivor = registered(survivorNhs);

        refused(AdtMessages.merge(survivorNhs, Fixtures.newNhsNumber()), "MRG^1^1",
                "no retired record to merge", survivor);
    }

    @Test
    void anUnknownSurvivorIsRefusedNamingPid3AndNotRegistered() throws IOException {
        String retiredNhs = Fixtures.newNhsNumber();
        PatientId retired = registered(retiredNhs);
        String unknown = Fixtures.newNhsNumber();

        refused(AdtMessages.merge(unknown, retiredNhs), "PID^1^3", "no surviving record to merge into", retired);
        assertThat(jdbc.sql("select count(*) from patient where nhs_number = ?").param(unknown).query(Integer.class)
                .single()).isZero();
    }

    @Test
    void aRecordMergedIntoItselfIsRefused() throws IOException {
        String nhs = Fixtures.newNhsNumber();
        PatientId patient = registered(nhs);

        refused(AdtMessages.merge(nhs, nhs), "MRG^1^1", "cannot be merged into itself", patient);
    }

    @Test
    void twoLiveStaysAreRefusedAndBothStayAsTheyAre() throws IOException {
        String survivorNhs = Fixtures.newNhsNumber();
        String retiredNhs = Fixtures.newNhsNumber();
        PatientId survivor = registered(survivorNhs);
        PatientId retired = registered(retiredNhs);
        admitted(survivor);
        admitted(retired);

        refused(AdtMessages.merge(survivorNhs, retiredNhs), "MRG^1^1", "Both records are live at once", survivor,
                retired);
        assertThat(api.get(senior, "/api/v1/admissions?patientId=" + retired).body().size()).isEqualTo(1);
    }

    @Test
    void differentDatesOfBirthAreRefused() throws IOException {
        String survivorNhs = Fixtures.newNhsNumber();
        String retiredNhs = Fixtures.newNhsNumber();
        PatientId survivor = registered(survivorNhs);
        PatientId retired = registered(retiredNhs, Fixtures.unique("MERGE"), "19471012");

        refused(AdtMessages.merge(survivorNhs, retiredNhs), "MRG^1^1", "different dates of birth", survivor, retired);
    }

    @Test
    void aRecordAlreadyMergedIntoAnotherIsRefused() throws IOException {
        String first = Fixtures.newNhsNumber();
        String second = Fixtures.newNhsNumber();
        String retiredNhs = Fixtures.newNhsNumber();
        registered(first);
        PatientId other = registered(second);
        PatientId retired = registered(retiredNhs);
        AdtMessages merged = AdtMessages.merge(first, retiredNhs);
        assertThat(send(merged.text())).contains("MSA|AA|" + merged.controlId);

        AdtMessages again = AdtMessages.merge(second, retiredNhs);
        String ack = send(again.text());

        assertThat(ack).contains("MSA|AE|" + again.controlId).contains("MRG^1^1").contains("already merged into");
        assertThat(mergedInto(retired)).isNotEqualTo(other.value()).isNotNull();
    }

    @Test
    void anA40NamingTheRetiredRecordByItsLocalNumberOnlyFindsItFromTheTrustsMessages() throws IOException {
        String survivorNhs = Fixtures.newNhsNumber();
        PatientId survivor = registered(survivorNhs);
        AdtMessages a28 = AdtMessages.a("A28");
        a28.family = Fixtures.unique("LOCAL");
        assertThat(send(a28.text())).contains("MSA|AA|" + a28.controlId);
        PatientId retired = new PatientId(jdbc.sql("select id from patient where nhs_number = ?")
                .param(a28.nhsNumber).query(UUID.class).single());

        AdtMessages a40 = AdtMessages.a("A40");
        a40.nhsNumber = survivorNhs;
        a40.mrg = "MRG|" + a28.localNumber + "^^^RBD^MR";

        assertThat(send(a40.text())).contains("MSA|AA|" + a40.controlId);
        assertThat(mergedInto(retired)).isEqualTo(survivor.value());
    }
}
