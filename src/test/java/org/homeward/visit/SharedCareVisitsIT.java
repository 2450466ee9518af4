package org.homeward.visit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.homeward.patient.PatientRecord;
import org.homeward.patient.PatientService;
import org.homeward.patient.RegisterPatient;
import org.homeward.security.CurrentUser;
import org.homeward.security.Organisation;
import org.homeward.security.OrganisationType;
import org.homeward.security.Role;
import org.homeward.support.Api;
import org.homeward.support.Api.Response;
import org.homeward.support.Browser;
import org.homeward.support.Fixtures;
import org.homeward.support.IntegrationTest;
import org.homeward.support.PageSession;
import org.homeward.support.PageSession.Page;
import org.homeward.support.TestClock;
import org.homeward.ward.Pathway;
import org.homeward.ward.VirtualWard;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 9, items 2 and 3: visits across organisations. The acute trust hosts the ward and its consultant admits; the
 * community provider's team visits (the patient's care is shared with it, as a ward's rules will do) and plans its
 * own day with its own staff. An urgent visit the acute consultant asks for goes into the community team's day and to
 * a named nurse; a duplicate is refused; the answer names a visit it pushed out of its window. A child's visit that
 * nobody with a children's nurse's skills can take is left unplaced with the reason, never given to an adult nurse.
 */
@IntegrationTest
class SharedCareVisitsIT {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Autowired Fixtures fixtures;
    @Autowired Api api;
    @Autowired PatientService patients;
    @Autowired TestClock clock;

    Organisation acute;
    Organisation community;
    CurrentUser referrer;
    CurrentUser consultant;
    CurrentUser coordinator;
    VirtualWard ward;
    VirtualWard childrensWard;
    LocalDate day;

    @BeforeEach
    void twoOrganisations() {
        acute = fixtures.organisation(OrganisationType.ACUTE_TRUST);
        community = fixtures.organisation(OrganisationType.COMMUNITY_PROVIDER);
        referrer = fixtures.user(Role.REFERRER, acute);
        consultant = fixtures.user(Role.SENIOR_DECISION_MAKER, acute);
        coordinator = fixtures.user(Role.COORDINATOR, community);
        ward = fixtures.ward(acute, 10);
        childrensWard = fixtures.ward(acute, 10, 0, 17, EnumSet.of(Pathway.PAEDIATRICS));
        // near enough that a child admitted today is still a child on the day
        day = LocalDate.now(LONDON).plusDays(30 + ThreadLocalRandom.current().nextInt(300));
    }

    @AfterEach
    void clockBack() {
        clock.reset();
    }

    @Test
    void anUrgentVisitAskedForByTheAcuteConsultantGoesIntoTheCommunityTeamsPlanWithANamedNurse() {
        CurrentUser nurse = fixtures.user(Role.CLINICIAN, community);
        PatientRecord dose = admittedAndShared(ward, LocalDate.of(1950, 1, 1), 50.712, -2.441);
        PatientRecord breathless = admittedAndShared(ward, LocalDate.of(1944, 2, 2), 50.725, -2.462);
        PatientRecord communityOnly = admittedToTheCommunitysOwnWard(50.701, -2.420);
        clock.set(at("07:00"));
        intervention(nurse, dose, Map.of("kind", "IV_ANTIBIOTIC_DOSE", "times", List.of("14:00"),
                "toleranceMinutes", 30));
        intervention(nurse, communityOnly, Map.of("kind", "BLOODS", "windowFrom", "12:00", "windowTo", "16:00"));
        shift(nurse, "08:00", "18:00", List.of("IV_COMPETENT_NURSE", "REGISTERED_NURSE"));
        Response first = api.post(coordinator, "/api/v1/day-plans/" + day, Map.of());
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        clock.set(at("09:20"));

        Response urgent = api.post(consultant, "/api/v1/urgent-visits", Map.of("patientId", id(breathless),
                "kind", "OBSERVATIONS", "withinMinutes", 60, "reason", "NEWS2 6 from home readings"));

        assertThat(urgent.status()).as(urgent.toString()).isEqualTo(201);
        assertThat(urgent.body().path("team").asText()).isEqualTo(community.id().toString());
        assertThat(urgent.body().path("plan").path("version").asInt()).isEqualTo(2);
        JsonNode visit = urgent.body().path("visit");
        assertThat(visit.path("staffName").asText()).isEqualTo(nurse.displayName());
        assertThat(visit.path("urgent").asBoolean()).isTrue();
        assertThat(urgent.body().path("inTime").asBoolean()).isTrue();
        assertThat(urgent.body().path("answer").asText()).startsWith(nurse.displayName() + " goes at 09:");
        JsonNode communityPlan = api.get(coordinator, "/api/v1/day-plans/" + day).body();
        assertThat(only(communityPlan.path("visits"), v -> v.path("visitId").equals(visit.path("visitId")))
                .path("staffName").asText()).isEqualTo(nurse.displayName());
        assertThat(communityPlan.path("visits").findValuesAsText("patientId")).contains(id(communityOnly));
        // the consultant is shown the community plan's visits only for patients in their own organisation's care
        assertThat(urgent.body().path("plan").path("visits").findValuesAsText("patientId"))
                .contains(id(dose), id(breathless)).doesNotContain(id(communityOnly));
        // the acute trust has no visiting team of its own: no plan was made for it
        assertThat(api.get(consultant, "/api/v1/day-plans/" + day).status()).isEqualTo(404);
        // and the nurse's own list shows it, marked urgent
        Page mine = PageSession.signIn(api.baseUrl(), nurse).get("/my-visits?date=" + day);
        assertThat(mine.html().select("[data-testid=my-visits] [data-testid=urgent-tag]")).hasSize(1);
        assertThat(mine.html().select("[data-testid=my-changes] [data-testid=urgent-tag]"))
                .as("and the line saying it is new for them").hasSize(1);
    }

    @Test
    void anUrgentVisitAskedForWhileTheDayHasNoPlanGetsTheDayPlannedAndAPersonNamed() {
        CurrentUser nurse = fixtures.user(Role.CLINICIAN, community);
        PatientRecord breathless = admittedAndShared(ward, LocalDate.of(1944, 2, 2), 50.725, -2.462);
        shift(nurse, "08:00", "18:00", List.of("REGISTERED_NURSE"));
        clock.set(at("10:00"));

        Response urgent = api.post(consultant, "/api/v1/urgent-visits", Map.of("patientId", id(breathless),
                "kind", "OBSERVATIONS", "withinMinutes", 60, "reason", "NEWS2 5, carer worried"));

        assertThat(urgent.status()).as(urgent.toString()).isEqualTo(201);
        assertThat(urgent.body().path("plan").path("version").asInt()).isEqualTo(1);
        assertThat(urgent.body().path("visit").path("staffName").asText()).isEqualTo(nurse.displayName());
        assertThat(urgent.body().path("inTime").asBoolean()).isTrue();
        assertThat(api.get(coordinator, "/api/v1/day-plans/" + day).body().path("visits").findValuesAsText("visitId"))
                .contains(urgent.body().path("visit").path("visitId").asText());
    }

    @Test
    void anUrgentVisitNobodyOnShiftCanTakeSaysSoWithTheNumberToPhoneNeverRecordedWithNobodyAssigned() {
        CurrentUser nurse = fixtures.user(Role.CLINICIAN, community);
        PatientRecord breathless = admittedAndShared(ward, LocalDate.of(1944, 2, 2), 50.725, -2.462);
        shift(nurse, "08:00", "18:00", List.of("REGISTERED_NURSE"));
        clock.set(at("10:00"));

        Response urgent = api.post(consultant, "/api/v1/urgent-visits", Map.of("patientId", id(breathless),
                "kind", "IV_MEDICINE_DOSE", "withinMinutes", 60, "reason", "IV furosemide now"));

        assertThat(urgent.status()).as(urgent.toString()).isEqualTo(201);
        assertThat(urgent.body().path("inTime").asBoolean()).isFalse();
        assertThat(urgent.body().path("visit").hasNonNull("staffName")).isFalse();
        assertThat(urgent.body().path("answer").asText()).startsWith("Nobody on shift can be given this urgent visit")
                .contains("No one on shift with the IV-competent nurse skill")
                .as("in the day, the team's own number").contains("Phone the " + ward.name())
                .contains(" on " + ward.inHoursPhone());
    }

    @Test
    void refusesADuplicateUrgentVisitForTheSamePatientAndWindowNamingTheExistingOne() {
        CurrentUser nurse = fixtures.user(Role.CLINICIAN, community);
        CurrentUser registrar = fixtures.user(Role.SENIOR_DECISION_MAKER, acute);
        PatientRecord breathless = admittedAndShared(ward, LocalDate.of(1944, 2, 2), 50.725, -2.462);
        shift(nurse, "08:00", "18:00", List.of("REGISTERED_NURSE"));
        clock.set(at("09:20"));
        Response first = api.post(consultant, "/api/v1/urgent-visits", Map.of("patientId", id(breathless),
                "kind", "OBSERVATIONS", "withinMinutes", 120, "reason", "NEWS2 6 from home readings"));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        clock.set(at("09:50"));

        Response second = api.post(registrar, "/api/v1/urgent-visits", Map.of("patientId", id(breathless),
                "kind", "REVIEW", "withinMinutes", 60, "reason", "NEWS2 6, please review"));

        assertThat(second.status()).as(second.toString()).isEqualTo(409);
        assertThat(second.body().path("detail").asText()).contains(consultant.displayName()).contains("at 09:20")
                .contains("to start by 11:20").contains("NEWS2 6 from home readings");
        JsonNode plan = api.get(coordinator, "/api/v1/day-plans/" + day).body();
        assertThat(plan.path("version").asInt()).as("a refused request plans nothing").isEqualTo(1);
        assertThat(plan.path("visits").findValuesAsText("visitId")).filteredOn(v -> v.startsWith("urgent/"))
                .hasSize(1);
        // once the first window has passed, a new urgent visit may be asked for
        clock.set(at("11:30"));
        assertThat(api.post(registrar, "/api/v1/urgent-visits", Map.of("patientId", id(breathless),
                "kind", "OBSERVATIONS", "withinMinutes", 60, "reason", "worse again")).status()).isEqualTo(201);
    }

    @Test
    void theAnswerNamesAVisitTheUrgentVisitPushedOutOfItsWindowAndIsNotInTime() {
        CurrentUser nurse = fixtures.user(Role.CLINICIAN, community);
        PatientRecord dose = admittedAndShared(ward, LocalDate.of(1950, 1, 1), 50.712, -2.441);
        PatientRecord breathless = admittedAndShared(ward, LocalDate.of(1944, 2, 2), 50.716, -2.436);
        clock.set(at("07:00"));
        intervention(nurse, dose, Map.of("kind", "IV_ANTIBIOTIC_DOSE", "times", List.of("10:00"),
                "toleranceMinutes", 30));
        shift(nurse, "08:00", "18:00", List.of("IV_COMPETENT_NURSE", "REGISTERED_NURSE"));
        assertThat(api.post(coordinator, "/api/v1/day-plans/" + day, Map.of()).status()).isEqualTo(201);
        clock.set(at("09:20"));

        // the only nurse must start a 90-minute visit by 09:35: the 09:30-10:30 dose can only follow it
        Response urgent = api.post(consultant, "/api/v1/urgent-visits", Map.of("patientId", id(breathless),
                "kind", "OBSERVATIONS", "durationMinutes", 90, "withinMinutes", 15,
                "reason", "Oxygen saturation falling: observe for 90 minutes"));

        assertThat(urgent.status()).as(urgent.toString()).isEqualTo(201);
        assertThat(urgent.body().path("urgentVisitInTime").asBoolean()).isTrue();
        assertThat(urgent.body().path("inTime").asBoolean()).isFalse();
        JsonNode pushed = only(urgent.body().path("pushedOutOfWindow"), p -> true);
        assertThat(pushed.path("patientName").asText()).isEqualTo(dose.summary().displayName());
        assertThat(pushed.path("kind").asText()).isEqualTo("IV_ANTIBIOTIC_DOSE");
        assertThat(Instant.parse(pushed.path("startAfter").asText())).isAfter(at("10:30"));
        assertThat(pushed.path("windowEnd").asText()).isEqualTo(at("10:30").toString());
        assertThat(urgent.body().path("otherVisitsMoved").findValuesAsText("visitId"))
                .contains(pushed.path("visitId").asText());
        assertThat(urgent.body().path("answer").asText()).contains("It pushes 1 visit out of its window: "
                + dose.summary().displayName() + ", iv antibiotic dose, now 1").contains("(window 09:30-10:30)");
    }

    @Test
    void aChildsIvVisitWithOnlyAdultIvNursesOnShiftIsLeftUnplacedWithTheReasonNeverGivenToAnAdultNurse() {
        CurrentUser adultIvNurse = fixtures.user(Role.CLINICIAN, community);
        CurrentUser adultNurse = fixtures.user(Role.CLINICIAN, community);
        PatientRecord sixYearOld = admittedAndShared(childrensWard, day.minusYears(6).minusDays(40), 50.712, -2.441);
        PatientRecord threeYearOld = admittedAndShared(childrensWard, day.minusYears(3).minusDays(40), 50.725,
                -2.462);
        PatientRecord adult = admittedAndShared(ward, LocalDate.of(1950, 1, 1), 50.701, -2.420);
        clock.set(at("07:00"));
        intervention(adultIvNurse, sixYearOld, Map.of("kind", "IV_ANTIBIOTIC_DOSE", "description",
                "Ceftriaxone 1.2 g IV", "times", List.of("10:00"), "toleranceMinutes", 30));
        intervention(adultIvNurse, threeYearOld, Map.of("kind", "NG_FEED_CHECK", "times", List.of("11:00"),
                "toleranceMinutes", 60));
        intervention(adultIvNurse, adult, Map.of("kind", "IV_ANTIBIOTIC_DOSE", "times", List.of("12:00"),
                "toleranceMinutes", 30));
        shift(adultIvNurse, "08:00", "18:00", List.of("IV_COMPETENT_NURSE", "REGISTERED_NURSE"));
        shift(adultNurse, "08:00", "18:00", List.of("REGISTERED_NURSE", "HEALTHCARE_SUPPORT_WORKER"));

        Response planned = api.post(coordinator, "/api/v1/day-plans/" + day, Map.of());

        assertThat(planned.status()).as(planned.toString()).isEqualTo(201);
        JsonNode childsDose = only(planned.body().path("visits"), v -> v.path("patientId").asText()
                .equals(id(sixYearOld)));
        assertThat(childsDose.hasNonNull("staffName")).as(childsDose.toString()).isFalse();
        assertThat(childsDose.path("notPlannedWhy").asText())
                .isEqualTo("No children's nurse on shift with the IV-competent nurse skill");
        JsonNode ngCheck = only(planned.body().path("visits"), v -> v.path("patientId").asText()
                .equals(id(threeYearOld)));
        assertThat(ngCheck.hasNonNull("staffName")).as(ngCheck.toString()).isFalse();
        assertThat(ngCheck.path("notPlannedWhy").asText()).isEqualTo("No children's nurse on shift");
        JsonNode adultsDose = only(planned.body().path("visits"), v -> v.path("patientId").asText()
                .equals(id(adult)));
        assertThat(adultsDose.path("staffName").asText()).isEqualTo(adultIvNurse.displayName());
        assertThat(planned.body().path("feasible").asBoolean()).isFalse();

        // the coordinator's day view shows both, with the reason, in red
        Page view = PageSession.signIn(api.baseUrl(), coordinator).get("/visits?date=" + day);
        List<Element> unplaced = view.html().select("[data-testid=unplanned-visit]");
        assertThat(unplaced).hasSize(2);
        Element child = unplaced.stream().filter(e -> e.text().contains(sixYearOld.summary().displayName()))
                .findFirst().orElseThrow();
        assertThat(child.text()).contains("IV antibiotic dose due 09:30-10:30: "
                + "No children's nurse on shift with the IV-competent nurse skill (" + sixYearOld.summary().displayName()
                + ")");
        assertThat(child.select(".nhsuk-tag--red").text()).contains("Not planned");
        assertThat(child.select(".hw-text-red").text())
                .isEqualTo("No children's nurse on shift with the IV-competent nurse skill");
    }

    @Test
    void onAPhoneTheDayViewShowsTheUnplacedChildsVisitInRedAndTheUrgentVisitTaggedWithinTheScreen() {
        CurrentUser adultIvNurse = fixtures.user(Role.CLINICIAN, community);
        PatientRecord sixYearOld = admittedAndShared(childrensWard, day.minusYears(6).minusDays(40), 50.712, -2.441);
        PatientRecord breathless = admittedAndShared(ward, LocalDate.of(1944, 2, 2), 50.725, -2.462);
        clock.set(at("07:00"));
        intervention(adultIvNurse, sixYearOld, Map.of("kind", "IV_ANTIBIOTIC_DOSE", "times", List.of("14:00"),
                "toleranceMinutes", 30));
        shift(adultIvNurse, "08:00", "18:00", List.of("IV_COMPETENT_NURSE", "REGISTERED_NURSE"));
        clock.set(at("09:20"));
        assertThat(api.post(consultant, "/api/v1/urgent-visits", Map.of("patientId", id(breathless),
                "kind", "OBSERVATIONS", "withinMinutes", 60, "reason", "NEWS2 6")).status()).isEqualTo(201);

        try (Browser browser = new Browser(api.baseUrl(), "shared-care-day")) {
            browser.driver().manage().window().setSize(new Dimension(390, 844));
            browser.signIn(coordinator.username(), Fixtures.PASSWORD).open("/visits?date=" + day);
            JavascriptExecutor js = (JavascriptExecutor) browser.driver();

            assertThat(browser.testId("unplanned"))
                    .contains("No children's nurse on shift with the IV-competent nurse skill");
            assertThat((String) js.executeScript("return getComputedStyle(document.querySelector("
                    + "'[data-testid=unplanned-visit] .hw-text-red')).color")).isEqualTo("rgb(213, 40, 27)");
            assertThat((Long) js.executeScript("return document.querySelectorAll("
                    + "'[data-testid=route] [data-testid=urgent-tag]').length")).isEqualTo(1L);
            assertThat((String) js.executeScript("""
                    const width = document.documentElement.clientWidth;
                    return [...document.querySelectorAll('[data-testid=unplanned] *')]
                      .filter(e => e.getBoundingClientRect().right > width + 0.5)
                      .map(e => e.tagName + '.' + e.className).join(' ')""")).as("nothing wider than the phone")
                    .isEmpty();
            assertThat((String) js.executeScript("""
                    const width = document.documentElement.clientWidth;
                    return [...document.querySelectorAll('main *')]
                      .filter(e => !e.closest('.hw-scroll'))
                      .filter(e => e.getBoundingClientRect().right > width + 0.5)
                      .map(e => e.tagName + '.' + e.className + ' ' + e.getBoundingClientRect().right + '/' + width)
                      .join(' ')""")).as("nothing on the page wider than the phone").isEmpty();
            js.executeScript("document.querySelector('[data-testid=unplanned]').scrollIntoView()");
            browser.screenshot("unplanned-on-a-phone");
            js.executeScript("document.querySelector('[data-testid=route]').scrollIntoView()");
            browser.screenshot("urgent-on-a-phone");
        }
    }

    // ---- the two organisations' day

    /** Admitted by the acute trust, with the community provider brought into the care team to visit. */
    private PatientRecord admittedAndShared(VirtualWard to, LocalDate born, double latitude, double longitude) {
        RegisterPatient d = fixtures.patientDetails(born);
        PatientRecord patient = patients.register(referrer, new RegisterPatient(d.nhsNumber(), d.givenName(),
                d.familyName(), d.dateOfBirth(), d.sex(), d.ethnicCategory(), d.addressLine1(), d.addressLine2(),
                d.town(), d.postcode(), latitude, longitude, d.phone(), d.gpPracticeCode(), d.gpPracticeName()));
        fixtures.admit(patient, to, referrer, consultant);
        patients.shareCareWith(consultant, patient.summary().id(), community.id());
        return patient;
    }

    /** Registered and admitted within the community provider alone: outside the acute trust's care. */
    private PatientRecord admittedToTheCommunitysOwnWard(double latitude, double longitude) {
        CurrentUser communityReferrer = fixtures.user(Role.REFERRER, community);
        CurrentUser communityConsultant = fixtures.user(Role.SENIOR_DECISION_MAKER, community);
        RegisterPatient d = fixtures.patientDetails(LocalDate.of(1948, 3, 3));
        PatientRecord patient = patients.register(communityReferrer, new RegisterPatient(d.nhsNumber(),
                d.givenName(), d.familyName(), d.dateOfBirth(), d.sex(), d.ethnicCategory(), d.addressLine1(),
                d.addressLine2(), d.town(), d.postcode(), latitude, longitude, d.phone(), d.gpPracticeCode(),
                d.gpPracticeName()));
        fixtures.admit(patient, fixtures.ward(community, 10), communityReferrer, communityConsultant);
        return patient;
    }

    private void intervention(CurrentUser by, PatientRecord patient, Map<String, Object> intervention) {
        Map<String, Object> body = new HashMap<>(intervention);
        body.putIfAbsent("startsOn", day.toString());
        Response added = api.post(by, "/api/v1/patients/" + patient.summary().id() + "/interventions", body);
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
    }

    private void shift(CurrentUser who, String from, String to, List<String> skills) {
        Map<String, Object> shift = new HashMap<>();
        shift.put("username", who.username());
        shift.put("startsAt", day + "T" + from);
        shift.put("endsAt", day + "T" + to);
        shift.put("skills", skills);
        shift.put("startLatitude", 50.715);
        shift.put("startLongitude", -2.437);
        Response added = api.post(coordinator, "/api/v1/shifts", shift);
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
    }

    private Instant at(String time) {
        return day.atTime(LocalTime.parse(time)).atZone(LONDON).toInstant();
    }

    private static String id(PatientRecord patient) {
        return patient.summary().id().toString();
    }

    private static JsonNode only(JsonNode list, Predicate<JsonNode> which) {
        List<JsonNode> found = new ArrayList<>();
        list.forEach(v -> {
            if (which.test(v)) {
                found.add(v);
            }
        });
        assertThat(found).as(list.toString()).hasSize(1);
        return found.get(0);
    }
}
