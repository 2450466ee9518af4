package org.homeward.medication;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.EnumSet;
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
 * A formulary entry's page: the pharmacist changes it on a form prefilled with the entry as it reads, the reason
 * required; each earlier version stays readable with who saved it, when and why; a nurse reads the entry and its
 * history with no form, and a change she posts is refused (403).
 */
@IntegrationTest
class FormularyEntryPagesIT {

    @Autowired Fixtures fixtures;
    @Autowired Api api;
    @Autowired FormularyService formulary;

    @Test
    void thePharmacistChangesAnEntryWithAReasonAndTheNurseReadsItsHistory() {
        Organisation acute = fixtures.organisation(OrganisationType.ACUTE_TRUST);
        CurrentUser pharmacist = fixtures.user(Role.PHARMACIST, acute);
        CurrentUser nurse = fixtures.user(Role.CLINICIAN, fixtures.organisation(OrganisationType.COMMUNITY_PROVIDER));
        String strength = Fixtures.unique("1 g vial ");
        FormularyEntry entry = formulary.add(pharmacist, new SaveFormularyEntry("Meropenem",
                "powder for solution for injection", strength, EnumSet.of(Route.INTRAVENOUS), DoseUnit.G,
                new BigDecimal("0.5"), new BigDecimal("1"), new BigDecimal("10"), new BigDecimal("20"),
                new BigDecimal("1"), true, false, false, true, null, null, null, "BNF, Meropenem", null));
        String path = "/formulary/" + entry.id();

        PageSession asPharmacist = PageSession.signIn(api.baseUrl(), pharmacist);
        PageSession.Page list = asPharmacist.get("/formulary");
        assertThat(list.html().select("#entry-" + entry.id()).attr("href")).isEqualTo(path);
        PageSession.Page page = asPharmacist.get(path);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.testId("no-earlier")).contains("No earlier versions");
        assertThat(page.html().select("#adultDoseMax").attr("value")).isEqualTo("1");
        assertThat(page.html().select("#routes-INTRAVENOUS").hasAttr("checked")).isTrue();
        assertThat(page.html().select("#timeCritical1").hasAttr("checked")).isTrue();

        Map<String, String> fields = new HashMap<>(Map.of("name", "Meropenem", "form",
                "powder for solution for injection", "strength", strength, "routes", "INTRAVENOUS", "doseUnit", "G",
                "adultDoseMin", "0.5", "adultDoseMax", "2", "childDosePerKgMinMg", "10", "childDosePerKgMaxMg", "40",
                "childMaxDose", "2"));
        fields.putAll(Map.of("timeCritical", "true", "antimicrobial", "true", "doseSource",
                "BNF, Meropenem, severe infections", "reason", ""));
        PageSession.Page refused = asPharmacist.submit(page, "#change-form", fields);
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.testId("errors")).contains("Give the reason for the change");
        assertThat(refused.html().select("a[href='#reason']")).hasSize(1);
        fields.put("adultDoseMax", "two");
        assertThat(asPharmacist.submit(refused, "#change-form", fields).testId("errors"))
                .contains("Usual adult dose, highest, must be a number");

        fields.put("adultDoseMax", "2");
        fields.put("reason", "Severe infections and meningitis: up to 2 g (antimicrobial guideline, 2026)");
        PageSession.Page saved = asPharmacist.submit(refused, "#change-form", fields);
        assertThat(saved.location()).endsWith(path);
        PageSession.Page changed = asPharmacist.follow(saved);
        assertThat(changed.testId("flash")).isEqualTo("Changed Meropenem " + strength
                + " powder for solution for injection (version 2)");
        assertThat(changed.testId("entry-now")).contains("0.5 to 2 g", "Severe infections and meningitis");
        assertThat(changed.testId("earlier-version")).contains("Version 1", "0.5 to 1 g");

        PageSession asNurse = PageSession.signIn(api.baseUrl(), nurse);
        PageSession.Page read = asNurse.get(path);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.testId("entry-now")).contains("0.5 to 2 g");
        assertThat(read.testId("earlier-version")).contains("Version 1");
        assertThat(read.html().select("#change-form")).isEmpty();
        String csrf = read.html().selectFirst("input[name=_csrf]").attr("value");
        Map<String, String> nurseChange = new HashMap<>(fields);
        nurseChange.put("_csrf", csrf);
        assertThat(asNurse.post(path, nurseChange).status()).isEqualTo(403);
        assertThat(formulary.history(pharmacist, entry.id())).hasSize(2);
    }
}
