package org.homeward.observation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
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
import org.homeward.support.PageSession.Page;
import org.homeward.support.TestClock;
import org.homeward.ward.VirtualWard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The nurse's form rules over real HTTP and PostgreSQL: the time the set was taken (stored as given; not in the
 * future beyond the ingest's clock tolerance; a real date within the plausible range), values out of range refused
 * against their fields by label, nothing stored on any refusal.
 */
@IntegrationTest
class ObservationFormIT {

    /** 10:00 on 3 December 2026 in London (GMT). */
    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    @Autowired Fixtures fixtures;
    @Autowired Api api;
    @Autowired TestClock clock;
    @Autowired JdbcClient jdbc;

    CurrentUser nurse;
    PatientRecord patient;
    PageSession phone;

    @BeforeEach
    void admit() {
        clock.set(NOW);
        Organisation acute = fixtures.organisation(OrganisationType.ACUTE_TRUST);
        CurrentUser referrer = fixtures.user(Role.REFERRER, acute);
        CurrentUser consultant = fixtures.user(Role.SENIOR_DECISION_MAKER, acute);
        nurse = fixtures.user(Role.CLINICIAN, acute);
        VirtualWard ward = fixtures.ward(acute, 10);
        patient = fixtures.patient(referrer, LocalDate.of(1950, 5, 5));
        fixtures.admit(patient, ward, referrer, consultant);
        phone = PageSession.signIn(api.baseUrl(), nurse);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private Page save(Map<String, String> fields) {
        Page form = phone.get("/patients/" + patient.summary().id() + "/observations/new");
        return phone.submit(form, "form[action$=/observations]", fields);
    }

    private static Map<String, String> at(String day, String month, String year, String time, String... more) {
        Map<String, String> fields = new LinkedHashMap<>(Map.of("takenDay", day, "takenMonth", month, "takenYear",
                year, "takenTime", time));
        for (int i = 0; i < more.length; i += 2) {
            fields.put(more[i], more[i + 1]);
        }
        return fields;
    }

    private List<Instant> stored() {
        return jdbc.sql("select recorded_at from observation_reading where patient_id = ? order by recorded_at")
                .param(patient.summary().id().value()).query(java.sql.Timestamp.class).list().stream()
                .map(java.sql.Timestamp::toInstant).toList();
    }

    private static List<String> problems(Page page) {
        return page.html().select("[data-testid=visit-problems] a").stream()
                .map(a -> a.text() + " -> " + a.attr("href")).toList();
    }

    @Test
    void theFormOffersNowAndStoresTheSetAtTheTimeGiven() {
        Page form = phone.get("/patients/" + patient.summary().id() + "/observations/new");
        assertThat(form.html().getElementById("takenDay").val()).isEqualTo("3");
        assertThat(form.html().getElementById("takenTime").val()).isEqualTo("10:00");

        Page saved = save(at("3", "12", "2026", "08:15", "heartRate", "80", "respiratoryRate", "16"));
        assertThat(saved.status()).isEqualTo(302);
        assertThat(saved.location()).endsWith("/observations/saved?at=2026-12-03T08:15:00Z");
        assertThat(stored()).containsExactly(Instant.parse("2026-12-03T08:15:00Z"),
                Instant.parse("2026-12-03T08:15:00Z"));
        Page confirmation = phone.follow(saved);
        assertThat(confirmation.testId("set-taken")).isEqualTo("Set taken 3 December 2026, 08:15.");
    }

    @Test
    void aTimeWithinTheIngestsClockToleranceIsAcceptedAndBeyondItRefused() {
        assertThat(save(at("3", "12", "2026", "10:05", "heartRate", "80")).status()).isEqualTo(302);
        Page refused = save(at("3", "12", "2026", "10:06", "heartRate", "81"));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(problems(refused)).containsExactly("Time taken must not be in the future -> #takenTime");
        assertThat(stored()).containsExactly(Instant.parse("2026-12-03T10:05:00Z"));
    }

    @Test
    void aDateThatIsNotRealOrNotPlausibleIsRefusedNamingTheField() {
        assertThat(problems(save(at("31", "2", "2026", "09:00", "heartRate", "80"))))
                .containsExactly("Date taken must be a real date, for example 4 12 2026 -> #takenDay");
        assertThat(problems(save(at("3", "12", "1899", "09:00", "heartRate", "80"))))
                .containsExactly("Date taken must be between 1 January 1900 and 31 December 2100 -> #takenDay");
        assertThat(problems(save(at("3", "12", "2026", "25:00", "heartRate", "80"))))
                .containsExactly("Time taken must be a time on the 24-hour clock, for example 14:30 -> #takenTime");
        assertThat(stored()).isEmpty();
    }

    @Test
    void outOfRangeAndUnreadableValuesAreReportedByLabelInFormOrderAndNothingIsStored() {
        Page refused = save(at("3", "12", "2026", "09:00", "temperature", "371", "oxygenSaturation", "4",
                "heartRate", "eighty", "respiratoryRate", "18"));
        assertThat(problems(refused)).containsExactly(
                "Oxygen saturation must be between 40 and 100 -> #oxygenSaturation",
                "Pulse must be a number, for example 96 -> #heartRate",
                "Temperature must be between 25 and 45 -> #temperature");
        assertThat(refused.html().select(".nhsuk-form-group--error input").eachAttr("id"))
                .containsExactly("oxygenSaturation", "heartRate", "temperature");
        assertThat(refused.html().getElementById("respiratoryRate").val()).as("kept for correcting").isEqualTo("18");
        assertThat(stored()).isEmpty();
    }

    /** Hazard H169: a set typed in after a newer one was stored is scored as it stood then and still escalates. */
    @Test
    void aSetTypedInAfterANewerOneStillRaisesItsAlertAndSaysItWasEnteredLate() {
        Page normal = phone.follow(save(at("3", "12", "2026", "09:30", "respiratoryRate", "16", "oxygenSaturation", "97",
                "heartRate", "72")));
        assertThat(normal.testId("saved-alert")).contains("No alert was raised");

        Page late = phone.follow(save(at("3", "12", "2026", "08:00", "respiratoryRate", "26", "oxygenSaturation", "91",
                "heartRate", "135")));
        assertThat(late.testId("set-taken")).isEqualTo("Set taken 3 December 2026, 08:00.");
        assertThat(late.testId("saved-alert")).contains("High alert raised")
                .contains("a set entered late: taken 08:00 on 3 December 2026, after a newer set was already recorded");
        assertThat(jdbc.sql("select last_set_at from monitoring_schedule where patient_id = ?")
                .param(patient.summary().id().value()).query(java.sql.Timestamp.class).single().toInstant())
                .as("the next set is still due from the newer set").isEqualTo(Instant.parse("2026-12-03T09:30:00Z"));
    }

    @Test
    void aFormWithNothingEnteredAsksForAnObservation() {
        assertThat(problems(save(at("3", "12", "2026", "09:00"))))
                .containsExactly("Enter at least one observation -> #respiratoryRate");
        assertThat(stored()).isEmpty();
    }
}
