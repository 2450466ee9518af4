package org.homeward.observation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
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
import org.homeward.ward.VirtualWard;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A patient has one working home readings link (issue 9, item 4): a new link revokes the old, staff on the care team
 * revoke it with a reason, and a revoked link answers exactly as an unknown one.
 */
@IntegrationTest
class HomeLinkLifecycleIT {

    @Autowired Fixtures fixtures;
    @Autowired Api api;
    @Autowired JdbcClient jdbc;

    CurrentUser nurse;
    CurrentUser referrer;
    CurrentUser outsider;
    PatientRecord patient;
    String linksPath;

    @BeforeEach
    void anAdmittedPatient() {
        Organisation community = fixtures.organisation(OrganisationType.COMMUNITY_PROVIDER);
        referrer = fixtures.user(Role.REFERRER, community);
        CurrentUser consultant = fixtures.user(Role.SENIOR_DECISION_MAKER, community);
        nurse = fixtures.user(Role.CLINICIAN, community);
        outsider = fixtures.user(Role.CLINICIAN, fixtures.organisation(OrganisationType.COMMUNITY_PROVIDER));
        VirtualWard ward = fixtures.ward(community, 10);
        patient = fixtures.patient(referrer, LocalDate.of(1950, 5, 5));
        fixtures.admit(patient, ward, referrer, consultant);
        linksPath = "/api/v1/patients/" + patient.summary().id() + "/home-links";
    }

    @Test
    void issuingASecondLinkStopsTheFirstWorking() {
        String first = issue();
        String second = issue();

        PageSession carer = PageSession.anonymous(api.baseUrl());
        assertThat(carer.get(first).status()).isEqualTo(404);
        assertThat(carer.get(second).status()).isEqualTo(200);
        assertThat(jdbc.sql("select revoked_reason from home_link where patient_id = ? and revoked_at is not null")
                .param(patient.summary().id().value()).query(String.class).single()).isEqualTo("a new link was issued");
    }

    @Test
    void staffRevokeALinkAndItThenAnswersExactlyAsAnUnknownLink() {
        String link = issue();
        assertThat(api.get(nurse, linksPath).status()).isEqualTo(200);

        var revoked = api.post(nurse, linksPath + "/revocation", Map.of("reason", "Phone lost"));
        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(204);

        PageSession carer = PageSession.anonymous(api.baseUrl());
        var dead = carer.get(link);
        var unknown = carer.get("/home/not-a-real-link");
        assertThat(dead.status()).isEqualTo(404).isEqualTo(unknown.status());
        assertThat(dead.testId("error-detail")).isEqualTo(unknown.testId("error-detail")).contains("no longer active");
        assertThat(dead.html().text()).doesNotContain(patient.summary().givenName());
        assertThat(api.get(nurse, linksPath).status()).as("no working link").isEqualTo(204);
        assertThat(api.post(nurse, linksPath + "/revocation", Map.of()).status()).as("nothing left to revoke")
                .isEqualTo(409);
    }

    @Test
    void onlyClinicalStaffOnTheCareTeamIssueOrRevokeLinks() {
        issue();
        assertThat(api.post(referrer, linksPath + "/revocation", Map.of()).status()).isEqualTo(403);
        assertThat(api.post(outsider, linksPath + "/revocation", Map.of()).status()).isEqualTo(404);
        assertThat(api.post(outsider, linksPath, Map.of()).status()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from home_link where patient_id = ? and revoked_at is null")
                .param(patient.summary().id().value()).query(Long.class).single()).isOne();
    }

    private String issue() {
        var issued = api.post(nurse, linksPath, Map.of());
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        return issued.text("url");
    }
}
