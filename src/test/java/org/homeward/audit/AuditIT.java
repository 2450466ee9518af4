package org.homeward.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.homeward.patient.PatientRecord;
import org.homeward.patient.PatientService;
import org.homeward.patient.RegisterPatient;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every read, change and refused attempt leaves a line in the append-only audit trail. */
@IntegrationTest
class AuditIT {

    private static final ZoneId SERVICE_ZONE = ZoneId.of("Europe/London");

    @Autowired Fixtures fixtures;
    @Autowired Api api;
    @Autowired JdbcClient jdbc;
    @Autowired PatientService patients;

    Organisation acute;
    CurrentUser referrer;
    CurrentUser consultant;
    VirtualWard ward;

    @BeforeEach
    void setUp() {
        acute = fixtures.organisation(OrganisationType.ACUTE_TRUST);
        referrer = fixtures.user(Role.REFERRER, acute);
        consultant = fixtures.user(Role.SENIOR_DECISION_MAKER, acute);
        ward = fixtures.ward(acute, 2);
    }

    @Test
    void recordsWhoReadAPatientFromWhichOrganisationInWhichRole() {
        PatientRecord patient = fixtures.patient(referrer, LocalDate.of(1950, 4, 4));
        assertThat(api.get(consultant, "/api/v1/patients/" + patient.summary().id()).status()).isEqualTo(200);

        List<Map<String, Object>> reads = rows("username = ? and action = 'READ'", consultant.username());
        assertThat(reads).hasSize(1);
        Map<String, Object> read = reads.get(0);
        assertThat(read.get("organisation_id")).isEqualTo(acute.id().value());
        assertThat(read.get("organisation_name")).isEqualTo(acute.name());
        assertThat(read.get("role")).isEqualTo("SENIOR_DECISION_MAKER");
        assertThat(read.get("record_type")).isEqualTo("Patient");
        assertThat(read.get("record_id")).isEqualTo(patient.summary().id().toString());
        assertThat(read.get("patient_id")).isEqualTo(patient.summary().id().value());
        assertThat(read.get("occurred_at")).isNotNull();
    }

    @Test
    void recordsRegistrationAsCreate() {
        Response registered = api.post(referrer, "/api/v1/patients", fixtures.patientDetails(LocalDate.of(1947, 2, 2)));
        assertThat(registered.status()).isEqualTo(201);
        UUID patientId = UUID.fromString(registered.body().path("summary").path("id").asText());

        List<Map<String, Object>> created = rows("username = ? and action = 'CREATE'", referrer.username());
        assertThat(created).hasSize(1);
        assertThat(created.get(0).get("patient_id")).isEqualTo(patientId);
        assertThat(created.get(0).get("record_type")).isEqualTo("Patient");
        assertThat((String) created.get(0).get("detail")).contains("registered NHS number");
    }

    @Test
    void recordsReferralTriageAdmissionAndDischarge() {
        PatientRecord patient = fixtures.patient(referrer, LocalDate.of(1944, 8, 8));
        UUID patientId = patient.summary().id().value();
        Response referred = api.post(referrer, "/api/v1/referrals", referral(patient));
        assertThat(referred.status()).as(referred.toString()).isEqualTo(201);
        String referralId = referred.text("id");
        assertThat(api.post(consultant, "/api/v1/referrals/" + referralId + "/triage",
                Map.of("outcome", "ACCEPT", "reason", "Meets criteria")).status()).isEqualTo(200);
        Response admitted = api.post(consultant, "/api/v1/referrals/" + referralId + "/admission", admission());
        assertThat(admitted.status()).as(admitted.toString()).isEqualTo(201);
        String admissionId = admitted.text("id");
        assertThat(api.post(consultant, "/api/v1/admissions/" + admissionId + "/discharge",
                Map.of("destination", "USUAL_RESIDENCE", "summary", "Recovered")).status()).isEqualTo(200);

        assertThat(actionsOn(patientId, "Referral", referralId, referrer)).containsExactly("CREATE");
        assertThat(actionsOn(patientId, "Referral", referralId, consultant)).containsExactly("UPDATE");
        assertThat(actionsOn(patientId, "Admission", admissionId, consultant)).containsExactly("CREATE", "UPDATE");
        assertThat(rows("patient_id = ? and record_type = 'Admission' and action = 'UPDATE'", patientId).get(0)
                .get("detail").toString()).contains("discharged to Usual place of residence");
    }

    @Test
    void recordsWhoListedAPatientsReferralsAndAdmissions() {
        PatientRecord patient = fixtures.patient(referrer, LocalDate.of(1943, 3, 3));
        UUID patientId = patient.summary().id().value();
        String referralId = api.post(referrer, "/api/v1/referrals", referral(patient)).text("id");
        api.post(consultant, "/api/v1/referrals/" + referralId + "/triage", Map.of("outcome", "ACCEPT", "reason", "ok"));
        String admissionId = api.post(consultant, "/api/v1/referrals/" + referralId + "/admission", admission())
                .text("id");
        api.post(consultant, "/api/v1/admissions/" + admissionId + "/discharge",
                Map.of("destination", "USUAL_RESIDENCE", "summary", "Recovered; GP to review bloods"));
        CurrentUser reader = fixtures.user(Role.CLINICIAN, acute);

        Response admissions = api.get(reader, "/api/v1/admissions?patientId=" + patientId);
        Response referrals = api.get(reader, "/api/v1/referrals?patientId=" + patientId);

        assertThat(admissions.body().findValuesAsText("dischargeSummary")).containsExactly("Recovered; GP to review bloods");
        assertThat(referrals.body().findValuesAsText("id")).containsExactly(referralId);
        List<Map<String, Object>> reads = rows("username = ? and action = 'READ'", reader.username());
        assertThat(reads).extracting(row -> row.get("patient_id")).containsOnly(patientId);
        assertThat(reads).extracting(row -> row.get("record_type")).containsExactly("Admission", "Referral");
        assertThat(reads).extracting(row -> row.get("organisation_name")).containsOnly(acute.name());
    }

    @Test
    void recordsARefusedReadAsDeniedThoughTheRequestRolledBack() {
        PatientRecord patient = fixtures.patient(referrer, LocalDate.of(1952, 5, 5));
        CurrentUser outsider = fixtures.user(Role.CLINICIAN, fixtures.organisation(OrganisationType.COMMUNITY_PROVIDER));

        assertThat(api.get(outsider, "/api/v1/patients/" + patient.summary().id()).status())
                .as("answered as if unknown, so the refusal does not reveal the patient exists").isEqualTo(404);

        List<Map<String, Object>> denied = rows("username = ?", outsider.username());
        assertThat(denied).hasSize(1);
        assertThat(denied.get(0).get("action")).isEqualTo("DENIED");
        assertThat(denied.get(0).get("patient_id")).isEqualTo(patient.summary().id().value());
        assertThat(denied.get(0).get("role")).isEqualTo("CLINICIAN");
        assertThat(denied.get(0).get("detail")).isEqualTo("organisation not in care team");
    }

    @Test
    void recordsARefusedNhsNumberLookUpOfARegisteredPatientAsDeniedButAnUnknownNumberNot() {
        PatientRecord patient = fixtures.patient(referrer, LocalDate.of(1954, 4, 4));
        CurrentUser outsider = fixtures.user(Role.CLINICIAN, fixtures.organisation(OrganisationType.GP_FEDERATION));

        assertThat(api.get(outsider, "/api/v1/patients?nhsNumber=" + Fixtures.newNhsNumber()).status()).isEqualTo(404);
        assertThat(rows("username = ?", outsider.username())).as("nobody's record was refused").isEmpty();
        assertThat(api.get(outsider, "/api/v1/patients?nhsNumber=" + patient.summary().nhsNumber().value()).status())
                .isEqualTo(404);

        List<Map<String, Object>> denied = rows("username = ?", outsider.username());
        assertThat(denied).hasSize(1);
        assertThat(denied.get(0).get("action")).isEqualTo("DENIED");
        assertThat(denied.get(0).get("patient_id")).isEqualTo(patient.summary().id().value());
        assertThat(denied.get(0).get("detail")).isEqualTo("organisation not in care team");
    }

    @Test
    void recordsEachPatientListedOnAWardCensusAgainstThatPatient() {
        PatientRecord first = fixtures.patient(referrer, LocalDate.of(1940, 1, 1));
        PatientRecord second = fixtures.patient(referrer, LocalDate.of(1941, 1, 1));
        fixtures.admit(first, ward, referrer, consultant);
        fixtures.admit(second, ward, referrer, consultant);
        CurrentUser nurse = fixtures.user(Role.CLINICIAN, acute);

        Response census = api.get(nurse, "/api/v1/wards/" + ward.id() + "/census");
        assertThat(census.body().path("rows")).hasSize(2);

        List<Map<String, Object>> listed = rows("username = ?", nurse.username());
        assertThat(listed).extracting(row -> row.get("patient_id"))
                .containsExactlyInAnyOrder(first.summary().id().value(), second.summary().id().value());
        assertThat(listed).extracting(row -> row.get("action")).containsOnly("READ");
        assertThat(listed).extracting(row -> row.get("record_type")).containsOnly("WardCensus");
        assertThat(listed).extracting(row -> row.get("record_id")).containsOnly(ward.id().toString());
        assertThat(listed).extracting(row -> row.get("detail"))
                .containsOnly("listed on the census of " + ward.name() + " (2 patients)");

        CurrentUser governance = fixtures.user(Role.GOVERNANCE, acute);
        Response trail = api.get(governance, "/api/v1/audit?patientId=" + first.summary().id());
        assertThat(trail.body().findValuesAsText("username")).as("the patient's trail shows who saw them listed")
                .contains(nurse.username());
    }

    @Test
    void recordsEachPatientASearchListedAgainstThatPatientAndASearchThatFoundNobodyOnce() {
        String familyName = Fixtures.unique("Nightingale");
        PatientRecord first = patientNamed(familyName, LocalDate.of(1938, 1, 1));
        PatientRecord second = patientNamed(familyName, LocalDate.of(1939, 1, 1));
        CurrentUser nurse = fixtures.user(Role.CLINICIAN, acute);

        assertThat(api.get(nurse, "/api/v1/patients?q=" + familyName).body()).hasSize(2);
        List<Map<String, Object>> listed = rows("username = ?", nurse.username());
        assertThat(listed).extracting(row -> row.get("patient_id"))
                .containsExactlyInAnyOrder(first.summary().id().value(), second.summary().id().value());
        assertThat(listed).extracting(row -> row.get("record_type")).containsOnly("PatientSearch");
        assertThat(listed).extracting(row -> row.get("detail"))
                .containsOnly("listed by search '" + familyName + "' (2 found)");

        assertThat(api.get(nurse, "/api/v1/patients?q=nobody-" + familyName).body()).isEmpty();
        List<Map<String, Object>> nobody = rows("username = ? and patient_id is null", nurse.username());
        assertThat(nobody).hasSize(1);
        assertThat(nobody.get(0).get("detail")).isEqualTo("search 'nobody-" + familyName + "': 0 found");
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"ADMIN", "COMMISSIONER"})
    void recordsARoleThatMayNotOpenPatientRecordsTryingToAsDenied(Role role) {
        PatientRecord patient = fixtures.patient(referrer, LocalDate.of(1953, 6, 6));
        CurrentUser user = fixtures.user(role, acute);

        assertThat(api.get(user, "/api/v1/patients/" + patient.summary().id()).status()).isEqualTo(403);
        assertThat(api.get(user, "/api/v1/admissions?patientId=" + patient.summary().id()).status()).isEqualTo(403);

        List<Map<String, Object>> denied = rows("username = ?", user.username());
        assertThat(denied).hasSize(2);
        assertThat(denied).extracting(row -> row.get("action")).containsOnly("DENIED");
        assertThat(denied).extracting(row -> row.get("patient_id")).containsOnly(patient.summary().id().value());
        assertThat(denied).extracting(row -> row.get("role")).containsOnly(role.name());
        assertThat(denied).extracting(row -> row.get("detail")).containsOnly("role does not open patient records");
    }

    @Test
    void refusesToUpdateOrDeleteAnAuditRow() {
        PatientRecord patient = fixtures.patient(referrer, LocalDate.of(1949, 9, 9));
        assertThat(api.get(consultant, "/api/v1/patients/" + patient.summary().id()).status()).isEqualTo(200);
        Map<String, Object> before = rows("username = ? and action = 'READ'", consultant.username()).get(0);
        long id = (Long) before.get("id");

        assertThatThrownBy(() -> jdbc.sql("update audit_event set username = 'someone-else' where id = ?").param(id)
                .update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("audit_event is append-only: UPDATE");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_event where id = ?").param(id).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("audit_event is append-only: DELETE");

        assertThat(rows("id = ?", id)).containsExactly(before);
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"ADMIN", "GOVERNANCE"})
    void letsAdministratorsAndGovernanceLeadsFilterTheTrail(Role role) {
        CurrentUser reader = fixtures.user(role, acute);
        PatientRecord patient = fixtures.patient(referrer, LocalDate.of(1946, 6, 6));
        PatientRecord other = fixtures.patient(referrer, LocalDate.of(1946, 7, 7));
        String patientId = patient.summary().id().toString();
        assertThat(api.get(consultant, "/api/v1/patients/" + patientId).status()).isEqualTo(200);
        assertThat(api.get(consultant, "/api/v1/patients/" + other.summary().id()).status()).isEqualTo(200);

        Response byPatient = api.get(reader, "/api/v1/audit?patientId=" + patientId);
        assertThat(byPatient.status()).as(byPatient.toString()).isEqualTo(200);
        assertThat(byPatient.body().findValuesAsText("patientId")).isNotEmpty().containsOnly(patientId);
        assertThat(byPatient.body().findValuesAsText("action")).containsExactlyInAnyOrder("CREATE", "READ");

        Response byUser = api.get(reader, "/api/v1/audit?username=" + consultant.username());
        assertThat(byUser.body().findValuesAsText("username")).hasSize(2).containsOnly(consultant.username());
        assertThat(byUser.body().findValuesAsText("organisationName")).containsOnly(acute.name());

        Response created = api.get(reader, "/api/v1/audit?username=" + referrer.username() + "&action=CREATE");
        assertThat(created.body().findValuesAsText("action")).hasSize(2).containsOnly("CREATE");
        assertThat(api.get(reader, "/api/v1/audit?username=" + referrer.username() + "&action=READ").body()).isEmpty();

        LocalDate day = ((Timestamp) rows("username = ?", consultant.username()).get(0).get("occurred_at"))
                .toInstant().atZone(SERVICE_ZONE).toLocalDate();
        String byConsultant = "/api/v1/audit?username=" + consultant.username();
        assertThat(api.get(reader, byConsultant + "&from=" + day + "&to=" + day).body()).hasSize(2);
        assertThat(api.get(reader, byConsultant + "&from=" + day).body()).hasSize(2);
        assertThat(api.get(reader, byConsultant + "&to=" + day.minusDays(1)).body()).isEmpty();
        assertThat(api.get(reader, byConsultant + "&from=" + day.plusDays(1)).body()).isEmpty();

        Response backwards = api.get(reader, byConsultant + "&from=" + day + "&to=" + day.minusDays(1));
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.body().path("errors").get(0).path("field").asText()).isEqualTo("from");
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"ADMIN", "GOVERNANCE"}, mode = EnumSource.Mode.EXCLUDE)
    void refusesTheTrailToEveryOtherRole(Role role) {
        CurrentUser user = fixtures.user(role, acute);
        Response refused = api.get(user, "/api/v1/audit");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.text("detail")).contains("may not view the audit trail");
    }

    @Test
    void writesNoPatientAndNoAuditLineForARefusedRegistration() {
        long patientsBefore = count("select count(*) from patient");
        long auditBefore = count("select count(*) from audit_event");
        Map<String, Object> invalid = new HashMap<>(Map.of("nhsNumber", "9434765918", "givenName", "Ada",
                "familyName", Fixtures.unique("Byron"), "dateOfBirth", "1950-01-01", "sex", "FEMALE",
                "ethnicCategory", "A", "addressLine1", "1 High Street", "town", "Dorchester", "postcode", "DT1 1AA"));
        invalid.put("gpPracticeCode", "J81012");
        invalid.put("gpPracticeName", "Dorchester Health Centre");

        Response refused = api.post(referrer, "/api/v1/patients", invalid);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.body().path("errors").get(0).path("field").asText()).isEqualTo("nhsNumber");
        assertThat(count("select count(*) from patient")).isEqualTo(patientsBefore);
        assertThat(count("select count(*) from audit_event")).isEqualTo(auditBefore);
        assertThat(rows("username = ? and action = 'CREATE'", referrer.username())).isEmpty();
    }

    // ------------------------------------------------------------------------------------------------------------

    private List<Map<String, Object>> rows(String where, Object... params) {
        return jdbc.sql("select * from audit_event where " + where + " order by id").params(params)
                .query().listOfRows();
    }

    private List<String> actionsOn(UUID patientId, String recordType, String recordId, CurrentUser by) {
        return rows("patient_id = ? and record_type = ? and record_id = ? and username = ? and action <> 'READ'",
                patientId, recordType, recordId, by.username())
                .stream().map(row -> (String) row.get("action")).toList();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private PatientRecord patientNamed(String familyName, LocalDate dateOfBirth) {
        RegisterPatient details = fixtures.patientDetails(dateOfBirth);
        return patients.register(referrer, new RegisterPatient(details.nhsNumber(), details.givenName(), familyName,
                details.dateOfBirth(), details.sex(), details.ethnicCategory(), details.addressLine1(),
                details.addressLine2(), details.town(), details.postcode(), details.latitude(), details.longitude(),
                details.phone(), details.gpPracticeCode(), details.gpPracticeName()));
    }

    private Map<String, Object> referral(PatientRecord patient) {
        return Map.of("patientId", patient.summary().id().toString(), "wardId", ward.id().toString(),
                "direction", "STEP_UP", "source", "EMERGENCY_DEPARTMENT", "presentingCondition", "Pyelonephritis",
                "reason", "IV antibiotics at home", "interventions", List.of("IV_THERAPY"), "urgency", "SAME_DAY");
    }

    private Map<String, Object> admission() {
        return Map.of("accountableClinicianId", consultant.id().toString(),
                "estimatedDischargeDate", LocalDate.now(SERVICE_ZONE).plusDays(3).toString(),
                "consentGivenBy", "PATIENT", "patientHasCapacity", true, "benefitsAndRisksDiscussed", true,
                "sharedDecisionRecord", "Prefers home");
    }
}
