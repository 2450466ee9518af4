package org.homeward.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import org.homeward.patient.PatientRecord;
import org.homeward.security.CurrentUser;
import org.homeward.security.Organisation;
import org.homeward.security.OrganisationType;
import org.homeward.security.Role;
import org.homeward.support.Api;
import org.homeward.support.Fixtures;
import org.homeward.support.IntegrationTest;
import org.homeward.support.PageSession;
import org.homeward.support.PageSession.Page;
import org.homeward.ward.Pathway;
import org.homeward.ward.VirtualWard;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The escalation policy pages over real HTTP with a signed-in session and CSRF tokens, as a browser without script
 * uses them: a senior tightens a ward and a patient, ends the patient's override, sees a loosening refused on the form,
 * and a nurse sees the policy read-only and is refused when posting anyway.
 */
@IntegrationTest
class EscalationPolicyPagesIT {

    @Autowired Fixtures fixtures;
    @Autowired Api api;
    @Autowired JdbcClient jdbc;

    Organisation acute;
    CurrentUser referrer;
    CurrentUser consultant;
    CurrentUser nurse;
    VirtualWard ward;
    PatientRecord patient;
    PatientRecord neighbour;
    String patientPath;

    @BeforeEach
    void admitTwoPatients() {
        acute = fixtures.organisation(OrganisationType.ACUTE_TRUST);
        referrer = fixtures.user(Role.REFERRER, acute);
        consultant = fixtures.user(Role.SENIOR_DECISION_MAKER, acute);
        nurse = fixtures.user(Role.CLINICIAN, acute);
        ward = fixtures.ward(acute, 10);
        patient = fixtures.patient(referrer, LocalDate.of(1947, 7, 7));
        neighbour = fixtures.patient(referrer, LocalDate.of(1950, 1, 1));
        fixtures.admit(patient, ward, referrer, consultant);
        fixtures.admit(neighbour, ward, referrer, consultant);
        patientPath = "/patients/" + patient.summary().id();
    }

    @Test
    void aSeniorTightensTheWardPolicyFromTheWardPageLinkedFromTheCensus() {
        PageSession senior = PageSession.signIn(api.baseUrl(), consultant);
        Page census = senior.get("/wards/" + ward.id() + "/census");
        assertThat(census.html().getElementById("ward-escalation-policy").attr("href"))
                .isEqualTo("/wards/" + ward.id() + "/escalation-policy");

        Page page = senior.get("/wards/" + ward.id() + "/escalation-policy");
        assertThat(page.testId("ward-threshold")).isEqualTo("5");
        assertThat(page.testId("ward-policy-source")).isEqualTo("(national default)");
        assertThat(radioValues(page)).containsExactly("1", "2", "3", "4");

        Page saved = senior.submit(page, "form[action$=/escalation-policy]",
                Map.of("news2AlertFromTotal", "4", "reason", "Frail population who deteriorate quickly"));
        assertThat(saved.location()).endsWith("/wards/" + ward.id() + "/escalation-policy");
        Page after = senior.follow(saved);
        assertThat(after.testId("flash")).contains("NEWS2 alerts are now raised from 4");
        assertThat(after.testId("ward-threshold")).isEqualTo("4");
        assertThat(after.testId("ward-policy-source")).isEqualTo("(ward policy)");
        assertThat(after.testId("ward-policy-reason")).isEqualTo("Frail population who deteriorate quickly");
        assertThat(radioValues(after)).containsExactly("1", "2", "3");

        assertThat(api.get(nurse, "/api/v1" + patientPath + "/escalation-policy").body().path("news2AlertFromTotal")
                .asInt()).isEqualTo(4);
        assertThat(jdbc.sql("select detail from audit_event where record_type = 'WardEscalationPolicy' and record_id = ?"
                + " and action = 'UPDATE' and username = ?").params(ward.id().toString(), consultant.username())
                .query(String.class).list()).containsExactly(
                        "NEWS2 alerts from 4 (was 5, national default): Frail population who deteriorate quickly");
    }

    @Test
    void aSeniorTightensThisPatientFromTheirRecordAndEndsTheOverride() {
        PageSession senior = PageSession.signIn(api.baseUrl(), consultant);
        Element placeholder = senior.get(patientPath).html().getElementById("escalation-policy");
        assertThat(placeholder.attr("hx-get")).isEqualTo(patientPath + "/escalation-policy/section");

        Page section = senior.get(patientPath + "/escalation-policy/section");
        assertThat(section.testId("patient-threshold")).isEqualTo("5");
        assertThat(section.testId("no-escalation-history")).isNotNull();
        assertThat(section.text()).contains("Tighten for " + patient.summary().displayName() + " (NHS "
                + patient.summary().nhsNumber().formatted() + ")");

        Page saved = senior.submit(section, "form[action$=/escalation-policy]",
                Map.of("news2AlertFromTotal", "3", "reason", "Deteriorated quickly on last admission; lives alone"));
        assertThat(saved.location()).endsWith(patientPath + "#escalation-policy");
        assertThat(senior.follow(saved).testId("flash")).isEqualTo("NEWS2 alerts for "
                + patient.summary().displayName() + " (NHS " + patient.summary().nhsNumber().formatted()
                + ") are now raised from 3 (patient override).");

        Page tightened = senior.get(patientPath + "/escalation-policy/section");
        assertThat(tightened.testId("patient-threshold")).isEqualTo("3");
        assertThat(tightened.testId("patient-policy-source")).isEqualTo("(patient override)");
        assertThat(tightened.testId("escalation-history")).contains("Deteriorated quickly on last admission; lives alone")
                .contains(consultant.signature()).contains("Active");
        assertThat(api.get(nurse, "/api/v1/patients/" + neighbour.summary().id() + "/escalation-policy").text("source"))
                .as("only the patient whose record it was changes").isEqualTo("national default");
        assertThat(audit(patient, "UPDATE")).containsExactly(
                "NEWS2 alerts from 3 (was 5, national default): Deteriorated quickly on last admission; lives alone");

        Page ended = senior.submit(tightened, "form[action$=/escalation-policy/end]", Map.of());
        assertThat(ended.location()).endsWith(patientPath + "#escalation-policy");
        assertThat(senior.follow(ended).testId("flash")).contains("Override ended for " + patient.summary().displayName())
                .contains("raised from 5 (national default)");
        Page after = senior.get(patientPath + "/escalation-policy/section");
        assertThat(after.testId("patient-threshold")).isEqualTo("5");
        assertThat(after.testId("escalation-history")).contains("Deteriorated quickly").contains(consultant.signature())
                .doesNotContain("Active");
        assertThat(after.html().getElementById("end-patient-override")).isNull();
        assertThat(audit(patient, "UPDATE")).hasSize(2)
                .contains("ended escalation override (NEWS2 alerts from 3); now NEWS2 alerts from 5, national default");
    }

    @Test
    void aLooserThresholdFromAStaleFormIsRefusedOnTheFormLinkedToTheFieldAndNothingIsWritten() {
        PageSession senior = PageSession.signIn(api.baseUrl(), consultant);
        api.post(consultant, "/api/v1/patients/" + patient.summary().id() + "/escalation-override",
                Map.of("news2AlertFromTotal", 4, "reason", "Post-operative"));
        Page stale = senior.get(patientPath + "/escalation-policy");
        assertThat(radioValues(stale)).containsExactly("1", "2", "3");
        CurrentUser colleague = fixtures.user(Role.SENIOR_DECISION_MAKER, acute);
        api.post(colleague, "/api/v1/patients/" + patient.summary().id() + "/escalation-override",
                Map.of("news2AlertFromTotal", 2, "reason", "Septic last week"));

        Page refused = senior.submit(stale, "form[action$=/escalation-policy]",
                Map.of("news2AlertFromTotal", "3", "reason", "Lives alone"));
        assertThat(refused.status()).isEqualTo(200);
        Element link = refused.html().selectFirst("[data-testid=errors] a");
        assertThat(link.attr("href")).isEqualTo("#news2AlertFromTotal");
        assertThat(link.text()).contains("must be from 1 to 1").contains("only make alerts come earlier");
        assertThat(refused.html().getElementById("news2AlertFromTotal")).isNotNull();
        assertThat(refused.html().selectFirst(".nhsuk-form-group--error input[name=news2AlertFromTotal]")).isNotNull();
        assertThat(overrides(patient)).isEqualTo(2);
        assertThat(api.get(nurse, "/api/v1" + patientPath + "/escalation-policy")
                .body().path("news2AlertFromTotal").asInt()).isEqualTo(2);

        Page tooLong = senior.submit(senior.get(patientPath + "/escalation-policy"), "form[action$=/escalation-policy]",
                Map.of("news2AlertFromTotal", "1", "reason", "x".repeat(501)));
        assertThat(tooLong.status()).isEqualTo(200);
        assertThat(tooLong.html().selectFirst("[data-testid=errors] a").attr("href")).isEqualTo("#reason");
        assertThat(overrides(patient)).isEqualTo(2);
    }

    @Test
    void aLooserWardThresholdIsRefusedOnTheWardFormAndTheWardKeepsItsPolicy() {
        PageSession senior = PageSession.signIn(api.baseUrl(), consultant);
        Page page = senior.get("/wards/" + ward.id() + "/escalation-policy");
        senior.follow(senior.submit(page, "form[action$=/escalation-policy]", Map.of("news2AlertFromTotal", "3",
                "reason", "Winter pressures; frail patients")));

        Page refused = senior.submit(page, "form[action$=/escalation-policy]",
                Map.of("news2AlertFromTotal", "4", "reason", "Too many alerts"));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.html().selectFirst("[data-testid=errors] a").attr("href")).isEqualTo("#news2AlertFromTotal");
        assertThat(refused.testId("errors")).contains("must be from 1 to 2");
        assertThat(refused.testId("ward-threshold")).isEqualTo("3");
        assertThat(jdbc.sql("select news2_alert_from_total from ward_escalation_policy where ward_id = ?")
                .param(ward.id().value()).query(Integer.class).single()).isEqualTo(3);
    }

    @Test
    void aWardTightenedBelowAPatientsOverrideAppliesTheStricterOfTheTwo() {
        api.post(consultant, "/api/v1/patients/" + patient.summary().id() + "/escalation-override",
                Map.of("news2AlertFromTotal", 4, "reason", "Lives alone"));
        api.put(consultant, "/api/v1/wards/" + ward.id() + "/escalation-policy",
                Map.of("news2AlertFromTotal", 3, "reason", "Winter pressures"));

        Page section = PageSession.signIn(api.baseUrl(), nurse).get(patientPath + "/escalation-policy/section");
        assertThat(section.testId("patient-threshold")).isEqualTo("3");
        assertThat(section.testId("patient-policy-source")).isEqualTo("(ward policy)");
        assertThat(section.testId("override-superseded")).contains("override (NEWS2 4) is not in force");
    }

    @Test
    void aNurseSeesThePoliciesReadOnlyAndIsRefusedWhenPostingAnyway() {
        PageSession clinician = PageSession.signIn(api.baseUrl(), nurse);
        Page section = clinician.get(patientPath + "/escalation-policy/section");
        assertThat(section.testId("patient-threshold")).isEqualTo("5");
        assertThat(section.testId("read-only")).contains("Only a senior decision-maker");
        assertThat(section.html().select("input[name=news2AlertFromTotal]")).isEmpty();
        Page wardPage = clinician.get("/wards/" + ward.id() + "/escalation-policy");
        assertThat(wardPage.testId("read-only")).contains("Only a senior decision-maker");
        assertThat(wardPage.html().select("input[name=news2AlertFromTotal]")).isEmpty();

        String token = clinician.get(patientPath + "/escalation-policy").html()
                .selectFirst("input[name=_csrf]").attr("value");
        Page tighten = clinician.post(patientPath + "/escalation-policy",
                Map.of("_csrf", token, "news2AlertFromTotal", "3", "reason", "worried"));
        assertThat(tighten.status()).isEqualTo(403);
        assertThat(tighten.testId("error-detail")).contains("may not tighten a patient's escalation policy");
        Page wardTighten = clinician.post("/wards/" + ward.id() + "/escalation-policy",
                Map.of("_csrf", token, "news2AlertFromTotal", "3", "reason", "worried"));
        assertThat(wardTighten.status()).isEqualTo(403);
        api.post(consultant, "/api/v1/patients/" + patient.summary().id() + "/escalation-override",
                Map.of("news2AlertFromTotal", 4, "reason", "Lives alone"));
        assertThat(clinician.post(patientPath + "/escalation-policy/end", Map.of("_csrf", token)).status()).isEqualTo(403);

        assertThat(overrides(patient)).isEqualTo(1);
        assertThat(api.get(nurse, "/api/v1/patients/" + patient.summary().id() + "/escalation-policy")
                .body().path("news2AlertFromTotal").asInt()).isEqualTo(4);
        assertThat(jdbc.sql("select count(*) from ward_escalation_policy where ward_id = ?").param(ward.id().value())
                .query(Long.class).single()).isZero();
    }

    @Test
    void aFormPostWithoutTheCsrfTokenChangesNothing() {
        PageSession senior = PageSession.signIn(api.baseUrl(), consultant);
        Page refused = senior.post(patientPath + "/escalation-policy", Map.of("news2AlertFromTotal", "3", "reason", "x"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(overrides(patient)).isZero();
    }

    @Test
    void aChildScoredWithPewsIsOfferedNoNews2ThresholdAndTheServiceRefusesOne() {
        VirtualWard childrens = fixtures.ward(acute, 5, 0, 17, EnumSet.of(Pathway.PAEDIATRICS));
        PatientRecord child = fixtures.patient(referrer, LocalDate.now().minusYears(6));
        fixtures.admit(child, childrens, referrer, consultant);

        Page section = PageSession.signIn(api.baseUrl(), consultant)
                .get("/patients/" + child.summary().id() + "/escalation-policy/section");
        assertThat(section.testId("scored-with-pews")).contains("under 16");
        assertThat(section.html().select("input[name=news2AlertFromTotal]")).isEmpty();
        assertThat(api.post(consultant, "/api/v1/patients/" + child.summary().id() + "/escalation-override",
                Map.of("news2AlertFromTotal", 3, "reason", "worried")).status()).isEqualTo(409);
        assertThat(overrides(child)).isZero();
    }

    private static java.util.List<String> radioValues(Page page) {
        return page.html().select("input[name=news2AlertFromTotal]").eachAttr("value");
    }

    private long overrides(PatientRecord whose) {
        return jdbc.sql("select count(*) from patient_escalation_override where patient_id = ?")
                .param(whose.summary().id().value()).query(Long.class).single();
    }

    private java.util.List<String> audit(PatientRecord whose, String action) {
        return jdbc.sql("select detail from audit_event where record_type = 'EscalationPolicy' and patient_id = ?"
                + " and action = ? order by id").params(whose.summary().id().value(), action).query(String.class).list();
    }
}
