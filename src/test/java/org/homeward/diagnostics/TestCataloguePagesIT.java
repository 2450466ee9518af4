package org.homeward.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.homeward.security.CurrentUser;
import org.homeward.security.Organisation;
import org.homeward.security.OrganisationType;
import org.homeward.security.Role;
import org.homeward.support.Api;
import org.homeward.support.Fixtures;
import org.homeward.support.IntegrationTest;
import org.homeward.support.PageSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The test catalogue's pages as a browser posts them: the pharmacist adds a test (each refusal on its field, in words)
 * and the consultant changes it with a reason, the earlier version kept on the test's page; the community nurse reads
 * the catalogue and the history with no form, and a change she posts is refused (403).
 */
@IntegrationTest
class TestCataloguePagesIT {

    @Autowired Fixtures fixtures;
    @Autowired Api api;
    @Autowired TestCatalogueService catalogue;

    @Test
    void thePharmacistAddsATestTheConsultantChangesItAndTheNurseReadsIt() {
        Organisation acute = fixtures.organisation(OrganisationType.ACUTE_TRUST);
        CurrentUser pharmacist = fixtures.user(Role.PHARMACIST, acute);
        CurrentUser consultant = fixtures.user(Role.SENIOR_DECISION_MAKER, acute);
        CurrentUser nurse = fixtures.user(Role.CLINICIAN, fixtures.organisation(OrganisationType.COMMUNITY_PROVIDER));
        String unique = Fixtures.unique("P").replace('-', '_');
        String code = "PHOS_" + unique;
        String name = "Phosphate " + unique;

        PageSession asPharmacist = PageSession.signIn(api.baseUrl(), pharmacist);
        PageSession.Page list = asPharmacist.get("/test-catalogue");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.testId("test-catalogue")).contains("Sodium", "133-146 mmol/L",
                "Critical at or below 120 or at or above 160 mmol/L", "Pathology Harmony");
        Map<String, String> fields = new HashMap<>(Map.of("code", code, "name", name, "kind", "BLOOD", "unit",
                "mmol/L", "adultLow", "0.8", "adultHigh", "1.5", "criticalLow", "0.8", "source", ""));
        PageSession.Page refused = asPharmacist.submit(list, "#catalogue-form", fields);
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.testId("errors")).contains("The adult critical low limit (0.8) must be below the adult "
                + "reference range (0.8-1.5)");
        assertThat(refused.html().select("a[href='#criticalLow']")).hasSize(1);
        fields.put("criticalLow", "0.3");
        fields.put("adultHigh", "one and a half");
        assertThat(asPharmacist.submit(refused, "#catalogue-form", fields).testId("errors"))
                .contains("Reference range, highest normal must be a number");
        fields.put("adultHigh", "1.5");
        assertThat(asPharmacist.submit(refused, "#catalogue-form", fields).testId("errors"))
                .contains("Name the source of the range and limits");
        fields.put("source", "Range: the trust's laboratory handbook; critical low: RCPath 2017 G158 (phosphate)");
        PageSession.Page added = asPharmacist.submit(refused, "#catalogue-form", fields);
        assertThat(added.location()).endsWith("/test-catalogue/" + code);
        PageSession.Page test = asPharmacist.follow(added);
        assertThat(test.testId("flash")).isEqualTo("Added " + name + " to the test catalogue");
        assertThat(test.testId("test-now")).contains("0.8-1.5 mmol/L", "Critical at or below 0.3 mmol/L",
                "saved by " + pharmacist.displayName());
        assertThat(test.testId("no-earlier")).contains("No earlier versions");

        PageSession asConsultant = PageSession.signIn(api.baseUrl(), consultant);
        PageSession.Page form = asConsultant.get("/test-catalogue/" + code);
        assertThat(form.html().select("#adultHigh").attr("value")).isEqualTo("1.5");
        Map<String, String> change = new HashMap<>(fields);
        change.remove("code");
        change.put("adultHigh", "1.45");
        change.put("reason", "");
        assertThat(asConsultant.submit(form, "#change-form", change).testId("errors"))
                .contains("Give the reason for the change");
        change.put("reason", "The laboratory changed analyser in 2026: new printed range");
        PageSession.Page changed = asConsultant.follow(asConsultant.submit(form, "#change-form", change));
        assertThat(changed.testId("flash")).isEqualTo("Changed " + name + " (version 2)");
        assertThat(changed.testId("test-now")).contains("0.8-1.45 mmol/L", "The laboratory changed analyser");
        assertThat(changed.testId("earlier-version")).contains("Version 1");
        assertThat(changed.html().select("[data-testid=earlier-version]").text()).contains("0.8-1.5 mmol/L");

        PageSession asNurse = PageSession.signIn(api.baseUrl(), nurse);
        PageSession.Page read = asNurse.get("/test-catalogue");
        assertThat(read.testId("test-catalogue")).contains(name, "0.8-1.45 mmol/L");
        assertThat(read.html().select("#catalogue-form")).isEmpty();
        PageSession.Page readTest = asNurse.get("/test-catalogue/" + code);
        assertThat(readTest.html().select("#change-form")).isEmpty();
        assertThat(readTest.testId("earlier-version")).contains("Version 1");
        Map<String, String> nurseChange = new HashMap<>(change);
        nurseChange.put("_csrf", readTest.html().selectFirst("input[name=_csrf]").attr("value"));
        assertThat(asNurse.post("/test-catalogue/" + code, nurseChange).status()).isEqualTo(403);
        assertThat(asNurse.get("/test-catalogue/NO_SUCH_TEST").status()).isEqualTo(404);
        assertThat(catalogue.history(code)).hasSize(2);
    }
}
