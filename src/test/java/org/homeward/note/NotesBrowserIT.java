package org.homeward.note;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
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
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The community nurse writes a visit note on the patient's notes page (with the patient banner above it), corrects
 * it with a reason, and the acute trust's consultant, another organisation in the care team, reads it as amended and
 * its history, in Chromium: every page checked with axe and at a 390 px phone width as it loads.
 */
@IntegrationTest
class NotesBrowserIT {

    @Autowired Fixtures fixtures;
    @Autowired Api api;

    Browser browser;
    Organisation community;
    CurrentUser nurse;
    CurrentUser consultant;
    PatientRecord patient;

    @BeforeEach
    void admitAPatientToAWardTheCommunityProviderVisits() {
        Organisation acute = fixtures.organisation(OrganisationType.ACUTE_TRUST);
        community = fixtures.organisation(OrganisationType.COMMUNITY_PROVIDER);
        CurrentUser referrer = fixtures.user(Role.REFERRER, acute);
        consultant = fixtures.user(Role.SENIOR_DECISION_MAKER, acute);
        nurse = fixtures.user(Role.CLINICIAN, community);
        VirtualWard ward = fixtures.ward(acute, 5, List.of(community));
        patient = fixtures.patient(referrer, LocalDate.of(1939, 6, 21));
        fixtures.admit(patient, ward, referrer, consultant);
        browser = new Browser(api.baseUrl(), "notes");
    }

    @AfterEach
    void tearDown() {
        browser.close();
    }

    @Test
    void aNurseWritesAVisitNoteAndTheAcuteConsultantReadsIt() {
        String record = "/patients/" + patient.summary().id();
        browser.signIn(nurse.username(), Fixtures.PASSWORD).open(record).click("open-notes");
        assertThat(browser.currentPath()).isEqualTo(record + "/notes");
        assertThat(browser.testId("banner-name")).contains(patient.summary().familyName());
        assertThat(browser.testId("no-notes")).isEqualTo("No clinical notes yet.");
        assertThat(browser.pageText()).doesNotContain("Consultant review");

        browser.type("time", "25:00").click("save-note");
        assertThat(browser.testId("errors")).contains("Choose the kind of note", "Write the note",
                "Time must be on the 24-hour clock");

        browser.check("Visit note").type("text", "IV ceftriaxone 2 g given 10:05.\nChest clearer; SpO2 95% on air.")
                .type("time", "").click("save-note");
        assertThat(browser.testId("flash")).isEqualTo("Visit note saved on " + patient.summary().displayName()
                + "'s record");
        assertThat(browser.testId("note-kind")).isEqualTo("Visit note");
        assertThat(browser.testId("note-author")).isEqualTo("By " + nurse.displayName() + " (" + Role.CLINICIAN.label() + ", "
                + community.name() + ")");
        assertThat(browser.testId("note-text")).contains("IV ceftriaxone 2 g given 10:05.", "SpO2 95% on air.");

        browser.act(By.cssSelector("[data-testid='amend-note']"), WebElement::click);
        assertThat(browser.testId("banner-name")).contains(patient.summary().familyName());
        browser.type("text", "IV ceftriaxone 2 g given 10:05. Chest clearer; SpO2 95% on air. Eating again.")
                .click("save-amendment");
        assertThat(browser.testId("errors")).contains("Give the reason for the amendment");
        browser.type("reason", "Left out that she is eating again").click("save-amendment");
        assertThat(browser.testId("flash")).contains("Visit note amended");
        assertThat(browser.testId("note-amended")).isEqualTo("Amended");
        browser.signOut();

        browser.signIn(consultant.username(), Fixtures.PASSWORD).open(record).click("open-notes");
        assertThat(browser.testId("note-text")).endsWith("Eating again.");
        assertThat(browser.testId("note-author")).contains(nurse.displayName(), community.name());
        assertThat(browser.testId("note-amended")).isEqualTo("Amended");
        assertThat(browser.driver().findElements(By.cssSelector("[data-testid='amend-note']"))).isEmpty();
        assertThat(browser.pageText()).contains("Consultant review");

        browser.act(By.cssSelector("[data-testid='note-history']"), WebElement::click);
        assertThat(browser.driver().findElements(By.cssSelector("[data-testid='version-text']")))
                .extracting(WebElement::getText)
                .containsExactly("IV ceftriaxone 2 g given 10:05.\nChest clearer; SpO2 95% on air.",
                        "IV ceftriaxone 2 g given 10:05. Chest clearer; SpO2 95% on air. Eating again.");
        assertThat(browser.testId("version-reason")).isEqualTo("Left out that she is eating again");
    }
}
