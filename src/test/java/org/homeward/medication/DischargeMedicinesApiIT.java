package org.homeward.medication;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.homeward.patient.PatientRecord;
import org.homeward.referral.AdmissionView;
import org.homeward.security.CurrentUser;
import org.homeward.security.Organisation;
import org.homeward.security.OrganisationType;
import org.homeward.security.Role;
import org.homeward.support.Api;
import org.homeward.support.Api.Response;
import org.homeward.support.Fixtures;
import org.homeward.support.IntegrationTest;
import org.homeward.ward.VirtualWard;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The medicine changes of a stay through the API, across organisations: the acute trust's consultant prescribes,
 * changes and stops; its pharmacist reconciles the medicines taken before admission (continued, stopped, changed with
 * reasons); the community nurse records the nominated community pharmacy; the draft is read before discharge; the
 * consultant discharges, which fixes the discharge medicines record addressed to the GP practice and the pharmacy; the
 * GP reads it; a later change does not alter it and the database refuses to; an outsider organisation gets 404.
 */
@IntegrationTest
class DischargeMedicinesApiIT {

    @Autowired Fixtures fixtures;
    @Autowired Api api;
    @Autowired JdbcClient jdbc;

    CurrentUser referrer;
    CurrentUser consultant;
    CurrentUser pharmacist;
    CurrentUser nurse;
    CurrentUser gp;
    CurrentUser outsider;
    String practice;
    PatientRecord patient;
    AdmissionView admission;
    UUID ceftriaxone;
    UUID furosemide;
    UUID amoxicillin;

    @BeforeEach
    void admitAndKeepAFormulary() {
        Organisation acute = fixtures.organisation(OrganisationType.ACUTE_TRUST);
        Organisation community = fixtures.organisation(OrganisationType.COMMUNITY_PROVIDER);
        practice = Fixtures.newPracticeCode();
        gp = fixtures.user(Role.SENIOR_DECISION_MAKER, fixtures.gpOrganisation(practice));
        referrer = fixtures.user(Role.REFERRER, acute);
        consultant = fixtures.user(Role.SENIOR_DECISION_MAKER, acute);
        pharmacist = fixtures.user(Role.PHARMACIST, acute);
        nurse = fixtures.user(Role.CLINICIAN, community);
        outsider = fixtures.user(Role.SENIOR_DECISION_MAKER, fixtures.organisation(OrganisationType.ACUTE_TRUST));
        VirtualWard ward = fixtures.ward(acute, 5, List.of(community));
        patient = fixtures.patient(referrer, LocalDate.of(1944, 3, 9), practice);
        admission = fixtures.admit(patient, ward, referrer, consultant);
        ceftriaxone = formularyEntry("Ceftriaxone", "CEPHALOSPORINS", "G", 1, 4, true, List.of("INTRAVENOUS"));
        furosemide = formularyEntry("Furosemide", "LOOP_DIURETICS", "MG", 20, 80, false,
                List.of("INTRAVENOUS", "ORAL"));
        amoxicillin = formularyEntry("Amoxicillin", "PENICILLINS", "MG", 250, 1000, true, List.of("ORAL"));
    }

    @Test
    void theGpReadsTheMedicineChangesFixedAtDischargeAndALaterChangeDoesNotAlterThem() {
        String patientPath = "/api/v1/patients/" + patient.summary().id().value();
        assertThat(api.post(nurse, patientPath + "/no-known-allergies", Map.of()).status()).isEqualTo(201);

        // the medicines taken before admission, reconciled by the pharmacist
        String rec = patientPath + "/medicines-reconciliation";
        for (String medicine : List.of("Ramipril 5 mg capsules", "Aspirin 75 mg tablets", "Bisoprolol 5 mg tablets",
                "Atorvastatin 40 mg tablets")) {
            assertThat(api.post(nurse, rec + "/medicines", Map.of("source", "GP_RECORD", "medicine", medicine,
                    "dose", "1 tablet", "route", "By mouth", "frequency", "Once a day")).status()).isEqualTo(201);
        }
        decide(rec, "Aspirin 75 mg tablets", "CONTINUED", null, null);
        decide(rec, "Ramipril 5 mg capsules", "STOPPED", "Acute kidney injury", null);
        decide(rec, "Bisoprolol 5 mg tablets", "CHANGED", "Heart rate 48 at rest", "2.5 mg");

        // prescribed during the stay: started, changed, stopped
        String iv = prescribe(ceftriaxone, 2, "G", "INTRAVENOUS");
        String oral = prescribe(furosemide, 40, "MG", "ORAL");
        Response changed = api.post(consultant, "/api/v1/prescriptions/" + oral + "/change", Map.of("reason",
                "Weight still rising", "prescription", prescription(furosemide, 80, "MG", "ORAL")));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(201);
        String amox = prescribe(amoxicillin, 500, "MG", "ORAL");
        assertThat(api.post(consultant, "/api/v1/prescriptions/" + amox + "/stop", Map.of("reason",
                "Rash on day 2: not an allergy, a viral exanthem")).status()).isEqualTo(200);

        // the community pharmacy, recorded by the community nurse
        assertThat(api.put(nurse, patientPath + "/community-pharmacy", Map.of("name", "Quayside Pharmacy, 3 The "
                + "Quay, Poole", "odsCode", "fq123")).body().path("pharmacy").path("odsCode").asText())
                .isEqualTo("FQ123");

        // the draft before discharge, read by the nurse
        Response draft = api.get(nurse, patientPath + "/medicine-changes");
        assertThat(draft.status()).as(draft.toString()).isEqualTo(200);
        assertThat(draft.body().path("id").asText(null)).as("a draft has no id").isNull();
        assertThat(kinds(draft.body())).containsExactly("STOPPED", "CONTINUED", "CHANGED", "NOT_DECIDED",
                "STILL_PRESCRIBED_CHECK", "STARTED", "STOPPED_DURING_STAY");
        assertThat(api.get(pharmacist, patientPath + "/discharge-medicines").body()).isEmpty();
        decide(rec, "Atorvastatin 40 mg tablets", "WITHHELD", "Clarithromycin interaction", null);

        // discharge: the consultant, through the API
        Response discharged = api.post(consultant, "/api/v1/admissions/" + admission.id().value() + "/discharge",
                Map.of("destination", "USUAL_RESIDENCE", "summary", "Pneumonia treated at home"));
        assertThat(discharged.status()).as(discharged.toString()).isEqualTo(200);
        assertThat(api.get(nurse, patientPath + "/medicine-changes").status()).as("no draft after discharge")
                .isEqualTo(409);

        // the GP reads the fixed record, per patient and per admission
        Response list = api.get(gp, patientPath + "/discharge-medicines");
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        JsonNode record = list.body().get(0);
        assertThat(record.path("admissionId").asText()).isEqualTo(admission.id().value().toString());
        assertThat(record.path("gpPracticeCode").asText()).isEqualTo(practice);
        assertThat(record.path("pharmacy").path("name").asText()).isEqualTo("Quayside Pharmacy, 3 The Quay, Poole");
        assertThat(record.path("reconciliationWords").asText()).startsWith("Medicines reconciliation not verified");
        assertThat(kinds(record)).containsExactly("STOPPED", "CONTINUED", "CHANGED", "WITHHELD",
                "STILL_PRESCRIBED_CHECK", "STARTED", "STOPPED_DURING_STAY");
        JsonNode bisoprolol = change(record, "Bisoprolol 5 mg tablets");
        assertThat(bisoprolol.path("after").asText()).isEqualTo("2.5 mg, Once a day");
        assertThat(bisoprolol.path("reason").asText()).isEqualTo("Heart rate 48 at rest");
        JsonNode furosemideRow = change(record, "Furosemide");
        assertThat(furosemideRow.path("before").asText()).isEqualTo("Furosemide 40 mg oral, once daily");
        assertThat(furosemideRow.path("after").asText()).isEqualTo("Furosemide 80 mg oral, once daily");
        assertThat(furosemideRow.path("history").get(1).asText()).contains("Weight still rising")
                .contains(consultant.displayName());
        assertThat(change(record, "Amoxicillin").path("reason").asText())
                .isEqualTo("Rash on day 2: not an allergy, a viral exanthem");
        Response one = api.get(gp, patientPath + "/discharge-medicines/" + admission.id().value());
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.body()).isEqualTo(record);

        // a later change does not alter it, and the database refuses to change it
        assertThat(api.post(consultant, "/api/v1/prescriptions/" + iv + "/stop", Map.of("reason",
                "Course finished after discharge")).status()).isEqualTo(200);
        assertThat(api.put(nurse, patientPath + "/community-pharmacy", Map.of("name", "Another Pharmacy"))
                .status()).isEqualTo(200);
        assertThat(api.get(gp, patientPath + "/discharge-medicines/" + admission.id().value()).body())
                .isEqualTo(record);
        UUID recordId = UUID.fromString(record.path("id").asText());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("update discharge_medicines set "
                + "pharmacy_name = 'x' where id = ?").param(recordId).update()).hasMessageContaining("never changed");

        // outsiders get 404; the GP reading is audited
        assertThat(api.get(outsider, patientPath + "/discharge-medicines").status()).isEqualTo(404);
        assertThat(api.get(outsider, patientPath + "/discharge-medicines/" + admission.id().value()).status())
                .isEqualTo(404);
        assertThat(api.put(outsider, patientPath + "/community-pharmacy", Map.of("name", "X")).status())
                .isEqualTo(404);
        assertThat(api.get(gp, patientPath + "/discharge-medicines/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from audit_event where patient_id = ? and record_type = "
                        + "'DischargeMedicines' and action = 'READ' and username = ?")
                .params(patient.summary().id().value(), gp.username()).query(Long.class).single()).isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from audit_event where patient_id = ? and record_type = "
                        + "'DischargeMedicines' and action = 'CREATE'")
                .param(patient.summary().id().value()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theCommunityPharmacyIsCheckedNamingTheFieldAndAGpMayNotRecordIt() {
        String path = "/api/v1/patients/" + patient.summary().id().value() + "/community-pharmacy";
        assertRefused(api.put(nurse, path, Map.of("name", "Quayside Pharmacy", "odsCode", "J12345")), "odsCode");
        assertRefused(api.put(nurse, path, Map.of("odsCode", "FQ123")), "name");
        assertRefused(api.put(nurse, path, Map.of("name", "")), "name");
        assertRefused(api.put(nurse, path, Map.of("name", "x".repeat(201))), "name");
        assertThat(jdbc.sql("select count(*) from community_pharmacy_nomination where patient_id = ?")
                .param(patient.summary().id().value()).query(Long.class).single()).isZero();
        assertThat(api.get(gp, path).body().path("pharmacy").asText(null)).isNull();
        assertThat(api.put(fixtures.user(Role.REFERRER, fixtures.gpOrganisation(practice)), path,
                Map.of("name", "Quayside Pharmacy")).status()).isEqualTo(403);
        assertThat(api.put(pharmacist, path, Map.of("name", "Quayside Pharmacy")).status()).isEqualTo(200);
        Response removed = api.put(pharmacist, path, Map.of("name", ""));
        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.body().path("pharmacy").asText(null)).isNull();
    }

    private void decide(String rec, String medicine, String decision, String reason, String newDose) {
        Map<String, Object> body = new HashMap<>(Map.of("medicine", medicine, "decision", decision));
        if (reason != null) {
            body.put("reason", reason);
        }
        if (newDose != null) {
            body.put("newDose", newDose);
            body.put("newFrequency", "Once a day");
        }
        Response decided = api.post(pharmacist, rec + "/decisions", body);
        assertThat(decided.status()).as(decided.toString()).isEqualTo(201);
    }

    private String prescribe(UUID medicine, double dose, String unit, String route) {
        Response made = api.post(consultant, "/api/v1/patients/" + patient.summary().id().value() + "/prescriptions",
                prescription(medicine, dose, unit, route));
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        return made.text("id");
    }

    private static Map<String, Object> prescription(UUID medicine, double dose, String unit, String route) {
        Map<String, Object> body = new HashMap<>();
        body.put("formularyEntryId", medicine);
        body.put("dose", dose);
        body.put("doseUnit", unit);
        body.put("route", route);
        body.put("frequency", "ONCE_DAILY");
        body.put("times", List.of("08:00"));
        body.put("indication", "Community-acquired pneumonia");
        body.put("overrides", List.of());
        return body;
    }

    private UUID formularyEntry(String name, String cls, String unit, double min, double max, boolean antimicrobial,
            List<String> routes) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("form", "solution for injection");
        body.put("strength", Fixtures.unique("vial "));
        body.put("routes", routes);
        body.put("doseUnit", unit);
        body.put("adultDoseMin", min);
        body.put("adultDoseMax", max);
        body.put("timeCritical", false);
        body.put("secondChecker", false);
        body.put("controlledDrug", false);
        body.put("antimicrobial", antimicrobial);
        body.put("substanceClass", cls);
        body.put("doseSource", "BNF");
        Response added = api.post(pharmacist, "/api/v1/formulary", body);
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        return UUID.fromString(added.text("id"));
    }

    private static List<String> kinds(JsonNode record) {
        List<String> kinds = new ArrayList<>();
        record.path("changes").forEach(c -> kinds.add(c.path("kind").asText()));
        return kinds;
    }

    private static JsonNode change(JsonNode record, String medicine) {
        for (JsonNode c : record.path("changes")) {
            if (c.path("medicine").asText().equals(medicine)) {
                return c;
            }
        }
        throw new AssertionError("no " + medicine + " in " + record);
    }

    private static void assertRefused(Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.body().path("errors").get(0).path("field").asText()).isEqualTo(field);
    }
}
