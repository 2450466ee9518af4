package org.homeward.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
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
 * Clinical Frailty Scale v2.0 and the 4AT recorded from the admission form (KLoE 3.2), over real HTTP with a session
 * and CSRF tokens: shown on the admission, the patient's record and the census; a part-answered 4AT refused on the
 * item left unanswered with nothing written; the section offered only for adults.
 */
@IntegrationTest
class AdmissionAssessmentPageIT {

    @Autowired Fixtures fixtures;
    @Autowired Api api;
    @Autowired JdbcClient jdbc;

    Organisation acute;
    CurrentUser referrer;
    CurrentUser consultant;
    VirtualWard ward;
    PageSession senior;

    @BeforeEach
    void setUp() {
        acute = fixtures.organisation(OrganisationType.ACUTE_TRUST);
        referrer = fixtures.user(Role.REFERRER, acute);
        consultant = fixtures.user(Role.SENIOR_DECISION_MAKER, acute);
        ward = fixtures.ward(acute, 5);
        senior = PageSession.signIn(api.baseUrl(), consultant);
    }

    @Test
    void aSeniorAdmitsWithFrailtyAndFourAtFromTheFormAndSeesThemWhereverTheAdmissionIsSummarised() {
        PatientRecord patient = fixtures.patient(referrer, LocalDate.of(1939, 6, 1));
        String referralId = acceptedReferral(patient, ward);
        Page form = senior.get("/referrals/" + referralId);
        assertThat(form.testId("admission-assessment-form")).contains("Clinical Frailty Scale (version 2.0)")
                .contains("6 Living with Moderate Frailty").contains("9 Terminally Ill")
                .contains("Clearly abnormal (4)").contains("2 or more mistakes, or untestable (2)")
                .contains("Untestable (cannot start because unwell, drowsy or inattentive) (2)");
        assertThat(form.html().select("input[name=assessment.clinicalFrailtyScale]").eachAttr("value"))
                .containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9");

        Map<String, String> fields = admission();
        fields.putAll(Map.of("assessment.clinicalFrailtyScale", "6", "assessment.fourAt.alertness", "NORMAL",
                "assessment.fourAt.amt4", "ONE_MISTAKE", "assessment.fourAt.attention", "UNTESTABLE",
                "assessment.fourAt.acuteChangeOrFluctuation", "true"));
        Page admitted = senior.submit(form, "form[action$=/admission]", fields);
        assertThat(admitted.status()).as(admitted.toString()).isEqualTo(302);
        assertThat(admitted.location()).contains("/admissions/");

        Page admission = senior.follow(admitted);
        assertThat(admission.testId("cfs")).isEqualTo("6 Living with Moderate Frailty (v2.0, baseline)");
        assertThat(admission.testId("four-at"))
                .isEqualTo("7 of 12: Possible delirium, with or without cognitive impairment");
        assertThat(senior.get("/patients/" + patient.summary().id()).testId("admission-assessment"))
                .contains("CFS 6 Living with Moderate Frailty").contains("4AT 7: Possible delirium");
        assertThat(senior.get("/wards/" + ward.id() + "/census").testId("ward-census"))
                .contains("CFS 6 Living with Moderate Frailty").contains("4AT 7");
        assertThat(jdbc.sql("select clinical_frailty_scale || ' v' || clinical_frailty_scale_version || ', 4AT '"
                + " || four_at_total from admission where patient_id = ?").param(patient.summary().id().value())
                .query(String.class).single()).isEqualTo("6 v2.0, 4AT 7");
    }

    @Test
    void aPartAnsweredFourAtIsRefusedOnTheFirstUnansweredItemAndNothingIsWritten() {
        PatientRecord patient = fixtures.patient(referrer, LocalDate.of(1941, 9, 9));
        String referralId = acceptedReferral(patient, ward);
        Page form = senior.get("/referrals/" + referralId);
        Map<String, String> fields = admission();
        fields.putAll(Map.of("assessment.clinicalFrailtyScale", "5", "assessment.fourAt.alertness", "NORMAL",
                "assessment.fourAt.amt4", "NO_MISTAKES"));

        Page refused = senior.submit(form, "form[action$=/admission]", fields);
        assertThat(refused.status()).isEqualTo(200);
        Element link = refused.html().selectFirst("[data-testid=errors] a");
        assertThat(link.attr("href")).isEqualTo("#assessment.fourAt.attention");
        assertThat(link.text()).contains("not answered: 3 attention (months backwards), 4 acute change or fluctuating course");
        Element item = refused.html().getElementById("assessment.fourAt.attention");
        assertThat(item).as("the error summary's link lands on the item").isNotNull();
        assertThat(item.closest(".nhsuk-form-group").hasClass("nhsuk-form-group--error")).isTrue();
        assertThat(refused.html().getElementById("assessment.fourAt.alertness").hasAttr("checked"))
                .as("what was answered is kept").isTrue();
        assertThat(refused.html().selectFirst("input[name=assessment.clinicalFrailtyScale][value=5]").hasAttr("checked")).isTrue();

        assertThat(jdbc.sql("select count(*) from admission where patient_id = ?").param(patient.summary().id().value())
                .query(Long.class).single()).isZero();
        assertThat(api.get(consultant, "/api/v1/referrals/" + referralId).text("status")).isEqualTo("ACCEPTED");
    }

    @Test
    void theAssessmentIsOfferedOnlyForAdultsAndRefusedForAChild() {
        VirtualWard childrens = fixtures.ward(acute, 5, 0, 17, EnumSet.of(Pathway.PAEDIATRICS));
        PatientRecord child = fixtures.patient(referrer, LocalDate.now().minusYears(9));
        String referralId = acceptedReferral(child, childrens);
        Page form = senior.get("/referrals/" + referralId);
        assertThat(form.html().selectFirst("form[action$=/admission]")).isNotNull();
        assertThat(form.testId("admission-assessment-form")).isNull();

        Map<String, String> fields = admission();
        fields.put("assessment.clinicalFrailtyScale", "3");
        Page refused = senior.submit(form, "form[action$=/admission]", fields);
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.testId("errors")).contains("The Clinical Frailty Scale and the 4AT are for adults");
        assertThat(jdbc.sql("select count(*) from admission where patient_id = ?").param(child.summary().id().value())
                .query(Long.class).single()).isZero();
    }

    private String acceptedReferral(PatientRecord patient, VirtualWard to) {
        String referralId = api.post(referrer, "/api/v1/referrals", Map.of("patientId", patient.summary().id().toString(),
                "wardId", to.id().toString(), "direction", "STEP_UP", "source", "GP",
                "presentingCondition", "Urinary tract infection with new confusion",
                "reason", "Needs IV antibiotics; daughter stays with her", "interventions", List.of("IV_THERAPY"),
                "urgency", "SAME_DAY")).text("id");
        assertThat(api.post(consultant, "/api/v1/referrals/" + referralId + "/triage",
                Map.of("outcome", "ACCEPT", "reason", "Meets criteria")).status()).isEqualTo(200);
        return referralId;
    }

    private Map<String, String> admission() {
        return new HashMap<>(Map.of("accountableClinicianId", consultant.id().toString(),
                "estimatedDischargeDate", LocalDate.now().plusDays(5).toString(), "patientHasCapacity", "true",
                "consentGivenBy", "PATIENT", "benefitsAndRisksDiscussed", "true",
                "sharedDecisionRecord", "Discussed care at home with the patient and her daughter; she prefers home"));
    }
}
