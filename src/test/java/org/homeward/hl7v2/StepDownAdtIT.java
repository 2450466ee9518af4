package org.homeward.hl7v2;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.homeward.patient.PatientRecord;
import org.homeward.referral.CreateReferral;
import org.homeward.referral.Intervention;
import org.homeward.referral.ReferralDirection;
import org.homeward.referral.ReferralService;
import org.homeward.referral.ReferralSource;
import org.homeward.referral.ReferralView;
import org.homeward.referral.Urgency;
import org.homeward.security.CurrentUser;
import org.homeward.security.Organisation;
import org.homeward.security.OrganisationType;
import org.homeward.security.Role;
import org.homeward.security.SecurityService;
import org.homeward.support.Api;
import org.homeward.support.Fixtures;
import org.homeward.support.IntegrationTest;
import org.homeward.support.PageSession;
import org.homeward.ward.VirtualWard;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The acute hospital's A01 / A02 / A03 / A11 / A13 for an inpatient with a pending step-down referral: recorded on
 * the referral's inpatient stay (visible in the API and on the referral page, audited as the engine's account), and
 * nothing recorded for a patient with no such referral.
 */
@IntegrationTest
class StepDownAdtIT {

    @Autowired MllpListener listener;
    @Autowired SecurityService security;
    @Autowired Fixtures fixtures;
    @Autowired ReferralService referrals;
    @Autowired JdbcClient jdbc;
    @Autowired Api api;

    CurrentUser referrer;
    VirtualWard ward;
    PatientRecord patient;

    @BeforeEach
    void aStepDownReferralFromTheAcuteTrust() {
        Organisation acute = security.organisation(EngineAccount.ensure(security).organisationId());
        referrer = fixtures.user(Role.REFERRER, acute);
        Organisation community = fixtures.organisation(OrganisationType.COMMUNITY_PROVIDER);
        ward = fixtures.ward(community, 5, List.of(acute));
        patient = fixtures.patient(referrer, LocalDate.of(1941, 5, 2));
    }

    ReferralView referStepDown() {
        return referrals.refer(referrer, new CreateReferral(patient.summary().id(), ward.id(),
                ReferralDirection.STEP_DOWN, ReferralSource.INPATIENT_WARD, "Cellulitis", "IV antibiotics at home",
                Set.of(Intervention.IV_THERAPY), Urgency.SAME_DAY, "Ward 7", "Dr Ngozi Okafor", null));
    }

    AdtMessages about(String event) {
        AdtMessages m = AdtMessages.a(event);
        m.nhsNumber = patient.summary().nhsNumber().value();
        m.family = patient.summary().familyName();
        m.given = patient.summary().givenName();
        return m;
    }

    /** A PV1 with the assigned location (PV1-3) and the discharge date and time (PV1-45). */
    static String pv1(String location, String dischargedAt) {
        String[] fields = new String[46];
        java.util.Arrays.fill(fields, "");
        fields[0] = "PV1";
        fields[1] = "1";
        fields[2] = "I";
        fields[3] = location;
        fields[45] = dischargedAt;
        return String.join("|", fields);
    }

    String send(AdtMessages m) throws IOException {
        try (Mllp mllp = new Mllp(listener.port())) {
            return mllp.send(m.text());
        }
    }

    JsonNode stay(ReferralView referral) {
        return api.get(referrer, "/api/v1/referrals/" + referral.id().value() + "/inpatient-stay").body();
    }

    @Test
    void anA03RecordsWhenTheInpatientLeftTheAcuteWardAndAnA13CancelsIt() throws IOException {
        ReferralView referral = referStepDown();
        AdtMessages discharge = about("A03");
        discharge.pv1 = pv1("WARD 7^BAY 1^BED 2^RBD", "20261206143000");

        assertThat(send(discharge)).contains("MSA|AA|" + discharge.controlId);

        JsonNode stay = stay(referral);
        assertThat(stay.get("leftAcuteWardAt").asText()).isEqualTo("2026-12-06T14:30:00Z");
        assertThat(stay.get("events").get(0).get("kind").asText()).isEqualTo("DISCHARGED");
        assertThat(stay.get("events").get(0).get("recordedBy").asText()).contains(EngineAccount.USERNAME);
        assertThat(jdbc.sql("select what_was_done from hl7_message where control_id = ?").param(discharge.controlId)
                .query(String.class).single()).contains("recorded on step-down referral");
        assertThat(jdbc.sql("select count(*) from audit_event where username = ? and record_id = ? and detail like"
                + " 'Left the acute ward%'").params(EngineAccount.USERNAME, referral.id().toString())
                .query(Integer.class).single()).isEqualTo(1);
        var page = PageSession.signIn(api.baseUrl(), referrer).get("/referrals/" + referral.id().value());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html().select("[data-testid=left-acute-ward]").text()).contains("Left the acute ward")
                .contains("6 December 2026, 14:30");

        assertThat(send(about("A13"))).contains("MSA|AA|");

        assertThat(stay(referral).get("leftAcuteWardAt")).isNull();
        assertThat(stay(referral).get("events")).hasSize(2);
    }

    @Test
    void anA02MovesTheWardTheReferralNames() throws IOException {
        ReferralView referral = referStepDown();
        AdtMessages transfer = about("A02");
        transfer.pv1 = "PV1|1|I|WARD 9^BAY 3^BED 1^RBD";

        assertThat(send(transfer)).contains("MSA|AA|");

        assertThat(referrals.referral(referrer, referral.id()).inpatientWard()).isEqualTo("WARD 9");
        assertThat(stay(referral).get("events").get(0).get("kind").asText()).isEqualTo("TRANSFERRED");
    }

    @Test
    void anA03ForAPatientWithNoPendingStepDownReferralIsAcknowledgedAndRecordsNothing() throws IOException {
        AdtMessages discharge = about("A03");

        assertThat(send(discharge)).contains("MSA|AA|");

        assertThat(jdbc.sql("select what_was_done from hl7_message where control_id = ?").param(discharge.controlId)
                .query(String.class).single()).contains("no pending step-down referral");
        AdtMessages stranger = AdtMessages.a("A03");
        assertThat(send(stranger)).contains("MSA|AA|");
        assertThat(jdbc.sql("select what_was_done from hl7_message where control_id = ?").param(stranger.controlId)
                .query(String.class).single()).contains("not known to Homeward");
        assertThat(jdbc.sql("select count(*) from patient where nhs_number = ?").param(stranger.nhsNumber)
                .query(Integer.class).single()).isZero();
    }
}
