package org.homeward.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
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
import org.homeward.ward.VirtualWard;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Tests and results page: linked from the patient's record, offers each form only to roles that may use it, is
 * not found outside the care team, and records a point-of-care lactate flagged in words.
 */
@IntegrationTest
class DiagnosticsPagesIT {

    @Autowired Fixtures fixtures;
    @Autowired Api api;

    @Test
    void theTestsPageOffersEachFormOnlyToThoseWhoMayUseItAndIsNotFoundOutsideTheCareTeam() {
        Organisation acute = fixtures.organisation(OrganisationType.ACUTE_TRUST);
        CurrentUser referrer = fixtures.user(Role.REFERRER, acute);
        CurrentUser consultant = fixtures.user(Role.SENIOR_DECISION_MAKER, acute);
        CurrentUser nurse = fixtures.user(Role.CLINICIAN, acute);
        CurrentUser pharmacist = fixtures.user(Role.PHARMACIST, acute);
        CurrentUser outsider = fixtures.user(Role.CLINICIAN, fixtures.organisation(OrganisationType.ACUTE_TRUST));
        VirtualWard ward = fixtures.ward(acute, 5, List.of());
        PatientRecord patient = fixtures.patient(referrer, LocalDate.of(1952, 8, 1));
        fixtures.admit(patient, ward, referrer, consultant);
        String record = "/patients/" + patient.summary().id();

        PageSession.Page recordPage = PageSession.signIn(api.baseUrl(), consultant).get(record);
        assertThat(recordPage.html().getElementById("open-tests").attr("href")).isEqualTo(record + "/tests");

        PageSession.Page asPharmacist = PageSession.signIn(api.baseUrl(), pharmacist).get(record + "/tests");
        assertThat(asPharmacist.status()).isEqualTo(200);
        assertThat(asPharmacist.html().getElementById("order-form")).isNull();
        assertThat(asPharmacist.html().getElementById("poc-form")).isNull();
        assertThat(PageSession.signIn(api.baseUrl(), outsider).get(record + "/tests").status()).isEqualTo(404);

        PageSession nurseSession = PageSession.signIn(api.baseUrl(), nurse);
        PageSession.Page page = nurseSession.get(record + "/tests");
        PageSession.Page empty = nurseSession.submit(page, "#poc-form", Map.of("testCode", "POC_LACTATE"));
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.testId("errors")).contains("Give the result as a number");
        PageSession.Page saved = nurseSession.follow(nurseSession.submit(empty, "#poc-form",
                Map.of("testCode", "POC_LACTATE", "value", "3.1")));
        assertThat(saved.testId("flash")).isEqualTo("Recorded: Lactate, point of care 3.1 mmol/L, abnormal: high");
        assertThat(saved.testId("result-flag")).isEqualTo("Abnormal: high");
        assertThat(saved.testId("order-status")).isEqualTo("Resulted");
    }
}
