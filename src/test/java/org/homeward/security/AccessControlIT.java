package org.homeward.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.homeward.patient.PatientRecord;
import org.homeward.shared.NhsNumber;
import org.homeward.support.Api;
import org.homeward.support.Api.RawResponse;
import org.homeward.support.Api.Response;
import org.homeward.support.Fixtures;
import org.homeward.support.IntegrationTest;
import org.homeward.ward.VirtualWard;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Who may see and do what, over real HTTP: the care team decides who sees a patient, roles decide who decides, and
 * commissioners and administrators never open a patient's record.
 */
@IntegrationTest
class AccessControlIT {

    @Autowired Fixtures fixtures;
    @Autowired Api api;

    Organisation acute;
    CurrentUser referrer;
    CurrentUser consultant;
    CurrentUser outsider;
    VirtualWard ward;
    PatientRecord patient;
    String patientPath;

    @BeforeEach
    void setUp() {
        acute = fixtures.organisation(OrganisationType.ACUTE_TRUST);
        referrer = fixtures.user(Role.REFERRER, acute);
        consultant = fixtures.user(Role.SENIOR_DECISION_MAKER, acute);
        outsider = fixtures.user(Role.CLINICIAN, fixtures.organisation(OrganisationType.COMMUNITY_PROVIDER));
        ward = fixtures.ward(acute, 3);
        patient = fixtures.patient(referrer, LocalDate.of(1941, 7, 9));
        patientPath = "/api/v1/patients/" + patient.summary().id();
    }

    @Test
    void refusesAReferralAndAdmissionToAnOrganisationOutsideTheCareTeam() {
        String referralId = refer(patient);
        String admissionId = admit(referralId);
        assertThat(api.get(referrer, patientPath).status()).isEqualTo(200);
        assertThat(api.get(consultant, "/api/v1/referrals/" + referralId).status()).isEqualTo(200);
        assertThat(api.get(consultant, "/api/v1/admissions/" + admissionId).status()).isEqualTo(200);

        Response referral = api.get(outsider, "/api/v1/referrals/" + referralId);
        Response admission = api.get(outsider, "/api/v1/admissions/" + admissionId);

        for (Response refused : List.of(referral, admission)) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.text("detail")).contains("not in this patient's care team");
            assertThat(refused.body().toString()).doesNotContain(patient.summary().familyName())
                    .doesNotContain(patient.summary().nhsNumber().value());
        }
    }

    @Test
    void answersAnOutsiderAboutARegisteredPatientExactlyAsAboutAnUnknownOne() {
        admit(refer(patient));
        String registered = patient.summary().id().toString();
        String unknown = UUID.randomUUID().toString();

        for (String path : List.of("/api/v1/patients/%s", "/api/v1/admissions?patientId=%s",
                "/api/v1/referrals?patientId=%s", "/api/v1/patients/%s/escalation-policy",
                "/api/v1/patients/%s/escalation-policy/history", "/api/v1/patients/%s/spo2-scale-2")) {
            assertSameNotFound(api.get(outsider, path.formatted(registered)), registered,
                    api.get(outsider, path.formatted(unknown)), unknown);
        }
        assertSameNotFound(api.post(outsider, "/api/v1/patients/" + registered + "/carers", carer()), registered,
                api.post(outsider, "/api/v1/patients/" + unknown + "/carers", carer()), unknown);
        assertSameNotFound(api.post(outsider, "/api/v1/patients/" + registered + "/home-link", Map.of()), registered,
                api.post(outsider, "/api/v1/patients/" + unknown + "/home-link", Map.of()), unknown);
        assertSameNotFound(api.post(outsider, "/api/v1/referrals", referral(registered)), registered,
                api.post(outsider, "/api/v1/referrals", referral(unknown)), unknown);

        Response byId = api.get(outsider, patientPath);
        assertThat(byId.text("detail")).isEqualTo("No patient with id " + registered + " in your organisation's care");
    }

    @Test
    void answersAnOutsiderLookingUpARegisteredNhsNumberExactlyAsAnUnknownNumber() {
        String registered = patient.summary().nhsNumber().value();
        String unknown = Fixtures.newNhsNumber();

        Response known = api.get(outsider, "/api/v1/patients?nhsNumber=" + registered);
        Response notKnown = api.get(outsider, "/api/v1/patients?nhsNumber=" + unknown);

        assertSameNotFound(known, patient.summary().nhsNumber().formatted(), notKnown,
                NhsNumber.of(unknown).formatted());
        assertThat(known.text("detail")).isEqualTo("No patient with NHS number "
                + patient.summary().nhsNumber().formatted() + " in your organisation's care");
        assertThat(api.get(referrer, "/api/v1/patients?nhsNumber=" + registered).body().path("summary")
                .path("familyName").asText()).isEqualTo(patient.summary().familyName());
    }

    @Test
    void refusesARoleThatNeverOpensRecordsTheSameWayWhetherOrNotTheNhsNumberIsRegistered() {
        CurrentUser commissioner = fixtures.user(Role.COMMISSIONER, acute);

        Response known = api.get(commissioner, "/api/v1/patients?nhsNumber=" + patient.summary().nhsNumber().value());
        Response notKnown = api.get(commissioner, "/api/v1/patients?nhsNumber=" + Fixtures.newNhsNumber());

        assertThat(known.status()).isEqualTo(403);
        assertThat(known.body()).isEqualTo(notKnown.body());
        assertThat(known.text("detail")).contains("does not open individual patient records");
    }

    @Test
    void leavesPatientsOutsideTheCareTeamOutOfSearch() {
        String familyName = patient.summary().familyName();
        Response own = api.get(referrer, "/api/v1/patients?q=" + familyName);
        assertThat(own.body().findValuesAsText("familyName")).containsExactly(familyName);

        assertThat(api.get(outsider, "/api/v1/patients?q=" + familyName).body()).isEmpty();
        assertThat(api.get(outsider, "/api/v1/patients?q=" + patient.summary().nhsNumber().value()).body()).isEmpty();
        assertThat(api.get(outsider, "/api/v1/patients?nhsNumber=" + patient.summary().nhsNumber().value()).status())
                .isEqualTo(404);
    }

    @Test
    void countsPatientsOutsideTheCareTeamInOccupancyButShowsNoRowForThem() {
        admit(refer(patient));

        Response insider = api.get(consultant, "/api/v1/wards/" + ward.id() + "/census");
        assertThat(insider.body().path("rows")).hasSize(1);
        assertThat(insider.body().path("notShown").asInt()).isZero();

        Response census = api.get(outsider, "/api/v1/wards/" + ward.id() + "/census");
        assertThat(census.status()).isEqualTo(200);
        assertThat(census.body().path("rows")).isEmpty();
        assertThat(census.body().path("notShown").asInt()).isEqualTo(1);
        assertThat(census.body().path("occupancy").path("occupied").asInt()).isEqualTo(1);
        assertThat(census.body().path("occupancy").path("available").asInt()).isEqualTo(2);
        assertThat(census.body().toString()).doesNotContain(patient.summary().familyName());
    }

    @Test
    void givesACommissionerNumbersButNoPatientRecord() {
        admit(refer(patient));
        CurrentUser commissioner = fixtures.user(Role.COMMISSIONER, fixtures.organisation(OrganisationType.ICB));
        CurrentUser commissionerInCareTeam = fixtures.user(Role.COMMISSIONER, acute);

        assertThat(api.get(commissioner, patientPath).status()).isEqualTo(403);
        Response refused = api.get(commissionerInCareTeam, patientPath);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text("detail")).contains("does not open individual patient records");
        assertThat(api.get(commissionerInCareTeam, "/api/v1/patients?q=" + patient.summary().familyName()).status())
                .isEqualTo(403);

        Response census = api.get(commissioner, "/api/v1/census");
        assertThat(census.status()).isEqualTo(200);
        assertThat(census.body().path("occupied").asInt()).isPositive();
        assertThat(census.body().path("wards").findValuesAsText("name")).contains(ward.name());
        assertThat(census.body().findValues("nhsNumber")).isEmpty();
        assertThat(census.body().findValues("familyName")).isEmpty();
        assertThat(census.body().findValues("patientId")).isEmpty();
        assertThat(census.body().toString()).doesNotContain(patient.summary().familyName())
                .doesNotContain(patient.summary().nhsNumber().value());

        Response wardCensus = api.get(commissionerInCareTeam, "/api/v1/wards/" + ward.id() + "/census");
        assertThat(wardCensus.body().path("rows")).isEmpty();
        assertThat(wardCensus.body().path("notShown").asInt()).isEqualTo(1);
    }

    @Test
    void refusesAnAdministratorAPatientRecordEvenInTheCareTeam() {
        CurrentUser admin = fixtures.user(Role.ADMIN, acute);
        Response refused = api.get(admin, patientPath);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text("detail")).contains("Administrator").contains("does not open individual patient records");
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"CLINICIAN", "REFERRER", "COORDINATOR", "PHARMACIST"})
    void letsOnlySeniorDecisionMakersTriageAdmitAndDischarge(Role role) {
        CurrentUser other = fixtures.user(role, acute);
        String referralId = refer(patient);

        Response triage = api.post(other, "/api/v1/referrals/" + referralId + "/triage", accept());
        assertThat(triage.status()).as(triage.toString()).isEqualTo(403);
        assertThat(triage.text("detail")).contains("Senior decision-maker");
        assertThat(api.post(consultant, "/api/v1/referrals/" + referralId + "/triage", accept()).status())
                .isEqualTo(200);

        Response admission = api.post(other, "/api/v1/referrals/" + referralId + "/admission", admission());
        assertThat(admission.status()).as(admission.toString()).isEqualTo(403);
        assertThat(admission.text("detail")).contains("may not admit patients");
        Response admitted = api.post(consultant, "/api/v1/referrals/" + referralId + "/admission", admission());
        assertThat(admitted.status()).as(admitted.toString()).isEqualTo(201);

        String dischargePath = "/api/v1/admissions/" + admitted.text("id") + "/discharge";
        Response discharge = api.post(other, dischargePath, discharge());
        assertThat(discharge.status()).as(discharge.toString()).isEqualTo(403);
        assertThat(discharge.text("detail")).contains("may not discharge patients");
        assertThat(api.post(consultant, dischargePath, discharge()).status()).isEqualTo(200);
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void letsOnlyTheHostsAdministratorOpenAWard(Role role) {
        CurrentUser user = fixtures.user(role, acute);
        Response response = api.post(user, "/api/v1/wards", Map.ofEntries(
                Map.entry("name", Fixtures.unique("Ward")), Map.entry("pathways", List.of("RESPIRATORY")),
                Map.entry("hostOrganisationId", acute.id().toString()), Map.entry("bedCapacity", 4),
                Map.entry("opensAt", "08:00"), Map.entry("closesAt", "20:00"),
                Map.entry("outOfHoursContact", "On-call registrar"), Map.entry("outOfHoursPhone", "01305 255 000"), Map.entry("inHoursPhone", "01632 960 000"),
                Map.entry("minAgeYears", 18), Map.entry("maxAgeYears", 130),
                Map.entry("admissionCriteria", "COPD exacerbation")));
        if (role == Role.ADMIN) {
            assertThat(response.status()).as(response.toString()).isEqualTo(201);
        } else {
            assertThat(response.status()).as(response.toString()).isEqualTo(403);
            assertThat(response.text("detail")).contains("may not open a virtual ward");
        }
    }

    @Test
    void showsTheTriageDecisionToTheReferringOrganisation() {
        Organisation practice = fixtures.organisation(OrganisationType.GP_FEDERATION);
        CurrentUser gp = fixtures.user(Role.REFERRER, practice);
        CurrentUser gpColleague = fixtures.user(Role.CLINICIAN, practice);
        PatientRecord own = fixtures.patient(gp, LocalDate.of(1939, 1, 12));
        String referralId = refer(gp, own);

        Response declined = api.post(consultant, "/api/v1/referrals/" + referralId + "/triage",
                Map.of("outcome", "DECLINE", "reason", "Chest pain needs same-day cardiology review in hospital"));
        assertThat(declined.status()).as(declined.toString()).isEqualTo(200);

        Response mine = api.get(gpColleague, "/api/v1/referrals/mine");
        assertThat(mine.body().findValuesAsText("id")).contains(referralId);
        assertThat(mine.body().findValuesAsText("triageReason"))
                .contains("Chest pain needs same-day cardiology review in hospital");
        Response referral = api.get(gp, "/api/v1/referrals/" + referralId);
        assertThat(referral.text("status")).isEqualTo("DECLINED");
        assertThat(referral.text("triagedByName")).isEqualTo(consultant.displayName());

        assertThat(api.get(outsider, "/api/v1/referrals/mine").body().findValuesAsText("id")).doesNotContain(referralId);
    }

    @Test
    void answersAnUnauthenticatedApiCallWith401ProblemDetailNotARedirect() {
        RawResponse anonymous = api.raw("GET", patientPath, null, null, null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.location()).isNull();
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        assertThat(api.json(anonymous).path("status").asInt()).isEqualTo(401);
        assertThat(api.json(anonymous).path("detail").asText()).contains("Sign in");
        assertThat(anonymous.header("WWW-Authenticate")).as("RFC 9110: a 401 says how to authenticate")
                .containsExactly("Basic realm=\"Homeward\"");
        assertThat(anonymous.body()).doesNotContain(patient.summary().familyName());

        RawResponse anonymousPost = api.raw("POST", "/api/v1/patients", null, null, "{}");
        assertThat(anonymousPost.status()).isEqualTo(401);
        assertThat(anonymousPost.contentType()).startsWith("application/problem+json");
        assertThat(anonymousPost.header("WWW-Authenticate")).containsExactly("Basic realm=\"Homeward\"");
    }

    @Test
    void answersAWrongPasswordWith401() {
        RawResponse wrong = api.raw("GET", patientPath, referrer.username(), Fixtures.PASSWORD + "x", null);
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.contentType()).startsWith("application/problem+json");
        assertThat(api.json(wrong).path("status").asInt()).isEqualTo(401);
        assertThat(wrong.header("WWW-Authenticate")).containsExactly("Basic realm=\"Homeward\"");
        assertThat(wrong.body()).doesNotContain(patient.summary().familyName());

        RawResponse unknownUser = api.raw("GET", patientPath, "nobody-" + Fixtures.unique("x"), Fixtures.PASSWORD, null);
        assertThat(unknownUser.status()).isEqualTo(401);
        assertThat(unknownUser.header("WWW-Authenticate")).containsExactly("Basic realm=\"Homeward\"");

        assertThat(api.raw("GET", patientPath, referrer.username(), Fixtures.PASSWORD, null).status()).isEqualTo(200);
    }

    @Test
    void redirectsAnUnauthenticatedPageRequestToTheLoginPage() {
        RawResponse page = api.raw("GET", "/", null, null, null);
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).endsWith("/login");

        RawResponse patientPage = api.raw("GET", "/patients/" + patient.summary().id(), null, null, null);
        assertThat(patientPage.status()).isEqualTo(302);
        assertThat(patientPage.location()).endsWith("/login");
    }

    // ------------------------------------------------------------------------------------------------------------

    /** The same 404 problem detail for both, once each names the patient the caller asked about. */
    private static void assertSameNotFound(Response registered, String registeredKey, Response unknown,
            String unknownKey) {
        assertThat(registered.status()).as(registered.toString()).isEqualTo(404);
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);
        assertThat(registered.contentType()).startsWith("application/problem+json");
        assertThat(registered.text("detail")).contains("in your organisation's care");
        assertThat(registered.body().toString().replace(registeredKey, "<asked>"))
                .isEqualTo(unknown.body().toString().replace(unknownKey, "<asked>"));
    }

    private static Map<String, Object> carer() {
        return Map.of("name", "Grace Hopper", "relationship", "Daughter", "phone", "07700 900123",
                "hasParentalResponsibility", false);
    }

    private Map<String, Object> referral(String patientId) {
        return Map.of("patientId", patientId, "wardId", ward.id().toString(), "direction", "STEP_UP", "source", "GP",
                "presentingCondition", "Exacerbation of COPD", "reason", "Needs oxygen and nebulisers at home",
                "interventions", List.of("OXYGEN", "NEBULISERS"), "urgency", "SAME_DAY");
    }

    private String refer(PatientRecord record) {
        return refer(referrer, record);
    }

    private String refer(CurrentUser by, PatientRecord record) {
        Response referral = api.post(by, "/api/v1/referrals", Map.of("patientId", record.summary().id().toString(),
                "wardId", ward.id().toString(), "direction", "STEP_UP", "source", "GP",
                "presentingCondition", "Exacerbation of COPD", "reason", "Needs oxygen and nebulisers at home",
                "interventions", List.of("OXYGEN", "NEBULISERS"), "urgency", "SAME_DAY"));
        assertThat(referral.status()).as(referral.toString()).isEqualTo(201);
        return referral.text("id");
    }

    private String admit(String referralId) {
        assertThat(api.post(consultant, "/api/v1/referrals/" + referralId + "/triage", accept()).status())
                .isEqualTo(200);
        Response admitted = api.post(consultant, "/api/v1/referrals/" + referralId + "/admission", admission());
        assertThat(admitted.status()).as(admitted.toString()).isEqualTo(201);
        return admitted.text("id");
    }

    private static Map<String, Object> accept() {
        return Map.of("outcome", "ACCEPT", "reason", "Meets the respiratory pathway criteria");
    }

    private Map<String, Object> admission() {
        return Map.of("accountableClinicianId", consultant.id().toString(),
                "estimatedDischargeDate", LocalDate.now().plusDays(4).toString(),
                "consentGivenBy", "PATIENT", "patientHasCapacity", true, "benefitsAndRisksDiscussed", true,
                "sharedDecisionRecord", "Patient prefers care at home; risks discussed");
    }

    private static Map<String, Object> discharge() {
        return Map.of("destination", "USUAL_RESIDENCE", "summary", "Oxygen weaned; back to baseline.");
    }
}
