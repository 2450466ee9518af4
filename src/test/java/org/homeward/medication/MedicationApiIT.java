package org.homeward.medication;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.homeward.patient.PatientRecord;
import org.homeward.security.CurrentUser;
import org.homeward.security.Organisation;
import org.homeward.security.OrganisationType;
import org.homeward.security.Role;
import org.homeward.support.Api;
import org.homeward.support.Api.Response;
import org.homeward.support.Fixtures;
import org.homeward.support.IntegrationTest;
import org.homeward.ward.Pathway;
import org.homeward.ward.VirtualWard;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Allergies, the formulary, prescribing with its checks and the pharmacist's screening through the API, as people of
 * different organisations: the acute trust's consultant prescribes and its pharmacist screens, the community
 * provider's nurse and the GP read, an organisation outside the care team gets 404; a nurse may not prescribe; bad
 * input is refused naming the field and writes nothing.
 */
@IntegrationTest
class MedicationApiIT {

    @Autowired Fixtures fixtures;
    @Autowired Api api;
    @Autowired JdbcClient jdbc;

    Organisation acute;
    Organisation community;
    CurrentUser referrer;
    CurrentUser consultant;
    CurrentUser pharmacist;
    CurrentUser nurse;
    CurrentUser gp;
    CurrentUser outsider;
    VirtualWard ward;
    UUID patientId;
    UUID ceftriaxone;
    UUID coAmoxiclav;
    UUID furosemide;

    @BeforeEach
    void admitAnAdultAndKeepAFormulary() {
        acute = fixtures.organisation(OrganisationType.ACUTE_TRUST);
        community = fixtures.organisation(OrganisationType.COMMUNITY_PROVIDER);
        String practice = Fixtures.newPracticeCode();
        Organisation gpOrganisation = fixtures.gpOrganisation(practice);
        referrer = fixtures.user(Role.REFERRER, acute);
        consultant = fixtures.user(Role.SENIOR_DECISION_MAKER, acute);
        pharmacist = fixtures.user(Role.PHARMACIST, acute);
        nurse = fixtures.user(Role.CLINICIAN, community);
        gp = fixtures.user(Role.SENIOR_DECISION_MAKER, gpOrganisation);
        outsider = fixtures.user(Role.SENIOR_DECISION_MAKER, fixtures.organisation(OrganisationType.ACUTE_TRUST));
        ward = fixtures.ward(acute, 5, List.of(community));
        PatientRecord patient = fixtures.patient(referrer, LocalDate.of(1948, 6, 2), practice);
        fixtures.admit(patient, ward, referrer, consultant);
        patientId = patient.summary().id().value();
        ceftriaxone = formularyEntry("Ceftriaxone", "CEPHALOSPORINS", "G", 1, 4, 50.0, 80.0, 4.0, true,
                List.of("INTRAVENOUS", "INTRAMUSCULAR"));
        coAmoxiclav = formularyEntry("Co-amoxiclav", "PENICILLINS", "MG", 1200, 1200, 30.0, 30.0, 1200.0, true,
                List.of("INTRAVENOUS"));
        furosemide = formularyEntry("Furosemide", "LOOP_DIURETICS", "MG", 20, 80, null, null, null, false,
                List.of("INTRAVENOUS", "ORAL"));
    }

    UUID formularyEntry(String name, String cls, String unit, double min, double max, Double childMin,
            Double childMax, Double childMaxDose, boolean antimicrobial, List<String> routes) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("form", "solution for injection");
        body.put("strength", Fixtures.unique("vial "));
        body.put("routes", routes);
        body.put("doseUnit", unit);
        body.put("adultDoseMin", min);
        body.put("adultDoseMax", max);
        body.put("childDosePerKgMinMg", childMin);
        body.put("childDosePerKgMaxMg", childMax);
        body.put("childMaxDose", childMaxDose);
        body.put("timeCritical", true);
        body.put("secondChecker", false);
        body.put("controlledDrug", false);
        body.put("antimicrobial", antimicrobial);
        body.put("substanceClass", cls);
        body.put("doseSource", "BNF");
        Response added = api.post(pharmacist, "/api/v1/formulary", body);
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        return UUID.fromString(added.text("id"));
    }

    String path(String rest) {
        return "/api/v1/patients/" + patientId + rest;
    }

    Response penicillinAllergy(CurrentUser by, String severity) {
        return api.post(by, path("/allergies"), Map.of("substance", "Penicillin", "reaction", "Widespread rash",
                "severity", severity, "certainty", "CONFIRMED", "kind", "ALLERGY"));
    }

    static Map<String, Object> prescription(UUID medicine, double dose, String unit, String route,
            Object... overrides) {
        Map<String, Object> body = new HashMap<>();
        body.put("formularyEntryId", medicine);
        body.put("dose", dose);
        body.put("doseUnit", unit);
        body.put("route", route);
        body.put("frequency", "ONCE_DAILY");
        body.put("times", List.of("08:00"));
        body.put("indication", "Community-acquired pneumonia");
        List<Map<String, String>> confirmed = new ArrayList<>();
        for (int i = 0; i < overrides.length; i += 2) {
            confirmed.add(Map.of("check", (String) overrides[i], "reason", (String) overrides[i + 1]));
        }
        body.put("overrides", confirmed);
        return body;
    }

    int prescriptions() {
        return jdbc.sql("select count(*) from prescription where patient_id = ?").param(patientId)
                .query(Integer.class).single();
    }

    static String field(Response refused) {
        return refused.body().path("errors").path(0).path("field").asText();
    }

    @Test
    void theConsultantPrescribesThePharmacistScreensFromTheWorklistAndTheCareTeamReads() {
        assertThat(penicillinAllergy(consultant, "MODERATE").status()).isEqualTo(201);

        Response made = api.post(consultant, path("/prescriptions"), prescription(ceftriaxone, 2, "G",
                "INTRAVENOUS"));
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        assertThat(made.text("screening")).isEqualTo("AWAITING");
        assertThat(made.body().path("times").get(0).asText()).startsWith("08:00");
        assertThat(LocalDate.parse(made.text("reviewOn"))).as("antimicrobial: 48 hours after the start")
                .isAfter(LocalDate.now().plusDays(1));
        String prescriptionId = made.text("id");

        JsonNode worklist = api.get(pharmacist, "/api/v1/tasks/mine").body();
        JsonNode task = find(worklist, "originId", prescriptionId);
        assertThat(task).as("the screening task is on the pharmacist's worklist").isNotNull();
        assertThat(task.path("origin").asText()).isEqualTo("PRESCRIPTION");

        Response screened = api.post(pharmacist, "/api/v1/prescriptions/" + prescriptionId + "/screening",
                Map.of("outcome", "SCREENED"));
        assertThat(screened.status()).as(screened.toString()).isEqualTo(200);
        assertThat(screened.text("screening")).isEqualTo("SCREENED");
        assertThat(api.get(pharmacist, "/api/v1/tasks/" + task.path("id").asText()).text("status"))
                .isEqualTo("DONE");

        for (CurrentUser reader : List.of(nurse, gp)) {
            Response chart = api.get(reader, path("/prescriptions"));
            assertThat(chart.status()).as(reader.username()).isEqualTo(200);
            assertThat(chart.body().path("active").get(0).path("prescription").path("medicine").asText())
                    .isEqualTo("Ceftriaxone");
            assertThat(chart.body().path("allergies").path("status").asText()).isEqualTo("HAS_ALLERGIES");
            Response allergies = api.get(reader, path("/allergies"));
            assertThat(allergies.body().path("allergies").get(0).path("substanceClass").asText())
                    .isEqualTo("PENICILLINS");
        }
        assertThat(api.get(outsider, path("/prescriptions")).status()).isEqualTo(404);
        assertThat(api.get(outsider, path("/allergies")).status()).isEqualTo(404);
        assertThat(api.get(outsider, "/api/v1/prescriptions/" + prescriptionId).status()).isEqualTo(404);
        assertThat(api.post(pharmacist, "/api/v1/prescriptions/" + prescriptionId + "/screening",
                Map.of("outcome", "SCREENED")).status()).as("screened once").isEqualTo(409);
    }

    @Test
    void coAmoxiclavIsRefusedForAPenicillinAllergyUnlessConfirmedWithAReason() {
        penicillinAllergy(consultant, "MODERATE");

        Response refused = api.post(consultant, path("/prescriptions"), prescription(coAmoxiclav, 1200, "MG",
                "INTRAVENOUS"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(field(refused)).isEqualTo("formularyEntryId");
        assertThat(refused.text("detail")).contains("Penicillin");
        assertThat(prescriptions()).as("nothing written").isZero();

        Response confirmed = api.post(consultant, path("/prescriptions"), prescription(coAmoxiclav, 1200, "MG",
                "INTRAVENOUS", "ALLERGY", "Tolerated co-amoxiclav in March 2026 per discharge letter"));
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(201);
        assertThat(confirmed.body().path("overrides").get(0).path("reason").asText()).contains("Tolerated");
        assertThat(confirmed.body().path("overrides").get(0).path("finding").asText()).contains("Penicillin");
    }

    @Test
    void aSeverePenicillinAllergyCrossMatchesCephalosporins() {
        penicillinAllergy(consultant, "LIFE_THREATENING");
        Response refused = api.post(consultant, path("/prescriptions"), prescription(ceftriaxone, 2, "G",
                "INTRAVENOUS"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("detail")).contains("cross-sensitivity");
    }

    @Test
    void prescribingWaitsUntilAllergiesAreRecorded() {
        Response refused = api.post(consultant, path("/prescriptions"), prescription(furosemide, 40, "MG",
                "INTRAVENOUS"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(field(refused)).isEqualTo("allergies");
        assertThat(api.post(nurse, path("/no-known-allergies"), Map.of()).status()).isEqualTo(201);
        assertThat(api.post(consultant, path("/prescriptions"), prescription(furosemide, 40, "MG", "INTRAVENOUS"))
                .status()).isEqualTo(201);
    }

    @Test
    void anAllergyAfterNoKnownAllergiesSupersedesTheStatementAndIsCorrectedWithHistory() {
        api.post(nurse, path("/no-known-allergies"), Map.of());
        assertThat(api.get(gp, path("/allergies")).text("status")).isEqualTo("NO_KNOWN_ALLERGIES");

        Response allergy = penicillinAllergy(nurse, "MILD");
        JsonNode now = api.get(gp, path("/allergies")).body();
        assertThat(now.path("status").asText()).isEqualTo("HAS_ALLERGIES");
        assertThat(now.path("noKnownAllergies").isNull() || now.path("noKnownAllergies").isMissingNode()).isTrue();
        assertThat(jdbc.sql("select count(*) from allergy_statement where patient_id = ? and superseded_at is not null")
                .param(patientId).query(Integer.class).single()).isEqualTo(1);
        assertThat(api.post(nurse, path("/no-known-allergies"), Map.of()).status()).as("not while an allergy is in "
                + "force").isEqualTo(409);

        String id = allergy.text("id");
        Response corrected = api.post(consultant, "/api/v1/allergies/" + id + "/corrections", Map.of(
                "substance", "Penicillin", "reaction", "Anaphylaxis", "severity", "LIFE_THREATENING", "certainty",
                "CONFIRMED", "kind", "ALLERGY", "reason", "GP record says anaphylaxis in 2019"));
        assertThat(corrected.status()).isEqualTo(201);
        assertThat(api.post(consultant, "/api/v1/allergies/" + id + "/entered-in-error", Map.of()).status())
                .as("a reason is needed").isEqualTo(400);
        assertThat(api.post(consultant, "/api/v1/allergies/" + id + "/entered-in-error",
                Map.of("reason", "Wrong patient")).status()).isEqualTo(201);
        JsonNode history = api.get(nurse, "/api/v1/allergies/" + id + "/history").body();
        assertThat(history).hasSize(3);
        assertThat(history.get(1).path("severity").asText()).isEqualTo("LIFE_THREATENING");
        JsonNode after = api.get(gp, path("/allergies")).body();
        assertThat(after.path("status").asText()).as("the statement stays superseded").isEqualTo("NOT_RECORDED");
        assertThat(after.path("enteredInError")).hasSize(1);
    }

    @Test
    void aNurseMayNotPrescribeAndBadInputIsRefusedNamingTheFieldWritingNothing() {
        api.post(nurse, path("/no-known-allergies"), Map.of());
        assertThat(api.post(nurse, path("/prescriptions"), prescription(furosemide, 40, "MG", "INTRAVENOUS"))
                .status()).isEqualTo(403);
        Map<String, String> cases = Map.of("route", "INHALED", "dose", "-1", "doseUnit", "ML", "times", "2",
                "indication", "", "reviewOn", "2000-01-01", "formularyEntryId", UUID.randomUUID().toString(),
                "overrides", "blank");
        cases.forEach((field, bad) -> {
            Map<String, Object> body = prescription(ceftriaxone, 2, "G", "INTRAVENOUS");
            switch (field) {
                case "route" -> body.put("route", bad);
                case "dose" -> body.put("dose", Double.parseDouble(bad));
                case "doseUnit" -> body.put("doseUnit", bad);
                case "times" -> body.put("times", List.of("08:00", "20:00"));
                case "indication" -> body.put("indication", bad);
                case "reviewOn" -> body.put("reviewOn", bad);
                case "formularyEntryId" -> body.put("formularyEntryId", bad);
                default -> body.put("overrides", List.of(Map.of("check", "ALLERGY", "reason", " ")));
            }
            Response refused = api.post(consultant, path("/prescriptions"), body);
            assertThat(refused.status()).as(field + ": " + refused).isEqualTo(400);
            assertThat(field(refused)).isEqualTo(field);
        });
        assertThat(prescriptions()).isZero();
    }

    @Test
    void aDuplicateAndADoseOutOfRangeAreConfirmedWithAReasonOrRefused() {
        api.post(nurse, path("/no-known-allergies"), Map.of());
        assertThat(api.post(consultant, path("/prescriptions"), prescription(furosemide, 40, "MG", "INTRAVENOUS"))
                .status()).isEqualTo(201);
        Response duplicate = api.post(consultant, path("/prescriptions"), prescription(furosemide, 40, "MG", "ORAL"));
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(field(duplicate)).isEqualTo("formularyEntryId");
        assertThat(duplicate.text("detail")).contains("duplicates");

        Response high = api.post(consultant, path("/prescriptions"), prescription(furosemide, 120, "MG", "ORAL",
                "DUPLICATE", "Oral dose to follow the IV one tomorrow"));
        assertThat(high.status()).isEqualTo(400);
        assertThat(field(high)).isEqualTo("dose");
        assertThat(high.text("detail")).contains("above the formulary's usual adult dose of 20 to 80 mg");
        Response both = api.post(consultant, path("/prescriptions"), prescription(furosemide, 120, "MG", "ORAL",
                "DUPLICATE", "Oral dose to follow the IV one tomorrow", "DOSE_RANGE", "Resistant oedema, HF team"));
        assertThat(both.status()).as(both.toString()).isEqualTo(201);
        assertThat(both.body().path("overrides")).hasSize(2);
        assertThat(prescriptions()).isEqualTo(2);
    }

    @Test
    void aStoppedPrescriptionIsReadOnlyAndAChangeIsStopAndNewLinked() {
        api.post(nurse, path("/no-known-allergies"), Map.of());
        String first = api.post(consultant, path("/prescriptions"), prescription(furosemide, 40, "MG",
                "INTRAVENOUS")).text("id");
        Response changed = api.post(consultant, "/api/v1/prescriptions/" + first + "/change", Map.of("reason",
                "Weight still rising", "prescription", prescription(furosemide, 80, "MG", "INTRAVENOUS")));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(201);
        assertThat(changed.text("replaces")).isEqualTo(first);
        Response old = api.get(nurse, "/api/v1/prescriptions/" + first);
        assertThat(old.text("replacedBy")).isEqualTo(changed.text("id"));
        assertThat(old.text("stopReason")).contains("Weight still rising");
        assertThat(api.post(consultant, "/api/v1/prescriptions/" + first + "/stop", Map.of("reason", "again"))
                .status()).isEqualTo(409);
        assertThat(api.post(pharmacist, "/api/v1/prescriptions/" + first + "/screening",
                Map.of("outcome", "SCREENED")).status()).isEqualTo(409);

        String second = changed.text("id");
        assertThat(api.post(consultant, "/api/v1/prescriptions/" + second + "/stop", Map.of()).status())
                .as("a reason is needed").isEqualTo(400);
        Response stopped = api.post(consultant, "/api/v1/prescriptions/" + second + "/stop",
                Map.of("reason", "Euvolaemic"));
        assertThat(stopped.status()).isEqualTo(200);
        JsonNode chart = api.get(nurse, path("/prescriptions")).body();
        assertThat(chart.path("active")).isEmpty();
        assertThat(chart.path("stopped")).hasSize(2);
    }

    @Test
    void thePharmacistsQueryReachesThePrescriber() {
        api.post(nurse, path("/no-known-allergies"), Map.of());
        String id = api.post(consultant, path("/prescriptions"), prescription(furosemide, 40, "MG", "INTRAVENOUS"))
                .text("id");
        assertThat(api.post(pharmacist, "/api/v1/prescriptions/" + id + "/screening", Map.of("outcome", "QUERIED"))
                .status()).as("a query needs its note").isEqualTo(400);
        Response queried = api.post(pharmacist, "/api/v1/prescriptions/" + id + "/screening",
                Map.of("outcome", "QUERIED", "note", "eGFR 28: is 40 mg twice daily intended?"));
        assertThat(queried.text("screening")).isEqualTo("QUERIED");
        assertThat(api.get(consultant, path("/prescriptions")).body().path("active").get(0).path("prescription")
                .path("screeningNote").asText()).contains("eGFR 28");
        assertThat(find(api.get(consultant, "/api/v1/tasks/mine").body(), "originId", id)).isNotNull();
        assertThat(api.post(nurse, "/api/v1/prescriptions/" + id + "/screening", Map.of("outcome", "SCREENED"))
                .status()).as("only a pharmacist screens").isEqualTo(403);
    }

    @Test
    void aChildsDoseIsCheckedPerKilogramAgainstAWeightOfTheLastSevenDays() {
        VirtualWard childrens = fixtures.ward(acute, 5, 0, 17, EnumSet.of(Pathway.PAEDIATRICS),
                List.of(community));
        PatientRecord child = fixtures.patient(referrer, LocalDate.now().minusYears(6));
        fixtures.admit(child, childrens, referrer, consultant);
        patientId = child.summary().id().value();
        api.post(nurse, path("/no-known-allergies"), Map.of());

        Response noWeight = api.post(consultant, path("/prescriptions"), prescription(ceftriaxone, 1, "G",
                "INTRAVENOUS"));
        assertThat(noWeight.status()).isEqualTo(400);
        assertThat(field(noWeight)).isEqualTo("weight");
        assertThat(api.post(nurse, path("/weights"), Map.of("weightKg", 20, "measuredOn",
                LocalDate.now().minusDays(8).toString())).status()).isEqualTo(201);
        assertThat(field(api.post(consultant, path("/prescriptions"), prescription(ceftriaxone, 1, "G",
                "INTRAVENOUS")))).as("a weight 8 days old").isEqualTo("weight");
        assertThat(api.post(nurse, path("/weights"), Map.of("weightKg", -2)).status()).isEqualTo(400);
        assertThat(api.post(nurse, path("/weights"), Map.of("weightKg", 20)).status()).isEqualTo(201);

        Response tooMuch = api.post(consultant, path("/prescriptions"), prescription(ceftriaxone, 2, "G",
                "INTRAVENOUS"));
        assertThat(tooMuch.status()).isEqualTo(400);
        assertThat(field(tooMuch)).isEqualTo("dose");
        assertThat(tooMuch.text("detail")).contains("100 mg/kg");
        Response made = api.post(consultant, path("/prescriptions"), prescription(ceftriaxone, 1000, "MG",
                "INTRAVENOUS"));
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        assertThat(made.body().path("dosePerKgMg").asDouble()).isEqualTo(50.0);
        assertThat(made.body().path("weightKg").asDouble()).isEqualTo(20.0);
    }

    @Test
    void aSeventeenYearOldOnAnAdultWardIsDosedAsAChildAndAnEighteenYearOldAsAnAdult() {
        VirtualWard adults = fixtures.ward(acute, 5, 16, 130, EnumSet.of(Pathway.GENERAL_MEDICINE), List.of(community));
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/London"));
        PatientRecord seventeen = fixtures.patient(referrer, today.minusYears(18).plusDays(1));
        fixtures.admit(seventeen, adults, referrer, consultant);
        patientId = seventeen.summary().id().value();
        api.post(nurse, path("/no-known-allergies"), Map.of());
        Response noWeight = api.post(consultant, path("/prescriptions"), prescription(ceftriaxone, 1, "G",
                "INTRAVENOUS"));
        assertThat(field(noWeight)).as("a day before the 18th birthday, on an adult ward: a weight is needed")
                .isEqualTo("weight");

        PatientRecord eighteen = fixtures.patient(referrer, today.minusYears(18));
        fixtures.admit(eighteen, adults, referrer, consultant);
        patientId = eighteen.summary().id().value();
        api.post(nurse, path("/no-known-allergies"), Map.of());
        Response adult = api.post(consultant, path("/prescriptions"), prescription(ceftriaxone, 1, "G",
                "INTRAVENOUS"));
        assertThat(adult.status()).as("on the 18th birthday, the adult range " + adult).isEqualTo(201);
        assertThat(adult.body().path("weightKg").isNumber()).as("no weight asked of an adult").isFalse();
    }

    @Test
    void onlyThePharmacistKeepsTheFormularyAndEachChangeKeepsItsHistory() {
        Map<String, Object> body = new HashMap<>(Map.of("name", "Salbutamol", "form", "nebuliser liquid",
                "strength", Fixtures.unique("2.5mg/2.5ml "), "routes", List.of("NEBULISED"), "doseUnit", "MG",
                "adultDoseMin", 2.5, "adultDoseMax", 5, "substanceClass", "BETA2_AGONISTS"));
        assertThat(api.post(nurse, "/api/v1/formulary", body).status()).isEqualTo(403);
        body.put("dmdCode", "39732411000001106");
        Response noSource = api.post(pharmacist, "/api/v1/formulary", body);
        assertThat(noSource.status()).isEqualTo(400);
        assertThat(field(noSource)).isEqualTo("dmdSource");
        body.remove("dmdCode");
        String id = api.post(pharmacist, "/api/v1/formulary", body).text("id");
        body.put("adultDoseMax", 10);
        assertThat(field(api.put(pharmacist, "/api/v1/formulary/" + id, body))).isEqualTo("reason");
        body.put("reason", "Severe asthma dose per BNF");
        assertThat(api.put(pharmacist, "/api/v1/formulary/" + id, body).text("version")).isEqualTo("2");
        JsonNode history = api.get(nurse, "/api/v1/formulary/" + id + "/history").body();
        assertThat(history).hasSize(2);
        assertThat(history.get(0).path("adultDoseMax").asDouble()).isEqualTo(5.0);
    }

    static JsonNode find(JsonNode list, String field, String value) {
        for (JsonNode node : list) {
            if (value.equals(node.path(field).asText())) {
                return node;
            }
        }
        return null;
    }
}
