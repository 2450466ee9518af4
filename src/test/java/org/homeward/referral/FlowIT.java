package org.homeward.referral;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.homeward.support.TestClock;
import org.homeward.ward.VirtualWard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * Flow (issue 9, item 9): capacity counts accepted referrals awaiting admission; urgent referrals have a triage clock
 * and an overdue notice; the estimated discharge date is revised with a reason and history, and one after day 14
 * needs a reason; the 14-day flag shows from day of stay 14.
 */
@IntegrationTest
@RecordApplicationEvents
class FlowIT {

    @Autowired Fixtures fixtures;
    @Autowired Api api;
    @Autowired TestClock clock;
    @Autowired ReferralService referrals;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationEvents events;

    Organisation acute;
    CurrentUser referrer;
    CurrentUser consultant;
    CurrentUser commissioner;

    @BeforeEach
    void setUp() {
        acute = fixtures.organisation(OrganisationType.ACUTE_TRUST);
        referrer = fixtures.user(Role.REFERRER, acute);
        consultant = fixtures.user(Role.SENIOR_DECISION_MAKER, acute);
        commissioner = fixtures.user(Role.COMMISSIONER, fixtures.organisation(OrganisationType.ICB));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    // capacity ---------------------------------------------------------------------------------------------------

    @Test
    void refusesASecondAcceptanceIntoTheLastBedCountingTheAcceptedReferralAwaitingAdmission() {
        VirtualWard ward = fixtures.ward(acute, 1);
        String first = refer(fixtures.patient(referrer, LocalDate.of(1945, 1, 1)), ward, "SAME_DAY", null);
        String second = refer(fixtures.patient(referrer, LocalDate.of(1946, 1, 1)), ward, "SAME_DAY", null);
        assertThat(triage(first, "ACCEPT").status()).isEqualTo(200);

        Api.RawResponse refused = api.raw("POST", "/api/v1/referrals/" + second + "/triage", consultant,
                "{\"outcome\":\"ACCEPT\",\"reason\":\"Meets criteria\"}");

        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(api.json(refused).path("detail").asText()).isEqualTo(ward.name()
                + " is full: 1 of 1 beds (0 admitted, 1 accepted awaiting admission). Discharge a patient, or refer to"
                + " another ward.");
        assertThat(api.get(consultant, "/api/v1/referrals/" + second).text("status"))
                .as("nothing written").isEqualTo("AWAITING_TRIAGE");
        JsonNode occupancy = api.get(consultant, "/api/v1/wards/" + ward.id() + "/census").body().path("occupancy");
        assertThat(occupancy.path("occupied").asInt()).isZero();
        assertThat(occupancy.path("acceptedAwaitingAdmission").asInt()).isEqualTo(1);
        assertThat(occupancy.path("available").asInt()).isZero();
        JsonNode serviceWard = wardOnServiceCensus(ward);
        assertThat(serviceWard.path("acceptedAwaitingAdmission").asInt()).isEqualTo(1);
        assertThat(serviceWard.path("available").asInt()).isZero();

        assertThat(admit(first, LocalDate.now(clock).plusDays(3), null).status())
                .as("the accepted referral's own bed is kept for it").isEqualTo(201);
        Response stillFull = triage(second, "ACCEPT");
        assertThat(stillFull.status()).isEqualTo(409);
        assertThat(stillFull.text("detail")).contains("is full: 1 of 1 beds (1 admitted, 0 accepted awaiting admission)");
    }

    // triage clock -----------------------------------------------------------------------------------------------

    @Test
    void showsAnUrgentReferralPastItsTwoHourTargetAsOverdueAndNoticesItOnce() {
        VirtualWard ward = fixtures.ward(acute, 10);
        Instant now = Instant.parse("2026-12-07T12:00:00Z");
        clock.set(now);
        PatientRecord waiting = fixtures.patient(referrer, LocalDate.of(1940, 2, 2));
        String overdue = refer(waiting, ward, "URGENT", now.minus(Duration.ofMinutes(125)));
        String inTime = refer(fixtures.patient(referrer, LocalDate.of(1941, 2, 2)), ward, "URGENT",
                now.minus(Duration.ofMinutes(115)));

        Response list = api.get(consultant, "/api/v1/referrals/overdue");
        assertThat(list.body().findValuesAsText("id")).contains(overdue).doesNotContain(inTime);
        JsonNode shown = api.get(consultant, "/api/v1/referrals/" + overdue).body();
        assertThat(Instant.parse(shown.path("triageDueAt").asText())).isEqualTo(now.minus(Duration.ofMinutes(5)));

        referrals.noticeOverdueTriage(now);
        referrals.noticeOverdueTriage(now.plusSeconds(60));

        assertThat(events.stream(TriageOverdue.class).filter(e -> e.referralId().toString().equals(overdue)))
                .as("noticed once, not every minute").hasSize(1)
                .first().satisfies(e -> {
                    assertThat(e.urgency()).isEqualTo(Urgency.URGENT);
                    assertThat(e.dueAt()).isEqualTo(now.minus(Duration.ofMinutes(5)));
                    assertThat(e.wardId()).isEqualTo(ward.id());
                });
        assertThat(events.stream(TriageOverdue.class).filter(e -> e.referralId().toString().equals(inTime))).isEmpty();
        assertThat(jdbc.sql("select count(*) from audit_event where username = 'triage-clock' and patient_id = ?")
                .param(waiting.summary().id().value()).query(Long.class).single()).isEqualTo(1);

        assertThat(triage(overdue, "ACCEPT").status()).isEqualTo(200);
        assertThat(api.get(consultant, "/api/v1/referrals/overdue").body().findValuesAsText("id"))
                .as("triaged, so no longer overdue").doesNotContain(overdue);
    }

    // estimated discharge date -----------------------------------------------------------------------------------

    @Test
    void revisesTheEstimatedDischargeDateWithAReasonKeepingTheHistoryAndCountsPastEddFromTheCurrentDate() {
        VirtualWard ward = fixtures.ward(acute, 5);
        Instant admittedAt = Instant.parse("2026-12-08T10:00:00Z");
        clock.set(admittedAt);
        LocalDate admitted = LocalDate.of(2026, 12, 8);
        String referral = refer(fixtures.patient(referrer, LocalDate.of(1939, 3, 3)), ward, "SAME_DAY", null);
        triage(referral, "ACCEPT");
        String admission = admit(referral, admitted.plusDays(4), null).text("id");

        clock.set(admittedAt.plus(Duration.ofDays(6)));
        assertThat(censusRow(ward, admission).path("daysOverEstimatedDischarge").asInt()).isEqualTo(2);

        Response revised = api.post(consultant, "/api/v1/admissions/" + admission + "/edd",
                Map.of("estimatedDischargeDate", admitted.plusDays(9).toString(), "reason",
                        "Board round: IV antibiotics extended to 7 days"));
        assertThat(revised.status()).as(revised.toString()).isEqualTo(200);
        assertThat(revised.text("estimatedDischargeDate")).isEqualTo(admitted.plusDays(9).toString());
        assertThat(censusRow(ward, admission).path("daysOverEstimatedDischarge").asInt())
                .as("past EDD counts from the current date").isZero();
        assertThat(api.post(consultant, "/api/v1/admissions/" + admission + "/edd",
                Map.of("estimatedDischargeDate", admitted.plusDays(8).toString(), "reason", "Improving faster"))
                .status()).isEqualTo(200);

        JsonNode history = api.get(consultant, "/api/v1/admissions/" + admission + "/edd").body();
        assertThat(history).hasSize(2);
        assertThat(history.get(0).path("previousDate").asText()).isEqualTo(admitted.plusDays(4).toString());
        assertThat(history.get(0).path("revisedDate").asText()).isEqualTo(admitted.plusDays(9).toString());
        assertThat(history.get(0).path("reason").asText()).isEqualTo("Board round: IV antibiotics extended to 7 days");
        assertThat(history.get(0).path("revisedByName").asText()).isEqualTo(consultant.displayName());
        assertThat(history.get(1).path("previousDate").asText()).isEqualTo(admitted.plusDays(9).toString());
        assertThat(history.get(1).path("revisedDate").asText()).isEqualTo(admitted.plusDays(8).toString());

        assertRefused(admission, Map.of("estimatedDischargeDate", admitted.plusDays(10).toString()), "reason");
        assertRefused(admission, Map.of("estimatedDischargeDate", admitted.plusDays(61).toString(), "reason", "typo?"),
                "estimatedDischargeDate");
        assertRefused(admission, Map.of("estimatedDischargeDate", admitted.plusDays(5).toString(), "reason", "past"),
                "estimatedDischargeDate");
        assertThat(api.get(consultant, "/api/v1/admissions/" + admission + "/edd").body())
                .as("a refused revision writes nothing").hasSize(2);
        assertThat(api.get(consultant, "/api/v1/admissions/" + admission).text("estimatedDischargeDate"))
                .isEqualTo(admitted.plusDays(8).toString());
    }

    @Test
    void refusesAnEstimatedDischargeDateAfterDayFourteenWithoutAReasonNamingTheField() {
        VirtualWard ward = fixtures.ward(acute, 5);
        LocalDate today = LocalDate.now(clock);
        String referral = refer(fixtures.patient(referrer, LocalDate.of(1938, 4, 4)), ward, "SAME_DAY", null);
        triage(referral, "ACCEPT");

        Response fiftySevenDays = admit(referral, today.plusDays(57), null);
        assertThat(fiftySevenDays.status()).as(fiftySevenDays.toString()).isEqualTo(400);
        assertThat(fiftySevenDays.body().path("errors").get(0).path("field").asText())
                .isEqualTo("estimatedDischargeReason");
        Response absurd = admit(referral, today.plusDays(61), "Long course");
        assertThat(absurd.status()).isEqualTo(400);
        assertThat(absurd.body().path("errors").get(0).path("field").asText()).isEqualTo("estimatedDischargeDate");
        assertThat(api.get(consultant, "/api/v1/referrals/" + referral).text("status"))
                .as("nothing written").isEqualTo("ACCEPTED");

        assertThat(admit(referral, today.plusDays(13), null).status()).as("day 14 needs no reason").isEqualTo(201);
        String second = refer(fixtures.patient(referrer, LocalDate.of(1937, 4, 4)), ward, "SAME_DAY", null);
        triage(second, "ACCEPT");
        assertThat(admit(second, today.plusDays(14), null).status()).as("day 15 does").isEqualTo(400);
        Response withReason = admit(second, today.plusDays(14), "Six-week IV course agreed with microbiology");
        assertThat(withReason.status()).as(withReason.toString()).isEqualTo(201);
        assertThat(withReason.text("estimatedDischargeReason")).isEqualTo("Six-week IV course agreed with microbiology");
    }

    // 14-day flag ------------------------------------------------------------------------------------------------

    @Test
    void showsTheFourteenDayFlagFromDayOfStayFourteenOnTheCensusAndTheServiceOverview() {
        VirtualWard ward = fixtures.ward(acute, 5);
        Instant admittedAt = Instant.parse("2026-12-09T10:00:00Z");
        clock.set(admittedAt);
        String referral = refer(fixtures.patient(referrer, LocalDate.of(1936, 5, 5)), ward, "SAME_DAY", null);
        triage(referral, "ACCEPT");
        String admission = admit(referral, LocalDate.of(2026, 12, 21), null).text("id");

        clock.set(admittedAt.plus(Duration.ofDays(12)));
        JsonNode dayThirteen = censusRow(ward, admission);
        assertThat(dayThirteen.path("dayOfStay").asInt()).isEqualTo(13);
        assertThat(dayThirteen.path("reachedFourteenDays").asBoolean()).isFalse();
        assertThat(wardOnServiceCensus(ward).path("reachedFourteenDays").asInt()).isZero();

        clock.set(admittedAt.plus(Duration.ofDays(13)));
        JsonNode dayFourteen = censusRow(ward, admission);
        assertThat(dayFourteen.path("dayOfStay").asInt()).isEqualTo(14);
        assertThat(dayFourteen.path("reachedFourteenDays").asBoolean()).isTrue();
        assertThat(wardOnServiceCensus(ward).path("reachedFourteenDays").asInt()).isEqualTo(1);

        assertThat(api.post(consultant, "/api/v1/admissions/" + admission + "/discharge",
                Map.of("destination", "USUAL_RESIDENCE", "summary", "Completed treatment")).status()).isEqualTo(200);
        assertThat(PageSession.signIn(api.baseUrl(), consultant).get("/admissions/" + admission).testId("length-of-stay"))
                .as("the discharge summary uses the same rule").isEqualTo("13 days (discharged on day 14 of the stay; reached 14 days)");
    }

    // helpers ----------------------------------------------------------------------------------------------------

    private void assertRefused(String admission, Map<String, Object> body, String field) {
        Response refused = api.post(consultant, "/api/v1/admissions/" + admission + "/edd", body);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.body().path("errors").get(0).path("field").asText()).isEqualTo(field);
    }

    private String refer(PatientRecord patient, VirtualWard ward, String urgency, Instant referredAt) {
        Map<String, Object> body = new HashMap<>(Map.of("patientId", patient.summary().id().toString(),
                "wardId", ward.id().toString(), "direction", "STEP_UP", "source", "EMERGENCY_DEPARTMENT",
                "presentingCondition", "Community-acquired pneumonia", "reason", "Needs IV antibiotics",
                "interventions", List.of("IV_THERAPY"), "urgency", urgency));
        if (referredAt != null) {
            body.put("referredAt", referredAt.toString());
        }
        Response referred = api.post(referrer, "/api/v1/referrals", body);
        assertThat(referred.status()).as(referred.toString()).isEqualTo(201);
        return referred.text("id");
    }

    private Response triage(String referral, String outcome) {
        return api.post(consultant, "/api/v1/referrals/" + referral + "/triage",
                Map.of("outcome", outcome, "reason", "Meets criteria"));
    }

    private Response admit(String referral, LocalDate edd, String eddReason) {
        Map<String, Object> body = new HashMap<>(Map.of("accountableClinicianId", consultant.id().toString(),
                "estimatedDischargeDate", edd.toString(), "consentGivenBy", "PATIENT", "patientHasCapacity", true,
                "benefitsAndRisksDiscussed", true, "sharedDecisionRecord", "Prefers home"));
        if (eddReason != null) {
            body.put("estimatedDischargeReason", eddReason);
        }
        return api.post(consultant, "/api/v1/referrals/" + referral + "/admission", body);
    }

    private JsonNode censusRow(VirtualWard ward, String admission) {
        for (JsonNode row : api.get(consultant, "/api/v1/wards/" + ward.id() + "/census").body().path("rows")) {
            if (row.path("admission").path("id").asText().equals(admission)) {
                return row;
            }
        }
        throw new AssertionError("admission " + admission + " not on the census");
    }

    private JsonNode wardOnServiceCensus(VirtualWard ward) {
        for (JsonNode w : api.get(commissioner, "/api/v1/census").body().path("wards")) {
            if (w.path("ward").path("id").asText().equals(ward.id().toString())) {
                return w;
            }
        }
        throw new AssertionError("ward " + ward.name() + " not on the service census");
    }
}
