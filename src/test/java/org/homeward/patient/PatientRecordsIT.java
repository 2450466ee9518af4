package org.homeward.patient;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.homeward.security.CurrentUser;
import org.homeward.security.Organisation;
import org.homeward.security.OrganisationType;
import org.homeward.security.Role;
import org.homeward.support.Api;
import org.homeward.support.Api.Response;
import org.homeward.support.Fixtures;
import org.homeward.support.IntegrationTest;
import org.homeward.support.PageSession;
import org.homeward.support.PageSession.Page;
import org.homeward.ward.Pathway;
import org.homeward.ward.VirtualWard;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 11 (records): corrections kept as history and audited, by the care team only; search by any part of the
 * name, NHS number and date of birth; the audit trail paged past 500 lines; wards offered by age; census columns.
 * Signed in as the acute trust (admits), the community provider (visits), the GP (reads) and the ICB (sees nothing).
 */
@IntegrationTest
class PatientRecordsIT {

    @Autowired Fixtures fixtures;
    @Autowired Api api;
    @Autowired JdbcClient jdbc;
    @Autowired PatientService patients;

    Organisation acute;
    Organisation community;
    Organisation gpFederation;
    Organisation icb;
    String practice;
    CurrentUser referrer;
    CurrentUser consultant;
    CurrentUser nurse;
    CurrentUser coordinator;
    CurrentUser gp;
    CurrentUser commissioner;
    CurrentUser governance;
    VirtualWard adultWard;
    VirtualWard childrensWard;

    @BeforeEach
    void setUp() {
        acute = fixtures.organisation(OrganisationType.ACUTE_TRUST);
        community = fixtures.organisation(OrganisationType.COMMUNITY_PROVIDER);
        practice = Fixtures.newPracticeCode();
        gpFederation = fixtures.gpOrganisation(practice);
        icb = fixtures.organisation(OrganisationType.ICB);
        referrer = fixtures.user(Role.REFERRER, acute);
        consultant = fixtures.user(Role.SENIOR_DECISION_MAKER, acute);
        nurse = fixtures.user(Role.CLINICIAN, community);
        coordinator = fixtures.user(Role.COORDINATOR, community);
        gp = fixtures.user(Role.SENIOR_DECISION_MAKER, gpFederation);
        commissioner = fixtures.user(Role.COMMISSIONER, icb);
        governance = fixtures.user(Role.GOVERNANCE, acute);
        adultWard = fixtures.ward(acute, 5, List.of(community));
        childrensWard = fixtures.ward(acute, 5, 0, 17, EnumSet.of(Pathway.PAEDIATRICS), List.of(community));
    }

    private PatientRecord admitted(LocalDate dateOfBirth, VirtualWard ward) {
        PatientRecord patient = fixtures.patient(referrer, dateOfBirth, practice);
        fixtures.admit(patient, ward, referrer, consultant);
        return patients.record(referrer, patient.summary().id());
    }

    private Map<String, Object> demographics(PatientRecord p, String givenName, LocalDate dateOfBirth, String reason,
            Integer version) {
        Map<String, Object> body = new HashMap<>();
        body.put("givenName", givenName);
        body.put("familyName", p.summary().familyName());
        body.put("dateOfBirth", dateOfBirth.toString());
        body.put("sex", "FEMALE");
        body.put("ethnicCategory", "A");
        body.put("reason", reason);
        body.put("version", version);
        return body;
    }

    private long rows(String table, PatientRecord p) {
        return jdbc.sql("select count(*) from " + table + " where patient_id = ?").param(p.summary().id().value())
                .query(Long.class).single();
    }

    @Test
    void theVisitingNurseCorrectsTheDateOfBirthAndTheChangeIsKeptAsHistoryAndAudited() {
        PatientRecord p = admitted(LocalDate.of(1944, 3, 2), adultWard);
        String id = p.summary().id().toString();

        Response saved = api.put(nurse, "/api/v1/patients/" + id + "/demographics",
                demographics(p, "Adah", LocalDate.of(1944, 3, 20), "Confirmed with her passport", p.version()));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        assertThat(saved.body().path("record").path("summary").path("dateOfBirth").asText()).isEqualTo("1944-03-20");
        assertThat(saved.body().path("changes").findValuesAsText("field")).containsExactly("Given name", "Date of birth");

        Response history = api.get(gp, "/api/v1/patients/" + id + "/changes");
        assertThat(history.status()).as("the GP reads the history").isEqualTo(200);
        assertThat(history.body().findValuesAsText("oldValue")).contains("2 March 1944", "Ada");
        assertThat(history.body().findValuesAsText("newValue")).contains("20 March 1944", "Adah");
        assertThat(history.body().findValuesAsText("displayName")).containsOnly(nurse.displayName());
        assertThat(history.body().findValuesAsText("reason")).containsOnly("Confirmed with her passport");
        assertThat(jdbc.sql("""
                select detail from audit_event where patient_id = ? and action = 'UPDATE' and username = ?""")
                .params(p.summary().id().value(), nurse.username()).query(String.class).list())
                .anySatisfy(detail -> assertThat(detail).contains("Date of birth '2 March 1944' -> '20 March 1944'")
                        .contains("Confirmed with her passport"));

        // a second correction made from the same (now stale) version is refused, not silently overwriting the first
        long before = rows("patient_change", p);
        Response stale = api.put(coordinator, "/api/v1/patients/" + id + "/demographics",
                demographics(p, "Ada", LocalDate.of(1944, 3, 2), null, p.version()));
        assertThat(stale.status()).as(stale.toString()).isEqualTo(409);
        assertThat(rows("patient_change", p)).isEqualTo(before);
        assertThat(patients.record(nurse, p.summary().id()).summary().givenName()).isEqualTo("Adah");

        // the page shows summary lists with Change links and the history of changes
        Page page = PageSession.signIn(api.baseUrl(), nurse).get("/patients/" + id);
        assertThat(page.html().select("#change-date-of-birth")).hasSize(1);
        assertThat(page.testId("date-of-birth")).startsWith("20 March 1944");
        assertThat(page.testId("history-of-changes")).contains("2 March 1944", "20 March 1944",
                "Confirmed with her passport", nurse.displayName());
    }

    @Test
    void anAddressCorrectionMayClearTheSecondLineAndThePhone() {
        PatientRecord p = admitted(LocalDate.of(1950, 6, 1), adultWard);
        Map<String, Object> body = new HashMap<>();
        body.put("addressLine1", "3 Cornhill");
        body.put("addressLine2", "");
        body.put("town", "Dorchester");
        body.put("postcode", "DT1 1BA");
        body.put("phone", "");
        body.put("reason", "Moved; no landline");
        Response saved = api.put(nurse, "/api/v1/patients/" + p.summary().id() + "/address", body);
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        PatientRecord after = patients.record(nurse, p.summary().id());
        assertThat(after.addressLine1()).isEqualTo("3 Cornhill");
        assertThat(after.phone()).isNull();
        assertThat(saved.body().path("changes").findValuesAsText("field")).contains("Address line 1", "Phone");
    }

    @Test
    void onlyTheCareTeamCorrectsTheGpReadsAndTheIcbSeesNothing() {
        PatientRecord p = admitted(LocalDate.of(1950, 1, 1), adultWard);
        String id = p.summary().id().toString();
        Map<String, Object> location = Map.of("latitude", 50.7, "longitude", -2.4, "reason", "From the map");
        long before = rows("patient_change", p);

        assertThat(api.put(gp, "/api/v1/patients/" + id + "/location", location).status())
                .as("the GP practice's organisation reads, it does not correct").isEqualTo(403);
        assertThat(api.put(commissioner, "/api/v1/patients/" + id + "/location", location).status()).isEqualTo(403);
        CurrentUser outsider = fixtures.user(Role.CLINICIAN, fixtures.organisation(OrganisationType.COMMUNITY_PROVIDER));
        assertThat(api.put(outsider, "/api/v1/patients/" + id + "/location", location).status()).isEqualTo(404);
        Response bad = api.put(coordinator, "/api/v1/patients/" + id + "/location",
                Map.of("latitude", 75.0, "longitude", -2.4));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().path("errors").findValuesAsText("field")).contains("latitude");
        assertThat(rows("patient_change", p)).as("nothing written by refusals").isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from audit_event where patient_id = ? and action = 'DENIED' and username = ?")
                .params(p.summary().id().value(), gp.username()).query(Long.class).single()).isEqualTo(1);

        Response set = api.put(coordinator, "/api/v1/patients/" + id + "/location", location);
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(set.body().path("record").path("latitude").asDouble()).isEqualTo(50.7);

        Page gpPage = PageSession.signIn(api.baseUrl(), gp).get("/patients/" + id);
        assertThat(gpPage.status()).isEqualTo(200);
        assertThat(gpPage.html().select("#change-date-of-birth, #change-location")).as("no Change links").isEmpty();
        assertThat(PageSession.signIn(api.baseUrl(), gp).get("/patients/" + id + "/details/location").status())
                .isEqualTo(403);
    }

    @Test
    void aCorrectedDateOfBirthSaysWhichScoreNowApplies() {
        PatientRecord p = admitted(LocalDate.of(1990, 6, 1), adultWard);
        LocalDate child = LocalDate.now().minusYears(10);
        Response saved = api.put(consultant, "/api/v1/patients/" + p.summary().id() + "/demographics",
                demographics(p, "Ada", child, "Wrong year typed at registration", null));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        assertThat(saved.body().path("consequence").asText()).contains("Age now 10").contains("PEWS (was NEWS2)");
    }

    @Test
    void searchFindsAnyPartOfTheNameTheNhsNumberWithOrWithoutSpacesAndTheDateOfBirthOnlyInOwnCare() {
        CurrentUser ownReferrer = fixtures.user(Role.REFERRER, fixtures.organisation(OrganisationType.ACUTE_TRUST));
        String family = Fixtures.unique("Robinson");
        RegisterPatient d = fixtures.patientDetails(LocalDate.of(1941, 3, 15));
        PatientRecord sheila = patients.register(ownReferrer, new RegisterPatient(d.nhsNumber(), "Sheila", family,
                d.dateOfBirth(), d.sex(), d.ethnicCategory(), d.addressLine1(), null, d.town(), d.postcode(), null,
                null, null, "J81012", "Dorchester Health Centre"));
        RegisterPatient o = fixtures.patientDetails(LocalDate.of(1941, 3, 16));
        patients.register(ownReferrer, new RegisterPatient(o.nhsNumber(), "Shelagh", family, o.dateOfBirth(), o.sex(),
                o.ethnicCategory(), o.addressLine1(), null, o.town(), o.postcode(), null, null, null, "J81012", "X"));
        String nhs = sheila.summary().nhsNumber().value();
        String spaced = nhs.substring(0, 3) + " " + nhs.substring(3, 6) + " " + nhs.substring(6);

        for (String q : List.of("Sheila " + family, family.toLowerCase() + " sheila", "Sheil", spaced, nhs,
                "15/03/1941", "1941-03-15", "15 March 1941", family + " 15/03/1941")) {
            // the API client encodes the query itself
            Response found = api.get(ownReferrer, "/api/v1/patients?q=" + q);
            assertThat(found.status()).as(q).isEqualTo(200);
            assertThat(found.body().findValuesAsText("nhsNumber")).as(q).containsExactly(nhs);
        }
        Response both = api.get(ownReferrer, "/api/v1/patients?q=" + family);
        assertThat(both.body().findValuesAsText("givenName")).containsExactlyInAnyOrder("Sheila", "Shelagh");
        assertThat(api.get(nurse, "/api/v1/patients?q=" + nhs).body().size()).as("another organisation's patient")
                .isZero();
        assertThat(api.get(commissioner, "/api/v1/patients?q=" + nhs).status()).isEqualTo(403);
    }

    @Test
    void theAuditTrailPagesBeyond500LinesAndFindsThePatientByNameOrNhsNumber() {
        PatientRecord p = admitted(LocalDate.of(1939, 5, 5), adultWard);
        String who = Fixtures.unique("auditor");
        jdbc.sql("""
                insert into audit_event (occurred_at, username, organisation_id, organisation_name, role, action,
                    record_type, record_id, patient_id, detail)
                select now() - ((621 - n) || ' seconds')::interval, ?, ?, 'Acute', 'CLINICIAN', 'READ', 'Patient', ?, ?,
                       'line ' || n
                from generate_series(1, 620) n""")
                .params(who, acute.id().value(), p.summary().id().toString(), p.summary().id().value()).update();

        Response first = api.get(governance, "/api/v1/audit/pages?username=" + who);
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.body().path("total").asLong()).isEqualTo(620);
        assertThat(first.body().path("entries").size()).isEqualTo(50);
        assertThat(first.body().path("entries").get(0).path("detail").asText()).as("newest first").isEqualTo("line 620");
        Response last = api.get(governance, "/api/v1/audit/pages?username=" + who + "&page=13");
        assertThat(last.body().path("entries").size()).isEqualTo(20);
        assertThat(last.body().path("entries").get(19).path("detail").asText()).isEqualTo("line 1");

        Page page = PageSession.signIn(api.baseUrl(), governance).get("/admin/audit?username=" + who + "&page=12");
        assertThat(page.testId("audit-count")).isEqualTo("Showing 551 to 600 of 620 lines, newest first");
        assertThat(page.html().select("#previous-page").text()).contains("Previous", "Page 11 of 13");
        assertThat(page.html().select("#next-page").text()).contains("Next", "Page 13 of 13");

        String name = p.summary().givenName() + " " + p.summary().familyName();
        Page byName = PageSession.signIn(api.baseUrl(), governance)
                .get("/admin/audit?username=" + who + "&patient=" + java.net.URLEncoder.encode(name,
                        java.nio.charset.StandardCharsets.UTF_8));
        assertThat(byName.testId("audit-patient")).contains(p.summary().nhsNumber().formatted());
        assertThat(byName.testId("audit-count")).contains("of 620 lines");
        CurrentUser otherGovernance = fixtures.user(Role.GOVERNANCE, community);
        Response elsewhere = api.get(otherGovernance, "/api/v1/audit/pages?patient="
                + p.summary().nhsNumber().value());
        assertThat(elsewhere.body().path("patientMatches").size()).as("community is in the care team").isEqualTo(1);
        CurrentUser icbGovernance = fixtures.user(Role.GOVERNANCE, icb);
        Response icbAnswer = api.get(icbGovernance, "/api/v1/audit/pages?patient=" + p.summary().nhsNumber().value());
        assertThat(icbAnswer.body().path("patientMatches").size()).as("the ICB finds nobody").isZero();
        assertThat(icbAnswer.body().path("entries").size()).isZero();
    }

    @Test
    void aChildIsOfferedOnlyWardsForTheirAgeAndTheChildrensCensusHasNoFrailtyColumn() {
        PatientRecord child = fixtures.patient(referrer, LocalDate.now().minusYears(8), practice);
        String id = child.summary().id().toString();
        Page form = PageSession.signIn(api.baseUrl(), referrer).get("/referrals/new?patientId=" + id);
        assertThat(form.html().select("#wardId option").eachText()).anyMatch(t -> t.startsWith(childrensWard.name()))
                .noneMatch(t -> t.startsWith(adultWard.name()));

        Response refused = api.post(referrer, "/api/v1/referrals", Map.of("patientId", id,
                "wardId", adultWard.id().toString(), "direction", "STEP_UP", "source", "EMERGENCY_DEPARTMENT",
                "reason", "Bronchiolitis", "presentingCondition", "Bronchiolitis", "interventions", List.of("OXYGEN"),
                "urgency", "SAME_DAY"));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.body().path("errors").findValuesAsText("field")).contains("wardId");
        assertThat(rows("referral", child)).isZero();

        fixtures.admit(child, childrensWard, referrer, consultant);
        Page census = PageSession.signIn(api.baseUrl(), consultant).get("/wards/" + childrensWard.id() + "/census");
        assertThat(census.testId("ward-census")).doesNotContain("Frailty / delirium");
        Page adultCensus = PageSession.signIn(api.baseUrl(), consultant).get("/wards/" + adultWard.id() + "/census");
        assertThat(adultCensus.testId("ward-census")).contains("Frailty / delirium");
    }
}
