package org.homeward.patient;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
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
import org.homeward.support.TestClock;
import org.homeward.ward.CreateWard;
import org.homeward.ward.VirtualWard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Care teams by rule (issue 9, items 1, 5 and 11): a ward names the organisations sharing its care, referral and
 * admission put them and the patient's GP organisation in the care team, a senior changes it with a reason, a
 * clinician outside it breaks the glass for four hours, and a commissioner never joins one.
 */
@IntegrationTest
class CareTeamIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired Fixtures fixtures;
    @Autowired Api api;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;

    Organisation acute;
    Organisation community;
    Organisation gpFederation;
    String practice;
    CurrentUser edReferrer;
    CurrentUser consultant;
    CurrentUser nurse;
    CurrentUser coordinator;
    VirtualWard ward;

    @BeforeEach
    void setUp() {
        acute = fixtures.organisation(OrganisationType.ACUTE_TRUST);
        community = fixtures.organisation(OrganisationType.COMMUNITY_PROVIDER);
        practice = Fixtures.newPracticeCode();
        gpFederation = fixtures.gpOrganisation(practice);
        edReferrer = fixtures.user(Role.REFERRER, acute);
        consultant = fixtures.user(Role.SENIOR_DECISION_MAKER, acute);
        nurse = fixtures.user(Role.CLINICIAN, community);
        coordinator = fixtures.user(Role.COORDINATOR, community);
        ward = fixtures.ward(acute, 5, List.of(community));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theCommunityNurseAndCoordinatorOpenTheRecordOfAPatientTheEdReferredAndTheAcuteConsultantAdmitted() {
        String patientId = registerReferAndAdmit().patientId;
        Organisation otherCommunity = fixtures.organisation(OrganisationType.COMMUNITY_PROVIDER);
        CurrentUser notVisiting = fixtures.user(Role.CLINICIAN, otherCommunity);

        for (CurrentUser visitor : List.of(nurse, coordinator)) {
            Response record = api.get(visitor, "/api/v1/patients/" + patientId);
            assertThat(record.status()).as(visitor.username() + " " + record).isEqualTo(200);
            Page page = PageSession.signIn(api.baseUrl(), visitor).get("/patients/" + patientId);
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            assertThat(page.testId("care-team")).contains(community.name(), "Visits the ward's patients",
                    acute.name(), gpFederation.name(), "The patient's GP practice");
        }
        assertThat(api.get(notVisiting, "/api/v1/patients/" + patientId).status())
                .as("an organisation the ward does not name stays outside").isEqualTo(404);

        Response team = api.get(nurse, "/api/v1/patients/" + patientId + "/care-team");
        assertThat(team.body().findValuesAsText("basis")).contains("WARD_VISITING", "GP_PRACTICE");
        assertThat(team.body().findValuesAsText("addedBy")).as("the rule acted at the ED registrar's referral")
                .contains(edReferrer.displayName());
        assertThat(team.body().findValuesAsText("reason")).contains("referred to " + ward.name());
    }

    @Test
    void theGpReadsTheDischargeSummaryThroughTheirPatientsPractice() {
        Admitted admitted = registerReferAndAdmit();
        Response discharged = api.post(consultant, "/api/v1/admissions/" + admitted.admissionId + "/discharge",
                Map.of("destination", "USUAL_RESIDENCE", "summary", "Oxygen weaned; GP to review inhalers in a week."));
        assertThat(discharged.status()).as(discharged.toString()).isEqualTo(200);
        CurrentUser gp = fixtures.user(Role.SENIOR_DECISION_MAKER, gpFederation);
        CurrentUser gpPartner = fixtures.user(Role.REFERRER, gpFederation);
        CurrentUser otherPracticesGp = fixtures.user(Role.SENIOR_DECISION_MAKER,
                fixtures.gpOrganisation(Fixtures.newPracticeCode()));

        for (CurrentUser reader : List.of(gp, gpPartner)) {
            Response summary = api.get(reader, "/api/v1/admissions/" + admitted.admissionId);
            assertThat(summary.status()).as(summary.toString()).isEqualTo(200);
            assertThat(summary.body().toString()).contains("GP to review inhalers in a week");
            Page page = PageSession.signIn(api.baseUrl(), reader).get("/admissions/" + admitted.admissionId);
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            assertThat(page.text()).contains("Discharge summary", "GP to review inhalers in a week");
        }
        Response refused = api.get(otherPracticesGp, "/api/v1/admissions/" + admitted.admissionId);
        assertThat(refused.status()).as("a GP organisation not covering the practice").isEqualTo(403);
    }

    @Test
    void aGpOrganisationsAdministratorRecordsThePracticesItCoversAndTheirPatientsGpJoinsTheCareTeam() {
        Organisation federation = fixtures.organisation(OrganisationType.GP_FEDERATION);
        CurrentUser federationAdmin = fixtures.user(Role.ADMIN, federation);
        String covered = Fixtures.newPracticeCode();
        String path = "/api/v1/organisations/" + federation.id() + "/gp-practices";

        Response notACode = api.post(federationAdmin, path, Map.of("practiceCodes", List.of("J8101")));
        assertThat(notACode.status()).isEqualTo(400);
        assertThat(notACode.body().findValuesAsText("field")).containsExactly("practiceCodes");
        assertThat(api.post(fixtures.user(Role.ADMIN, acute), path, Map.of("practiceCodes", List.of(covered)))
                .status()).as("another organisation's administrator").isEqualTo(403);
        Response recorded = api.post(federationAdmin, path, Map.of("practiceCodes", List.of(covered)));
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(200);

        practice = covered;
        String patientId = registerReferAndAdmit().patientId;
        assertThat(api.get(fixtures.user(Role.SENIOR_DECISION_MAKER, federation), "/api/v1/patients/" + patientId)
                .status()).isEqualTo(200);
        assertThat(api.get(fixtures.user(Role.SENIOR_DECISION_MAKER, gpFederation), "/api/v1/patients/" + patientId)
                .status()).as("the GP organisation of another practice").isEqualTo(404);
    }

    @Test
    void refusesAWardHostedByTheIcbOrAGpOrganisationNamingTheField() {
        for (OrganisationType type : List.of(OrganisationType.ICB, OrganisationType.GP_FEDERATION)) {
            Organisation host = fixtures.organisation(type);
            CurrentUser admin = fixtures.user(Role.ADMIN, host);
            String name = Fixtures.unique("Ward");
            Response refused = api.post(admin, "/api/v1/wards", ward(name, host));
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.body().findValuesAsText("field")).containsExactly("hostOrganisationId");
            assertThat(refused.text("detail")).contains("only an acute trust or a community provider hosts");
            assertThat(wardsNamed(name)).isZero();
        }
        Organisation icb = fixtures.organisation(OrganisationType.ICB);
        CurrentUser admin = fixtures.user(Role.ADMIN, acute);
        Response visitingIcb = api.put(admin, "/api/v1/wards/" + ward.id() + "/care-organisations",
                Map.of("visitingOrganisationIds", List.of(community.id().toString(), icb.id().toString())));
        assertThat(visitingIcb.status()).as(visitingIcb.toString()).isEqualTo(400);
        assertThat(visitingIcb.body().findValuesAsText("field")).containsExactly("visitingOrganisationIds");
        assertThat(api.get(admin, "/api/v1/wards/" + ward.id() + "/care-organisations").body()
                .findValuesAsText("organisationName")).as("a failed request writes nothing")
                .containsExactly(acute.name(), community.name());
    }

    @Test
    void theIcbNeverJoinsACareTeamSoItsGovernanceLeadNeverReadsARecord() {
        Organisation icb = fixtures.organisation(OrganisationType.ICB);
        CurrentUser icbGovernance = fixtures.user(Role.GOVERNANCE, icb);
        String patientId = registerReferAndAdmit().patientId;

        Response added = api.post(consultant, "/api/v1/patients/" + patientId + "/care-team",
                Map.of("organisationId", icb.id().toString(), "reason", "Commissioning review"));
        assertThat(added.status()).as(added.toString()).isEqualTo(400);
        assertThat(added.body().findValuesAsText("field")).containsExactly("organisationId");
        Response wardWithIcb = api.put(fixtures.user(Role.ADMIN, acute), "/api/v1/wards/" + ward.id()
                + "/care-organisations", Map.of("visitingOrganisationIds", List.of(icb.id().toString())));
        assertThat(wardWithIcb.status()).as(wardWithIcb.toString()).isEqualTo(400);

        assertThat(api.get(icbGovernance, "/api/v1/patients/" + patientId).status()).isEqualTo(404);
        Response breakGlass = api.post(icbGovernance, "/api/v1/break-glass",
                Map.of("patientId", patientId, "relationship", "SAFEGUARDING", "reason", "Reviewing a complaint"));
        assertThat(breakGlass.status()).as(breakGlass.toString()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from patient_care_team where organisation_id = ?").param(icb.id().value())
                .query(Long.class).single()).isZero();
    }

    @Test
    void refusesAnAdministratorOpeningAWardHostedByAnotherOrganisation() {
        CurrentUser acuteAdmin = fixtures.user(Role.ADMIN, acute);
        String name = Fixtures.unique("Ward");
        Response refused = api.post(acuteAdmin, "/api/v1/wards", ward(name, community));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.text("detail")).contains("hostOrganisationId", community.name() + "'s own administrator");

        Response coordinatorRefused = api.post(coordinator, "/api/v1/wards", ward(name, community));
        assertThat(coordinatorRefused.status()).as(coordinatorRefused.toString()).isEqualTo(403);
        Response changeRefused = api.put(fixtures.user(Role.ADMIN, community), "/api/v1/wards/" + ward.id()
                + "/care-organisations", Map.of("visitingOrganisationIds", List.of()));
        assertThat(changeRefused.status()).as(changeRefused.toString()).isEqualTo(403);
        assertThat(wardsNamed(name)).isZero();

        CurrentUser communityAdmin = fixtures.user(Role.ADMIN, community);
        Response opened = api.post(communityAdmin, "/api/v1/wards", ward(name, community));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        Response care = api.put(communityAdmin, "/api/v1/wards/" + opened.text("id") + "/care-organisations",
                Map.of("visitingOrganisationIds", List.of(acute.id().toString())));
        assertThat(care.status()).as(care.toString()).isEqualTo(200);
        assertThat(care.body().findValuesAsText("role")).containsExactly("HOST", "VISITING");
    }

    @Test
    void theHostsAdministratorNamesTheVisitingOrganisationOnTheWardsPage() {
        CurrentUser admin = fixtures.user(Role.ADMIN, acute);
        Organisation secondCommunity = fixtures.organisation(OrganisationType.COMMUNITY_PROVIDER);
        PageSession pages = PageSession.signIn(api.baseUrl(), admin);
        Page form = pages.get("/wards/" + ward.id() + "/care-organisations");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.html().select("input[name=visitingOrganisationIds][checked]").eachAttr("value"))
                .containsExactly(community.id().toString());

        Page saved = pages.submit(form, "form[action$=care-organisations]", Map.of("visitingOrganisationIds",
                secondCommunity.id().toString()));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(302);
        assertThat(pages.follow(saved).testId("flash")).contains("applies to admissions from now on");
        assertThat(api.get(admin, "/api/v1/wards/" + ward.id() + "/care-organisations").body()
                .findValuesAsText("organisationName")).containsExactly(acute.name(), secondCommunity.name());
    }

    @Test
    void aSeniorAddsAndRemovesAnOrganisationWithAReasonShownOnTheRecordAndAudited() {
        String patientId = registerReferAndAdmit().patientId;
        Organisation hospice = fixtures.organisation(OrganisationType.COMMUNITY_PROVIDER);
        CurrentUser hospiceNurse = fixtures.user(Role.CLINICIAN, hospice);
        String path = "/api/v1/patients/" + patientId + "/care-team";

        Response noReason = api.post(consultant, path, Map.of("organisationId", hospice.id().toString(), "reason", " "));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body().findValuesAsText("field")).containsExactly("reason");
        assertThat(api.post(nurse, path, Map.of("organisationId", hospice.id().toString(), "reason", "Hospice visits"))
                .status()).as("only a senior decision-maker").isEqualTo(403);
        assertThat(api.get(hospiceNurse, "/api/v1/patients/" + patientId).status()).isEqualTo(404);

        Response added = api.post(consultant, path, Map.of("organisationId", hospice.id().toString(),
                "reason", "Hospice at home team visits nightly"));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        assertThat(api.get(hospiceNurse, "/api/v1/patients/" + patientId).status()).isEqualTo(200);
        Page record = PageSession.signIn(api.baseUrl(), consultant).get("/patients/" + patientId);
        assertThat(record.testId("care-team")).contains(hospice.name(),
                "Added by a senior decision-maker: Hospice at home team visits nightly", consultant.displayName());

        Response removed = api.post(consultant, path + "/" + hospice.id() + "/removal",
                Map.of("reason", "Hospice team discharged the patient"));
        assertThat(removed.status()).as(removed.toString()).isEqualTo(200);
        assertThat(removed.body().findValuesAsText("organisationName")).doesNotContain(hospice.name());
        assertThat(api.get(hospiceNurse, "/api/v1/patients/" + patientId).status()).isEqualTo(404);
        assertThat(audit(patientId)).anySatisfy(d -> assertThat(d).contains(hospice.name(),
                        "Hospice at home team visits nightly"))
                .anySatisfy(d -> assertThat(d).contains("no longer includes " + hospice.name(),
                        "Hospice team discharged the patient"));
    }

    @Test
    void breakingTheGlassOpensTheRecordForFourHoursThenClosesAndIsFlaggedToGovernance() {
        Admitted admitted = registerReferAndAdmit();
        String patientId = admitted.patientId;
        Organisation outOfArea = fixtures.organisation(OrganisationType.COMMUNITY_PROVIDER);
        CurrentUser outsider = fixtures.user(Role.CLINICIAN, outOfArea);
        CurrentUser governance = fixtures.user(Role.GOVERNANCE, outOfArea);
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.set(start);

        assertThat(api.get(outsider, "/api/v1/patients/" + patientId).status()).isEqualTo(404);
        assertThat(api.get(outsider, "/api/v1/patients?nhsNumber=" + admitted.nhsNumber).status())
                .as("search by NHS number still does not confirm the patient exists").isEqualTo(404);
        PageSession outsiderPages = PageSession.signIn(api.baseUrl(), outsider);
        Page refusedPage = outsiderPages.get("/patients/" + patientId);
        assertThat(refusedPage.status()).isEqualTo(404);
        assertThat(refusedPage.html().selectFirst("[data-testid=break-glass-form]")).isNotNull();

        Response noReason = api.post(outsider, "/api/v1/break-glass",
                Map.of("patientId", patientId, "relationship", "EMERGENCY_CARE", "reason", ""));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body().findValuesAsText("field")).containsExactly("reason");
        Response opened = api.post(outsider, "/api/v1/break-glass", Map.of("patientId", patientId,
                "relationship", "EMERGENCY_CARE", "reason", "Called to the patient's home by the ambulance crew"));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        assertThat(Instant.parse(opened.text("expiresAt"))).isEqualTo(start.plus(Duration.ofHours(4)));

        assertThat(api.get(outsider, "/api/v1/patients/" + patientId).status()).isEqualTo(200);
        Page record = outsiderPages.get("/patients/" + patientId);
        assertThat(record.status()).isEqualTo(200);
        assertThat(record.testId("break-glass-notice")).contains("not in this patient's care team");
        // the record's sections load by themselves; each checks access, and a break-glass opening is audited there
        // too, so none may run in a read-only transaction (quiet hours answered 500 to this reader before)
        for (String section : List.of("home-links", "quiet-hours", "escalation-policy")) {
            Page part = outsiderPages.get("/patients/" + patientId + "/" + section + "/section");
            assertThat(part.status()).as(section + " section for the break-glass reader").isEqualTo(200);
        }
        assertThat(audit(patientId)).anySatisfy(d -> assertThat(d).startsWith("BREAK GLASS")
                        .contains("Called to the patient's home by the ambulance crew"))
                .anySatisfy(d -> assertThat(d).contains("opened under BREAK GLASS"));

        Response flagged = api.get(governance, "/api/v1/break-glass");
        assertThat(flagged.status()).isEqualTo(200);
        assertThat(flagged.body().findValuesAsText("username")).contains(outsider.username());
        Page governancePage = PageSession.signIn(api.baseUrl(), governance).get("/governance/break-glass");
        assertThat(governancePage.testId("break-glass-log")).contains(outsider.displayName(),
                "Called to the patient's home by the ambulance crew", "Open until");

        clock.set(start.plus(Duration.ofHours(4)).minusSeconds(1));
        assertThat(api.get(outsider, "/api/v1/patients/" + patientId).status()).isEqualTo(200);
        clock.set(start.plus(Duration.ofHours(4)));
        assertThat(api.get(outsider, "/api/v1/patients/" + patientId).status()).as("closed after 4 hours").isEqualTo(404);
        assertThat(api.get(outsider, "/api/v1/admissions/" + admitted.admissionId).status()).isEqualTo(403);
    }

    // helpers --------------------------------------------------------------------------------------------------------

    record Admitted(String patientId, String admissionId, String nhsNumber) {
    }

    /** The ED registrar registers and refers (ED source); the acute consultant accepts and admits, over HTTP. */
    private Admitted registerReferAndAdmit() {
        PatientRecord patient = fixtures.patient(edReferrer, LocalDate.of(1944, 3, 2), practice);
        String patientId = patient.summary().id().toString();
        Response referral = api.post(edReferrer, "/api/v1/referrals", Map.ofEntries(
                Map.entry("patientId", patientId), Map.entry("wardId", ward.id().toString()),
                Map.entry("direction", "STEP_UP"), Map.entry("source", "EMERGENCY_DEPARTMENT"),
                Map.entry("reason", "Community-acquired pneumonia, CURB-65 of 1"),
                Map.entry("presentingCondition", "Pneumonia"), Map.entry("interventions", List.of("IV_THERAPY")),
                Map.entry("urgency", "SAME_DAY")));
        assertThat(referral.status()).as(referral.toString()).isEqualTo(201);
        String referralId = referral.text("id");
        Response triage = api.post(consultant, "/api/v1/referrals/" + referralId + "/triage",
                Map.of("outcome", "ACCEPT", "reason", "Meets criteria"));
        assertThat(triage.status()).as(triage.toString()).isEqualTo(200);
        Response admission = api.post(consultant, "/api/v1/referrals/" + referralId + "/admission", Map.of(
                "accountableClinicianId", consultant.id().toString(),
                "estimatedDischargeDate", LocalDate.now().plusDays(4).toString(),
                "consentGivenBy", "PATIENT", "patientHasCapacity", true, "benefitsAndRisksDiscussed", true,
                "sharedDecisionRecord", "Patient prefers care at home; risks discussed"));
        assertThat(admission.status()).as(admission.toString()).isEqualTo(201);
        return new Admitted(patientId, admission.text("id"), patient.summary().nhsNumber().value());
    }

    /**
     * A valid body for opening a ward: every field {@link CreateWard} declares, copied from the fixture ward, with this
     * name and host. Built from the record's own components so it stays valid when a field is added to CreateWard.
     */
    private Map<String, Object> ward(String name, Organisation host) {
        JsonNode existing = api.get(consultant, "/api/v1/wards/" + ward.id()).body();
        Map<String, Object> body = new LinkedHashMap<>();
        for (RecordComponent field : CreateWard.class.getRecordComponents()) {
            JsonNode value = existing.get(field.getName());
            assertThat(value).as("the ward's " + field.getName()).isNotNull();
            body.put(field.getName(), JSON.convertValue(value, Object.class));
        }
        body.put("name", name);
        body.put("hostOrganisationId", host.id().toString());
        return body;
    }

    private long wardsNamed(String name) {
        return jdbc.sql("select count(*) from virtual_ward where name = ?").param(name).query(Long.class).single();
    }

    private List<String> audit(String patientId) {
        return jdbc.sql("select detail from audit_event where patient_id = ?::uuid order by id").param(patientId)
                .query(String.class).list();
    }
}
