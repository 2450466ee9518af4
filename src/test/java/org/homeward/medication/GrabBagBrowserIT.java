package org.homeward.medication;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import org.homeward.patient.PatientRecord;
import org.homeward.security.CurrentUser;
import org.homeward.security.Organisation;
import org.homeward.security.OrganisationType;
import org.homeward.security.Role;
import org.homeward.support.Api;
import org.homeward.support.Browser;
import org.homeward.support.Fixtures;
import org.homeward.support.IntegrationTest;
import org.homeward.ward.VirtualWard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Grab bags in Chromium (every page checked with axe, at desktop width and at 390 px, as it loads): the community
 * provider's pharmacist creates a bag from the navigation, restocks it with ceftriaxone expiring within 30 days (the
 * warning shows) and morphine (a controlled drug), a nurse gives a dose of morphine with a second nurse as witness,
 * the pharmacist's check with a count that differs is refused without a reason and recorded with one, the bag is
 * resealed, and the controlled drugs register shows the running balance.
 */
@IntegrationTest
class GrabBagBrowserIT {

    @Autowired Fixtures fixtures;
    @Autowired Api api;
    @Autowired FormularyService formulary;
    @Autowired GrabBagService bags;

    Browser browser;
    CurrentUser pharmacist;
    CurrentUser nurse;
    CurrentUser secondNurse;
    PatientRecord patient;
    String strength;

    @BeforeEach
    void aProviderAndItsPatient() {
        Organisation acute = fixtures.organisation(OrganisationType.ACUTE_TRUST);
        Organisation community = fixtures.organisation(OrganisationType.COMMUNITY_PROVIDER);
        CurrentUser referrer = fixtures.user(Role.REFERRER, acute);
        CurrentUser consultant = fixtures.user(Role.SENIOR_DECISION_MAKER, acute);
        CurrentUser acutePharmacist = fixtures.user(Role.PHARMACIST, acute);
        pharmacist = fixtures.user(Role.PHARMACIST, community);
        nurse = fixtures.user(Role.CLINICIAN, community);
        secondNurse = fixtures.user(Role.CLINICIAN, community);
        VirtualWard ward = fixtures.ward(acute, 5, List.of(community));
        patient = fixtures.patient(referrer, LocalDate.of(1941, 5, 9));
        fixtures.admit(patient, ward, referrer, consultant);
        strength = Fixtures.unique("vial ");
        formulary.add(acutePharmacist, new SaveFormularyEntry("Ceftriaxone", "powder for solution for injection",
                strength, EnumSet.of(Route.INTRAVENOUS), DoseUnit.G, BigDecimal.ONE, new BigDecimal("4"), null, null,
                null, true, true, false, true, SubstanceClass.CEPHALOSPORINS, null, null, "BNF, Ceftriaxone", null));
        formulary.add(acutePharmacist, new SaveFormularyEntry("Morphine sulfate", "solution for injection",
                strength, EnumSet.of(Route.SUBCUTANEOUS), DoseUnit.MG, new BigDecimal("2"), new BigDecimal("10"),
                null, null, null, false, true, true, false, null, null, null, "BNF, Morphine", null));
        browser = new Browser(api.baseUrl(), "grab-bags");
    }

    @AfterEach
    void tearDown() {
        browser.close();
    }

    @Test
    void thePharmacistKeepsABagTheNurseGivesAWitnessedDoseAndTheRegisterShowsTheBalance() {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        String label = Fixtures.unique("IV bag ");
        browser.signIn(pharmacist.username(), Fixtures.PASSWORD).open("/");
        browser.click("nav-grab-bags");
        assertThat(browser.pageText()).contains("Your organisation has no grab bags");
        browser.click("create-bag");
        assertThat(browser.text(By.cssSelector("[data-testid=errors]"))).contains("Give the bag's label");
        browser.type("label", label).type("keptAt", "Dorchester base, treatment room").type("sealNumber", "S-100")
                .click("create-bag");
        assertThat(browser.testId("flash")).isEqualTo("Created " + label);
        assertThat(browser.testId("seal")).isEqualTo("Sealed S-100");

        browser.selectContaining("formularyEntryId", "Ceftriaxone " + strength).type("batch", "CX1")
                .typeDate("expiry", today.plusDays(10)).type("quantity", "6").click("restock-bag");
        assertThat(browser.testId("flash")).isEqualTo("Stock added");
        assertThat(browser.testId("bag-warnings")).contains("Ceftriaxone").contains("expires within 30 days");
        browser.selectContaining("formularyEntryId", "Morphine sulfate " + strength).type("batch", "MO1")
                .typeDate("expiry", today.plusMonths(10)).type("quantity", "5").click("restock-bag");

        GrabBag bag = bags.bags(pharmacist).stream().filter(b -> b.label().equals(label)).findFirst()
                .map(b -> bags.bag(pharmacist, b.id())).orElseThrow();
        GrabBagItem morphine = bag.items().stream().filter(GrabBagItem::controlledDrug).findFirst().orElseThrow();
        GrabBagItem ceftriaxone = bag.items().stream().filter(i -> !i.controlledDrug()).findFirst().orElseThrow();
        bags.useFromBag(nurse, new UseFromBag(morphine.id(), BigDecimal.ONE, patient.summary().id(),
                secondNurse.username(), "2.5 mg subcutaneously for pain at the visit"));

        browser.open("/grab-bags/" + bag.id());
        assertThat(browser.testId("seal")).isEqualTo("Open");
        browser.type("sealFound", "none").check("No, broken or missing").type("count-" + ceftriaxone.id(), "5")
                .type("count-" + morphine.id(), "4").click("record-check");
        assertThat(browser.text(By.cssSelector("[data-testid=errors]"))).contains("give the reason");
        browser.type("reason-" + ceftriaxone.id(), "One vial cracked, discarded").click("record-check");
        assertThat(browser.testId("flash")).isEqualTo("Check recorded");
        assertThat(browser.testId("discrepancy")).contains("counted 5, the book said 6")
                .contains("One vial cracked, discarded");
        browser.type("sealNumber", "S-101").type("sealReason", "Checked").click("reseal");
        assertThat(browser.testId("seal")).isEqualTo("Sealed S-101");

        browser.open("/grab-bags");
        assertThat(browser.testId("expiry-warnings")).contains(label).contains("Ceftriaxone");
        browser.clickLink("Controlled drugs register");
        List<String> balances = browser.driver().findElements(By.cssSelector("[data-testid=balance]")).stream()
                .map(e -> e.getText()).toList();
        assertThat(balances).containsExactly("5", "4", "4");
        assertThat(browser.pageText()).contains("witnessed by " + secondNurse.displayName());

        browser.signOut().signIn(nurse.username(), Fixtures.PASSWORD).open("/grab-bags/" + bag.id());
        assertThat(browser.pageText()).contains("Check the bag");
        assertThat(browser.driver().findElements(By.id("restock-form"))).as("a nurse does not restock").isEmpty();
    }
}
