package org.homeward.medication;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.homeward.patient.PatientRecord;
import org.homeward.security.CurrentUser;
import org.homeward.security.Organisation;
import org.homeward.security.OrganisationType;
import org.homeward.security.Role;
import org.homeward.support.Api;
import org.homeward.support.Api.Response;
import org.homeward.support.Fixtures;
import org.homeward.support.IntegrationTest;
import org.homeward.support.PageSession;
import org.homeward.ward.VirtualWard;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Correcting an allergy and marking one entered in error, through the API and the pages, across organisations: the
 * acute consultant records it, the community nurse corrects it with a reason, the acute pharmacist marks another
 * entered in error; the GP practice reads every version; a referrer may not change allergies (403); an organisation
 * outside the care team gets 404. Every earlier version stays readable with who, when and why; an allergy entered in
 * error stays on the record, marked, and is no longer checked.
 */
@IntegrationTest
class AllergyCorrectionIT {

    @Autowired Fixtures fixtures;
    @Autowired Api api;
    @Autowired JdbcClient jdbc;

    CurrentUser referrer;
    CurrentUser consultant;
    CurrentUser pharmacist;
    CurrentUser nurse;
    CurrentUser gp;
    CurrentUser outsider;
    UUID patientId;
    String medicines;

    @BeforeEach
    void admitAPatientTheCommunityProviderAndTheGpShare() {
        Organisation acute = fixtures.organisation(OrganisationType.ACUTE_TRUST);
        Organisation community = fixtures.organisation(OrganisationType.COMMUNITY_PROVIDER);
        String practice = Fixtures.newPracticeCode();
        referrer = fixtures.user(Role.REFERRER, acute);
        consultant = fixtures.user(Role.SENIOR_DECISION_MAKER, acute);
        pharmacist = fixtures.user(Role.PHARMACIST, acute);
        nurse = fixtures.user(Role.CLINICIAN, community);
        gp = fixtures.user(Role.REFERRER, fixtures.gpOrganisation(practice));
        outsider = fixtures.user(Role.CLINICIAN, fixtures.organisation(OrganisationType.COMMUNITY_PROVIDER));
        VirtualWard ward = fixtures.ward(acute, 5, List.of(community));
        PatientRecord patient = fixtures.patient(referrer, LocalDate.of(1939, 11, 4), practice);
        fixtures.admit(patient, ward, referrer, consultant);
        patientId = patient.summary().id().value();
        medicines = "/patients/" + patientId + "/medicines";
    }

    String record(String substance, String severity) {
        Response recorded = api.post(consultant, "/api/v1/patients/" + patientId + "/allergies", Map.of(
                "substance", substance, "reaction", "Widespread itchy rash", "severity", severity, "certainty",
                "SUSPECTED", "kind", "ALLERGY"));
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
        return recorded.text("id");
    }

    @Test
    void correctedAndEnteredInErrorThroughTheApiWithEveryVersionKeptAndReadAcrossOrganisations() {
        String penicillin = record("Penicillin", "MODERATE");
        String codeine = record("Codeine", "MILD");
        Map<String, Object> corrected = Map.of("substance", "Penicillin", "reaction", "Angioedema of the lips",
                "severity", "SEVERE", "certainty", "CONFIRMED", "kind", "ALLERGY", "reason",
                "The GP record describes angioedema in 2019, confirmed by the allergy clinic");

        Response refused = api.post(referrer, "/api/v1/allergies/" + penicillin + "/corrections", corrected);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(api.post(outsider, "/api/v1/allergies/" + penicillin + "/corrections", corrected).status())
                .isEqualTo(404);
        assertThat(api.post(outsider, "/api/v1/allergies/" + codeine + "/entered-in-error",
                Map.of("reason", "Not ours")).status()).isEqualTo(404);
        assertThat(api.get(outsider, "/api/v1/allergies/" + penicillin + "/history").status()).isEqualTo(404);

        Response byNurse = api.post(nurse, "/api/v1/allergies/" + penicillin + "/corrections", corrected);
        assertThat(byNurse.status()).as(byNurse.toString()).isEqualTo(201);
        assertThat(byNurse.body().path("version").asInt()).isEqualTo(2);
        Response marked = api.post(pharmacist, "/api/v1/allergies/" + codeine + "/entered-in-error",
                Map.of("reason", "Recorded for the patient in the next bed on the ward round list"));
        assertThat(marked.status()).as(marked.toString()).isEqualTo(201);
        assertThat(marked.body().path("enteredInError").asBoolean()).isTrue();
        assertThat(api.post(pharmacist, "/api/v1/allergies/" + codeine + "/corrections", corrected).status())
                .isEqualTo(409);

        Response history = api.get(gp, "/api/v1/allergies/" + penicillin + "/history");
        assertThat(history.status()).as(history.toString()).isEqualTo(200);
        assertThat(history.body()).hasSize(2);
        assertThat(history.body().get(0).path("severity").asText()).isEqualTo("MODERATE");
        assertThat(history.body().get(0).path("recordedBy").path("username").asText())
                .isEqualTo(consultant.username());
        assertThat(history.body().get(1).path("recordedBy").path("username").asText()).isEqualTo(nurse.username());
        assertThat(history.body().get(1).path("reason").asText()).startsWith("The GP record describes");

        JsonNode read = api.get(gp, "/api/v1/patients/" + patientId + "/allergies").body();
        assertThat(read.path("allergies").findValuesAsText("substance")).containsExactly("Penicillin");
        assertThat(read.path("enteredInError").findValuesAsText("substance")).containsExactly("Codeine");
        assertThat(jdbc.sql("select count(*) from allergy_version v join allergy a on a.id = v.allergy_id "
                + "where a.patient_id = ?").param(patientId).query(Long.class).single()).isEqualTo(4);
    }

    @Test
    void theNurseCorrectsAnAllergyOnItsPageAndThePharmacistMarksOneEnteredInError() {
        String penicillin = record("Penicillin", "MODERATE");
        String codeine = record("Codeine", "MILD");

        PageSession asNurse = PageSession.signIn(api.baseUrl(), nurse);
        PageSession.Page page = asNurse.get(medicines);
        String correctLink = page.html().select("#correct-" + penicillin).attr("href");
        assertThat(correctLink).isEqualTo(medicines + "/allergies/" + penicillin + "/correct");
        PageSession.Page form = asNurse.get(correctLink);
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.html().select("#substance").attr("value")).isEqualTo("Penicillin");
        assertThat(form.html().select("#severity option[selected]").text()).isEqualTo("Moderate");
        assertThat(form.html().select("#reaction").attr("value")).isEqualTo("Widespread itchy rash");

        Map<String, String> fields = Map.of("substance", "Penicillin", "reaction", "Widespread itchy rash",
                "severity", "SEVERE", "certainty", "CONFIRMED", "kind", "ALLERGY", "reason", "");
        PageSession.Page refused = asNurse.submit(form, "#correct-form", fields);
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.testId("errors")).contains("Give the reason");
        assertThat(refused.html().select("a[href='#reason']")).hasSize(1);
        assertThat(refused.html().select("#severity option[selected]").text()).isEqualTo("Severe");

        Map<String, String> withReason = new java.util.HashMap<>(fields);
        withReason.put("reason", "Confirmed severe by the allergy clinic letter of March 2024");
        PageSession.Page saved = asNurse.submit(refused, "#correct-form", withReason);
        assertThat(saved.location()).endsWith(medicines + "#allergies");
        PageSession.Page after = asNurse.follow(saved);
        assertThat(after.testId("flash")).isEqualTo("Allergy corrected: Penicillin (severe)");
        assertThat(after.testId("allergy")).contains("Severe", "Corrected by " + nurse.displayName(),
                "Why: Confirmed severe by the allergy clinic");
        assertThat(after.testId("allergy-history")).contains("Earlier versions of Penicillin (1)");
        assertThat(after.testId("allergy-version")).contains("Version 1, recorded", consultant.displayName(),
                "Moderate");

        PageSession asReferrer = PageSession.signIn(api.baseUrl(), referrer);
        assertThat(asReferrer.get(correctLink).status()).isEqualTo(403);
        assertThat(asReferrer.get(medicines).html().select("#correct-" + penicillin)).isEmpty();
        PageSession asOutsider = PageSession.signIn(api.baseUrl(), outsider);
        assertThat(asOutsider.get(correctLink).status()).isEqualTo(404);
        assertThat(asOutsider.get(medicines + "/allergies/" + codeine + "/entered-in-error").status()).isEqualTo(404);

        PageSession asPharmacist = PageSession.signIn(api.baseUrl(), pharmacist);
        PageSession.Page inError = asPharmacist.get(asPharmacist.get(medicines).html()
                .select("#in-error-" + codeine).attr("href"));
        assertThat(inError.status()).isEqualTo(200);
        assertThat(inError.testId("allergy-now")).contains("Codeine", "Mild");
        PageSession.Page noReason = asPharmacist.submit(inError, "#in-error-form", Map.of("reason", " "));
        assertThat(noReason.testId("errors")).contains("Give the reason");
        PageSession.Page markedPage = asPharmacist.follow(asPharmacist.submit(noReason, "#in-error-form",
                Map.of("reason", "Recorded on the wrong patient")));
        assertThat(markedPage.testId("flash")).isEqualTo("Codeine marked as entered in error");
        assertThat(markedPage.testId("allergy-in-error")).contains("Entered in error", "Codeine",
                "Marked by " + pharmacist.displayName(), "Why: Recorded on the wrong patient");
        assertThat(markedPage.testId("allergies")).doesNotContain("Codeine");
        assertThat(markedPage.testId("banner-allergies")).contains("Penicillin (severe)").doesNotContain("Codeine");

        // an allergy entered in error is not corrected: its page sends the reader back with the reason
        PageSession.Page back = asPharmacist.get(medicines + "/allergies/" + codeine + "/correct");
        assertThat(back.status()).isEqualTo(302);
        assertThat(asPharmacist.follow(back).testId("flash")).isEqualTo("Codeine was entered in error: record the "
                + "allergy again instead");
    }
}
