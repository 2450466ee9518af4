package org.homeward.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import org.homeward.patient.PatientRecord;
import org.homeward.security.CurrentUser;
import org.homeward.security.Organisation;
import org.homeward.security.OrganisationType;
import org.homeward.security.Role;
import org.homeward.support.Api;
import org.homeward.support.Fixtures;
import org.homeward.support.IntegrationTest;
import org.homeward.support.PageSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Audit readers (administrators, governance leads) see in full only the lines about patients in their organisation's
 * care; lines about anyone else keep who, when, which kind of record and which action, with the patient withheld.
 */
@IntegrationTest
class AuditMaskingIT {

    @Autowired Fixtures fixtures;
    @Autowired Api api;

    Organisation acute;
    Organisation community;
    CurrentUser acuteReferrer;
    CurrentUser communityReferrer;
    PatientRecord acutePatient;
    PatientRecord communityPatient;

    @BeforeEach
    void twoOrganisationsEachWithAPatientOfTheirOwn() {
        acute = fixtures.organisation(OrganisationType.ACUTE_TRUST);
        community = fixtures.organisation(OrganisationType.COMMUNITY_PROVIDER);
        acuteReferrer = fixtures.user(Role.REFERRER, acute);
        communityReferrer = fixtures.user(Role.REFERRER, community);
        acutePatient = fixtures.patient(acuteReferrer, LocalDate.of(1950, 1, 1));
        communityPatient = fixtures.patient(communityReferrer, LocalDate.of(1951, 1, 1));
    }

    @Test
    void showsTheAcuteTrustsAdministratorPatientsOutsideItsCareMasked() {
        CurrentUser admin = fixtures.user(Role.ADMIN, acute);

        Api.RawResponse others = api.raw("GET", "/api/v1/audit?username=" + communityReferrer.username(), admin, null);

        assertThat(others.status()).isEqualTo(200);
        JsonNode line = api.json(others).get(0);
        assertThat(line.path("recordType").asText()).isEqualTo("Patient");
        assertThat(line.path("action").asText()).isEqualTo("CREATE");
        assertThat(line.path("username").asText()).isEqualTo(communityReferrer.username());
        assertThat(line.path("masked").asBoolean()).isTrue();
        assertThat(line.hasNonNull("patientId")).isFalse();
        assertThat(line.hasNonNull("recordId")).isFalse();
        assertThat(line.path("detail").asText()).isEqualTo("Patient outside your organisation's care");
        assertThat(others.body()).doesNotContain(communityPatient.summary().nhsNumber().value())
                .doesNotContain(communityPatient.summary().nhsNumber().formatted())
                .doesNotContain(communityPatient.summary().familyName())
                .doesNotContain(communityPatient.summary().id().toString());

        JsonNode own = api.get(admin, "/api/v1/audit?username=" + acuteReferrer.username()).body().get(0);
        assertThat(own.path("masked").asBoolean()).isFalse();
        assertThat(own.path("patientId").asText()).isEqualTo(acutePatient.summary().id().toString());
        assertThat(own.path("detail").asText()).contains(acutePatient.summary().nhsNumber().formatted());

        String page = PageSession.signIn(api.baseUrl(), admin).get("/admin/audit?username="
                + communityReferrer.username()).html().text();
        assertThat(page).contains("Patient outside your organisation's care")
                .doesNotContain(communityPatient.summary().nhsNumber().value())
                .doesNotContain(communityPatient.summary().nhsNumber().formatted());
    }

    @Test
    void showsAnIcbGovernanceLeadEveryProvidersPatientMasked() {
        CurrentUser icbGovernance = fixtures.user(Role.GOVERNANCE, fixtures.organisation(OrganisationType.ICB));
        CurrentUser nurse = fixtures.user(Role.CLINICIAN, acute);
        assertThat(api.get(nurse, "/api/v1/patients/" + acutePatient.summary().id()).status()).isEqualTo(200);

        Api.RawResponse trail = api.raw("GET", "/api/v1/audit?patientId=" + acutePatient.summary().id(), icbGovernance,
                null);

        JsonNode lines = api.json(trail);
        assertThat(lines).hasSize(2);
        assertThat(lines.findValuesAsText("masked")).containsOnly("true");
        assertThat(lines.findValuesAsText("action")).containsExactlyInAnyOrder("CREATE", "READ");
        assertThat(trail.body()).doesNotContain(acutePatient.summary().nhsNumber().formatted())
                .doesNotContain(acutePatient.summary().familyName());

        CurrentUser ownGovernance = fixtures.user(Role.GOVERNANCE, acute);
        assertThat(api.get(ownGovernance, "/api/v1/audit?patientId=" + acutePatient.summary().id()).body()
                .findValuesAsText("masked")).as("the trust's own governance lead sees them in full")
                .containsOnly("false");
    }

    @Test
    void withholdsTheWordsOfAnotherOrganisationsSearchThatFoundNobody() {
        CurrentUser communityNurse = fixtures.user(Role.CLINICIAN, community);
        String searched = acutePatient.summary().nhsNumber().value();
        assertThat(api.get(communityNurse, "/api/v1/patients?q=" + searched).body()).isEmpty();

        Api.RawResponse seenByAcute = api.raw("GET", "/api/v1/audit?username=" + communityNurse.username(),
                fixtures.user(Role.ADMIN, acute), null);
        assertThat(api.json(seenByAcute).get(0).path("recordType").asText()).isEqualTo("PatientSearch");
        assertThat(seenByAcute.body()).doesNotContain(searched);
        assertThat(api.get(fixtures.user(Role.GOVERNANCE, community), "/api/v1/audit?username="
                + communityNurse.username()).body().get(0).path("detail").asText())
                .as("its own organisation sees the search").contains(searched);
    }
}
