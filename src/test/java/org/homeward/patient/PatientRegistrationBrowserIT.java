package org.homeward.patient;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.homeward.security.CurrentUser;
import org.homeward.security.Organisation;
import org.homeward.security.OrganisationType;
import org.homeward.security.Role;
import org.homeward.support.Api;
import org.homeward.support.Browser;
import org.homeward.support.Fixtures;
import org.homeward.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The date of birth is typed in the NHS.UK three-box date input and stored as exactly the date typed; an impossible
 * date is refused naming the field, nothing written; the error summary reads in the fields' own words, in form order,
 * each line linking to its field.
 */
@IntegrationTest
class PatientRegistrationBrowserIT {

    @Autowired Fixtures fixtures;
    @Autowired Api api;
    @Autowired JdbcClient jdbc;

    Browser browser;
    CurrentUser referrer;

    @BeforeEach
    void setUp() {
        Organisation acute = fixtures.organisation(OrganisationType.ACUTE_TRUST);
        referrer = fixtures.user(Role.REFERRER, acute);
        browser = new Browser(api.baseUrl(), "patient-registration");
    }

    @AfterEach
    void tearDown() {
        browser.close();
    }

    @Test
    void aDateOfBirthTypedAsFifteenThreeNineteenFortyOneIsStoredAsFifteenthMarch1941() {
        String nhsNumber = Fixtures.newNhsNumber();
        fillIn(nhsNumber, "15", "3", "1941").click("save-patient");

        browser.waitForText(By.cssSelector("[data-testid='banner-born']"), "15 March 1941");
        assertThat(jdbc.sql("select date_of_birth from patient where nhs_number = ?").param(nhsNumber)
                .query(LocalDate.class).single()).isEqualTo(LocalDate.of(1941, 3, 15));
        assertThat(browser.testId("banner-nhs-number")).isEqualTo(nhsNumber.substring(0, 3) + " "
                + nhsNumber.substring(3, 6) + " " + nhsNumber.substring(6));
    }

    @Test
    void anImpossibleDateIsRefusedNamingTheFieldAndNothingIsStored() {
        String nhsNumber = Fixtures.newNhsNumber();
        fillIn(nhsNumber, "31", "2", "1941").click("save-patient");

        assertThat(browser.testId("errors")).isEqualTo("Date of birth must be a real date, for example 15 3 1941");
        assertThat(browser.attribute(By.cssSelector("[data-testid='errors'] a"), "href")).endsWith("#dateOfBirth");
        assertThat(browser.driver().findElement(By.id("dateOfBirth-error")).getText().replaceAll("\\s+", " "))
                .isEqualTo("Error: Date of birth must be a real date, for example 15 3 1941");
        // what was typed is shown back as typed, for the user to correct
        assertThat(browser.attribute(By.id("dateOfBirth"), "value")).isEqualTo("31");
        assertThat(browser.attribute(By.id("dateOfBirth-month"), "value")).isEqualTo("2");
        assertThat(browser.attribute(By.id("dateOfBirth-year"), "value")).isEqualTo("1941");
        assertThat(jdbc.sql("select count(*) from patient where nhs_number = ?").param(nhsNumber)
                .query(Long.class).single()).isZero();
    }

    @Test
    void theErrorSummaryListsEachFieldOnceInFormOrderInItsLabelWordsLinkedToTheField() {
        browser.signIn(referrer.username(), Fixtures.PASSWORD).open("/patients/new")
                .type("givenName", "Ada").type("dateOfBirth", "1").type("dateOfBirth-month", "1")
                .type("dateOfBirth-year", "1950")
                .type("postcode", "not a postcode").click("save-patient");

        List<WebElement> links = browser.driver().findElements(By.cssSelector("[data-testid='errors'] a"));
        assertThat(links).extracting(WebElement::getText).containsExactly(
                "NHS number is required",
                "Family name is required",
                "Sex is required",
                "Ethnic category is required",
                "Address line 1 is required",
                "Town or city is required",
                "Postcode must be a UK postcode such as DT1 2JY",
                "Practice ODS code is required",
                "Practice name is required");
        assertThat(links).extracting(a -> a.getAttribute("href").replaceFirst(".*#", "#")).containsExactly(
                "#nhsNumber", "#familyName", "#sex", "#ethnicCategory", "#addressLine1", "#town",
                "#postcode", "#gpPracticeCode", "#gpPracticeName");
        links.get(2).click();
        assertThat(browser.driver().switchTo().activeElement().getAttribute("id")).isEqualTo("sex");
    }

    private Browser fillIn(String nhsNumber, String day, String month, String year) {
        return browser.signIn(referrer.username(), Fixtures.PASSWORD).open("/patients/new")
                .type("nhsNumber", nhsNumber).type("givenName", "Winifred").type("familyName", "Hardy")
                .type("dateOfBirth", day).type("dateOfBirth-month", month).type("dateOfBirth-year", year)
                .select("sex", "Female").select("ethnicCategory", "White - British")
                .type("addressLine1", "3 Max Gate Lane").type("town", "Dorchester").type("postcode", "DT1 2AA")
                .type("gpPracticeCode", "J81012").type("gpPracticeName", "Dorchester Health Centre");
    }
}
