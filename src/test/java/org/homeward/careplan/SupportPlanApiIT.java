package org.homeward.careplan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.homeward.patient.PatientRecord;
import org.homeward.security.CurrentUser;
import org.homeward.security.Organisation;
import org.homeward.security.OrganisationType;
import org.homeward.security.Role;
import org.homeward.shared.PatientId;
import org.homeward.support.Api;
import org.homeward.support.Api.Response;
import org.homeward.support.FhirReads;
import org.homeward.support.Fixtures;
import org.homeward.support.IntegrationTest;
import org.homeward.ward.VirtualWard;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The care and support plan through the API, as users of the organisations sharing a patient's care: the community
 * nurse who visits records what matters and the goals, the acute trust's consultant records the DNACPR decision and
 * the ReSPECT recommendations, the GP reads them; an organisation outside the care team sees nothing, a nurse may not
 * record a DNACPR decision, a change made from an old version is refused, and every change is kept.
 */
@IntegrationTest
class SupportPlanApiIT {

    @Autowired Fixtures fixtures;
    @Autowired Api api;
    @Autowired JdbcClient jdbc;
    @Autowired FhirReads fhir;
    @Autowired Clock clock;
    @Autowired SupportPlanService plans;

    CurrentUser consultant;
    CurrentUser acuteNurse;
    CurrentUser communityNurse;
    CurrentUser gp;
    CurrentUser outsider;
    CurrentUser commissioner;
    PatientRecord patient;
    PatientId id;
    LocalDate today;

    @BeforeEach
    void aPatientInSharedCare() {
        Organisation acute = fixtures.organisation(OrganisationType.ACUTE_TRUST);
        Organisation community = fixtures.organisation(OrganisationType.COMMUNITY_PROVIDER);
        String practice = Fixtures.newPracticeCode();
        Organisation gpFederation = fixtures.gpOrganisation(practice);
        CurrentUser referrer = fixtures.user(Role.REFERRER, acute);
        consultant = fixtures.user(Role.SENIOR_DECISION_MAKER, acute);
        acuteNurse = fixtures.user(Role.CLINICIAN, acute);
        communityNurse = fixtures.user(Role.CLINICIAN, community);
        gp = fixtures.user(Role.SENIOR_DECISION_MAKER, gpFederation);
        outsider = fixtures.user(Role.SENIOR_DECISION_MAKER, fixtures.organisation(OrganisationType.ACUTE_TRUST));
        commissioner = fixtures.user(Role.COMMISSIONER, fixtures.organisation(OrganisationType.ICB));
        VirtualWard ward = fixtures.ward(acute, 10, List.of(community));
        patient = fixtures.patient(referrer, LocalDate.of(1938, 4, 4), practice);
        fixtures.admit(patient, ward, referrer, consultant);
        id = patient.summary().id();
        today = LocalDate.now(clock);
    }

    @Test
    void theCommunityNurseRecordsWhatMattersAndGoalsTheGpReadsThemAndEveryChangeIsKept() {
        Response first = api.put(communityNurse, path("support-plan"), Map.of("version", 0, "supportPlan",
                supportPlan("To stay at home with her cat", List.of(goal("Walk to the corner shop", null)))));
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.body().path("version").asInt()).isEqualTo(1);

        Response read = api.get(gp, path(""));
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.body().path("supportPlan").path("whatMatters").asText()).isEqualTo("To stay at home with her cat");
        assertThat(read.body().path("supportPlan").path("goals").get(0).path("status").asText())
                .as("a goal's status defaults to not started").isEqualTo("NOT_STARTED");
        assertThat(read.body().path("supportPlan").path("reasonableAdjustments").path("interpreterLanguage").asText())
                .isEqualTo("Polish");
        assertThat(read.text("changedBy")).isEqualTo(communityNurse.displayName());

        Map<String, Object> progressed = goal("Walk to the corner shop", today.plusDays(7).toString());
        progressed.put("status", "IN_PROGRESS");
        Response second = api.put(communityNurse, path("support-plan"), Map.of("version", 1, "supportPlan",
                supportPlan("To stay at home with her cat", List.of(progressed))));
        assertThat(second.status()).as(second.toString()).isEqualTo(200);
        assertThat(second.body().path("version").asInt()).isEqualTo(2);

        Response history = api.get(gp, path("history"));
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.body()).hasSize(2);
        assertThat(history.body().get(0).path("version").asInt()).as("newest first").isEqualTo(2);
        assertThat(history.body().get(0).path("changedByName").asText()).isEqualTo(communityNurse.displayName());
        assertThat(history.body().get(0).path("changes")).hasSize(1);
        assertThat(history.body().get(0).path("changes").get(0).path("field").asText()).isEqualTo("Goal 1");
        assertThat(history.body().get(0).path("changes").get(0).path("from").asText())
                .isEqualTo("Walk to the corner shop (not started)");
        assertThat(history.body().get(0).path("changes").get(0).path("to").asText())
                .startsWith("Walk to the corner shop (in progress, by ");
        assertThat(history.body().get(1).path("changes").findValuesAsText("field"))
                .contains("What matters to the patient", "Goal 1", "Interpreter needed", "Interpreter's language");

        assertThat(audits("CREATE")).isEqualTo(1);
        assertThat(audits("UPDATE")).isEqualTo(1);
        assertThat(audits("READ")).as("the GP's two reads").isEqualTo(2);

        // the same plan again changes nothing and makes no version
        Response same = api.put(communityNurse, path("support-plan"), Map.of("version", 2, "supportPlan",
                supportPlan("To stay at home with her cat", List.of(progressed))));
        assertThat(same.body().path("version").asInt()).isEqualTo(2);
        assertThat(versions()).isEqualTo(2);

        // the GP practice's own system reads the plan over FHIR, as UK Core
        JsonNode found = fhir.read(gp, "/fhir/CarePlan?patient=" + id);
        assertThat(found.path("entry")).hasSize(1);
        JsonNode carePlan = found.path("entry").path(0).path("resource");
        assertThat(carePlan.path("id").asText()).isEqualTo(id.toString());
        assertThat(carePlan.path("meta").path("versionId").asText()).isEqualTo("2");
        assertThat(carePlan.path("description").asText()).isEqualTo("What matters to me: To stay at home with her cat");
        JsonNode goal = carePlan.path("contained").path(0);
        assertThat(goal.path("description").path("text").asText()).isEqualTo("Walk to the corner shop");
        assertThat(goal.path("lifecycleStatus").asText()).isEqualTo("active");
        assertThat(goal.path("target").path(0).path("dueDate").asText()).isEqualTo(today.plusDays(7).toString());
        assertThat(carePlan.path("note").findValuesAsText("text")).contains("Interpreter needed: Polish");
        fhir.assertConformsToUkCore(carePlan);
        assertThat(api.raw("GET", "/fhir/CarePlan/" + id, outsider, null).status()).isEqualTo(404);
    }

    @Test
    void theAcuteConsultantRecordsTheDnacprDecisionAndReSpectForTheBannerAndAlerts() {
        Response saved = api.put(consultant, path("advance-care-plan"), Map.of("version", 0,
                "advanceCarePlan", advanceCarePlan(true, "CPR_NOT_RECOMMENDED")));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        String day = CarePlanRules.day(today);
        String words = "DNACPR (Dr Asha Patel, " + day + "); ReSPECT: prioritise comfort, CPR not recommended"
                + " (Dr Asha Patel, " + day + ")";
        assertThat(saved.body().path("resuscitation").path("words").asText()).isEqualTo(words);
        assertThat(saved.body().path("resuscitation").path("dnacpr").asBoolean()).isTrue();

        assertThat(plans.resuscitationStatus(id)).get().extracting(ResuscitationStatus::words).isEqualTo(words);
        assertThat(plans.resuscitationStatuses(List.of(id, fixtures.patient(consultant, LocalDate.of(1950, 1, 1))
                .summary().id()))).containsOnlyKeys(id);
        assertThat(api.get(communityNurse, path("")).body().path("advanceCarePlan").path("dnacpr").path("madeBy")
                .asText()).isEqualTo("Dr Asha Patel");

        // a nurse may change the rest of the advance care plan, leaving the decision as it is
        Map<String, Object> plan = advanceCarePlan(true, "CPR_NOT_RECOMMENDED");
        plan.put("preferredPlaceOfDeath", "At home, with her daughter");
        Response nurse = api.put(communityNurse, path("advance-care-plan"), Map.of("version", 1, "advanceCarePlan", plan));
        assertThat(nurse.status()).as(nurse.toString()).isEqualTo(200);
        assertThat(nurse.body().path("advanceCarePlan").path("preferredPlaceOfDeath").asText())
                .isEqualTo("At home, with her daughter");
        // over FHIR the decision travels with the plan, in the banner's words
        assertThat(fhir.read(gp, "/fhir/CarePlan/" + id).path("note").findValuesAsText("text")).contains(words);
    }

    @Test
    void aNurseMayNotRecordADnacprDecisionOrTheReSpectCprRecommendation() {
        Response dnacpr = api.put(acuteNurse, path("advance-care-plan"), Map.of("version", 0,
                "advanceCarePlan", advanceCarePlan(true, null)));
        assertThat(dnacpr.status()).as(dnacpr.toString()).isEqualTo(403);
        assertThat(dnacpr.text("detail")).contains("record a DNACPR decision or a ReSPECT CPR recommendation")
                .contains("Senior decision-maker");
        Response cpr = api.put(communityNurse, path("advance-care-plan"), Map.of("version", 0,
                "advanceCarePlan", Map.of("respect", Map.of("priority", "BALANCE", "cprRecommendation", "CPR_RECOMMENDED",
                        "completedBy", "Dr Asha Patel", "completedOn", today.toString()))));
        assertThat(cpr.status()).as(cpr.toString()).isEqualTo(403);
        assertThat(versions()).isZero();
        assertThat(plans.resuscitationStatus(id)).isEmpty();

        // the ReSPECT focus of care without a CPR recommendation is any clinician's to record
        Response focus = api.put(communityNurse, path("advance-care-plan"), Map.of("version", 0,
                "advanceCarePlan", Map.of("respect", Map.of("priority", "BALANCE",
                        "completedBy", "Dr Asha Patel", "completedOn", today.toString()))));
        assertThat(focus.status()).as(focus.toString()).isEqualTo(200);
        assertThat(focus.body().path("resuscitation").path("words").asText())
                .startsWith("ReSPECT: balance sustaining life with comfort (Dr Asha Patel, ");
    }

    @Test
    void anOrganisationOutsideTheCareTeamSeesNothingAndRolesThatDoNotChangePlansAreRefused() {
        api.put(consultant, path("advance-care-plan"), Map.of("version", 0, "advanceCarePlan", advanceCarePlan(true, null)));
        assertThat(api.get(outsider, path("")).status()).isEqualTo(404);
        assertThat(api.get(outsider, path("history")).status()).isEqualTo(404);
        assertThat(api.put(outsider, path("support-plan"), Map.of("version", 1, "supportPlan",
                supportPlan("x", List.of()))).status()).isEqualTo(404);
        assertThat(api.put(commissioner, path("support-plan"), Map.of("version", 1, "supportPlan",
                supportPlan("x", List.of()))).status()).isEqualTo(403);
        assertThat(api.put(gp, path("support-plan"), Map.of("version", 1, "supportPlan",
                supportPlan("Seen by her GP", List.of()))).status()).as("the GP's senior clinician may change it too")
                .isEqualTo(200);
        assertThat(versions()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from audit_event where patient_id = ? and action = 'DENIED'")
                .param(id.value()).query(Long.class).single()).as("the outsider's refusals are audited").isPositive();
    }

    @Test
    void aChangeMadeFromAnOldVersionIsRefusedAndTheOtherChangeKept() {
        api.put(communityNurse, path("support-plan"), Map.of("version", 0, "supportPlan", supportPlan("First", List.of())));
        // both read version 1; the consultant saves first
        Response consultants = api.put(consultant, path("support-plan"), Map.of("version", 1, "supportPlan",
                supportPlan("The consultant's words", List.of())));
        assertThat(consultants.status()).isEqualTo(200);
        Response stale = api.put(communityNurse, path("support-plan"), Map.of("version", 1, "supportPlan",
                supportPlan("The nurse's words", List.of())));
        assertThat(stale.status()).as(stale.toString()).isEqualTo(409);
        assertThat(stale.text("detail")).contains("Someone else changed this patient's care and support plan");
        assertThat(api.get(gp, path("")).body().path("supportPlan").path("whatMatters").asText())
                .isEqualTo("The consultant's words");
        // the advance care plan has the same version: a change to it from version 1 is stale too
        assertThat(api.put(consultant, path("advance-care-plan"), Map.of("version", 1, "advanceCarePlan",
                advanceCarePlan(true, null))).status()).isEqualTo(409);
        assertThat(versions()).isEqualTo(2);
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsWritten() {
        Map<String, Object> noWho = advanceCarePlan(true, null);
        noWho.put("dnacpr", Map.of("inPlace", true, "madeOn", today.toString()));
        assertField(api.put(consultant, path("advance-care-plan"), Map.of("version", 0, "advanceCarePlan", noWho)),
                "advanceCarePlan.dnacpr.madeBy");
        Map<String, Object> noWhen = advanceCarePlan(true, null);
        noWhen.put("dnacpr", Map.of("inPlace", true, "madeBy", "Dr Asha Patel"));
        assertField(api.put(consultant, path("advance-care-plan"), Map.of("version", 0, "advanceCarePlan", noWhen)),
                "advanceCarePlan.dnacpr.madeOn");
        assertField(api.put(consultant, path("advance-care-plan"), Map.of("version", 0, "advanceCarePlan",
                advanceCarePlan(true, "CPR_RECOMMENDED"))), "advanceCarePlan.respect.cprRecommendation");
        Map<String, Object> future = advanceCarePlan(true, null);
        future.put("dnacpr", Map.of("inPlace", true, "madeBy", "Dr Asha Patel", "madeOn", today.plusDays(1).toString()));
        assertField(api.put(consultant, path("advance-care-plan"), Map.of("version", 0, "advanceCarePlan", future)),
                "advanceCarePlan.dnacpr.madeOn");
        assertField(api.put(communityNurse, path("support-plan"), Map.of("version", 0, "supportPlan",
                supportPlan("x", List.of(goal(" ", null))))), "supportPlan.goals[0].text");
        Map<String, Object> noLanguage = supportPlan("x", List.of());
        noLanguage.put("reasonableAdjustments", Map.of("interpreterNeeded", true));
        assertField(api.put(communityNurse, path("support-plan"), Map.of("version", 0, "supportPlan", noLanguage)),
                "supportPlan.reasonableAdjustments.interpreterLanguage");
        assertField(api.put(communityNurse, path("support-plan"), Map.of("supportPlan", supportPlan("x", List.of()))),
                "version");
        assertField(api.put(communityNurse, path("support-plan"), Map.of("version", 0, "supportPlan",
                supportPlan("x".repeat(2001), List.of()))), "supportPlan.whatMatters");
        assertField(api.put(consultant, path("advance-care-plan"), Map.of("version", 0, "advanceCarePlan",
                Map.of("respect", Map.of("priority", "FULL_ESCALATION")))), "advanceCarePlan.respect.priority");
        assertThat(versions()).isZero();
        assertThat(audits("CREATE")).isZero();
    }

    private void assertField(Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.body().path("errors").get(0).path("field").asText()).isEqualTo(field);
    }

    private Map<String, Object> supportPlan(String whatMatters, List<Map<String, Object>> goals) {
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("whatMatters", whatMatters);
        plan.put("goals", goals);
        plan.put("agreedWith", "PATIENT_AND_CARER");
        plan.put("agreedOn", today.toString());
        plan.put("reasonableAdjustments", Map.of("communicationNeeds", "Hard of hearing: speak to her left side",
                "interpreterNeeded", true, "interpreterLanguage", "Polish"));
        plan.put("holisticNeeds", Map.of("social", "Lives alone; daughter visits daily"));
        plan.put("carersAssessment", Map.of("offered", true, "done", false));
        return plan;
    }

    private static Map<String, Object> goal(String text, String targetDate) {
        Map<String, Object> goal = new LinkedHashMap<>();
        goal.put("text", text);
        if (targetDate != null) {
            goal.put("targetDate", targetDate);
        }
        return goal;
    }

    private Map<String, Object> advanceCarePlan(boolean dnacpr, String cpr) {
        Map<String, Object> respect = new LinkedHashMap<>();
        respect.put("priority", "PRIORITISE_COMFORT");
        if (cpr != null) {
            respect.put("cprRecommendation", cpr);
        }
        respect.put("recommendations", "Treat infections at home; not for hospital admission");
        respect.put("completedBy", "Dr Asha Patel");
        respect.put("completedOn", today.toString());
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("respect", respect);
        plan.put("dnacpr", Map.of("inPlace", dnacpr, "madeBy", "Dr Asha Patel", "madeOn", today.toString(),
                "discussedWithPatient", true, "discussedWithFamily", true));
        plan.put("preferredPlaceOfCare", "Home");
        return plan;
    }

    private String path(String rest) {
        return "/api/v1/patients/" + id + "/care-plan" + (rest.isEmpty() ? "" : "/" + rest);
    }

    private long versions() {
        return jdbc.sql("select count(*) from care_support_plan_version where patient_id = ?").param(id.value())
                .query(Long.class).single();
    }

    private long audits(String action) {
        return jdbc.sql("select count(*) from audit_event where patient_id = ? and record_type = 'CarePlan' and action = ?")
                .params(id.value(), action).query(Long.class).single();
    }
}
