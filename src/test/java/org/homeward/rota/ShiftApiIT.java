package org.homeward.rota;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.homeward.security.CurrentUser;
import org.homeward.security.Organisation;
import org.homeward.security.OrganisationType;
import org.homeward.security.Role;
import org.homeward.support.Api;
import org.homeward.support.Api.Response;
import org.homeward.support.Fixtures;
import org.homeward.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Shifts to plan visits into: who, when (out of hours too), skills, where from, and no overlaps. */
@IntegrationTest
class ShiftApiIT {

    @Autowired Fixtures fixtures;
    @Autowired Api api;

    CurrentUser coordinator;
    CurrentUser nurse;
    CurrentUser referrer;
    LocalDate day;
    Organisation community;

    @BeforeEach
    void staff() {
        community = fixtures.organisation(OrganisationType.COMMUNITY_PROVIDER);
        coordinator = fixtures.user(Role.COORDINATOR, community);
        nurse = fixtures.user(Role.CLINICIAN, community);
        referrer = fixtures.user(Role.REFERRER, community);
        day = LocalDate.of(2030, 1, 1).plusDays(Math.abs(nurse.username().hashCode() % 3000));
    }

    @Test
    void aCoordinatorPlansADayShiftAndAnOutOfHoursShiftThatEndsNextMorning() {
        Response dayShift = api.post(coordinator, "/api/v1/shifts", shift(nurse, "08:00", day, "16:00", day));
        assertThat(dayShift.status()).as(dayShift.toString()).isEqualTo(201);
        assertThat(dayShift.body().path("breakLength").asText()).isEqualTo("PT30M");
        assertThat(dayShift.body().path("endLatitude").asDouble()).isEqualTo(50.72);
        CurrentUser nightNurse = fixtures.user(Role.CLINICIAN, community);
        Response night = api.post(coordinator, "/api/v1/shifts", shift(nightNurse, "20:00", day, "08:00", day.plusDays(1)));
        assertThat(night.status()).as(night.toString()).isEqualTo(201);

        Response listed = api.get(nurse, "/api/v1/shifts?date=" + day);
        assertThat(listed.body().findValuesAsText("staffName")).contains(dayShift.text("staffName"), night.text("staffName"));

        assertThat(api.post(coordinator, "/api/v1/shifts/" + night.text("id") + "/cancel", Map.of()).status()).isEqualTo(200);
        assertThat(api.get(nurse, "/api/v1/shifts?date=" + day).body().findValuesAsText("id")).doesNotContain(night.text("id"));
    }

    @Test
    void eachOrganisationPlansOnlyItsOwnStaffsShiftsAndSeesOnlyThem() {
        Organisation other = fixtures.organisation(OrganisationType.COMMUNITY_PROVIDER);
        CurrentUser otherNurse = fixtures.user(Role.CLINICIAN, other);
        CurrentUser otherCoordinator = fixtures.user(Role.COORDINATOR, other);

        Response refused = api.post(coordinator, "/api/v1/shifts", shift(otherNurse, "08:00", day, "16:00", day));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("errors").get(0).path("field").asText()).isEqualTo("username");
        assertThat(refused.text("detail")).contains("works for another organisation");
        Response ours = api.post(coordinator, "/api/v1/shifts", shift(nurse, "08:00", day, "16:00", day));
        Response theirs = api.post(otherCoordinator, "/api/v1/shifts", shift(otherNurse, "08:00", day, "16:00", day));
        assertThat(theirs.status()).isEqualTo(201);
        assertThat(api.get(nurse, "/api/v1/shifts?date=" + day).body().findValuesAsText("id"))
                .contains(ours.text("id")).doesNotContain(theirs.text("id"));
        assertThat(api.post(coordinator, "/api/v1/shifts/" + theirs.text("id") + "/cancel", Map.of()).status())
                .isEqualTo(404);
    }

    @Test
    void aStaffMemberCannotBeOnTwoOverlappingShifts() {
        api.post(coordinator, "/api/v1/shifts", shift(nurse, "08:00", day, "16:00", day));
        assertThat(api.post(coordinator, "/api/v1/shifts", shift(nurse, "15:00", day, "20:00", day)).status()).isEqualTo(409);
        assertThat(api.post(coordinator, "/api/v1/shifts", shift(nurse, "16:00", day, "20:00", day)).status()).isEqualTo(201);
    }

    @Test
    void refusesNamingTheField() {
        assertField(api.post(coordinator, "/api/v1/shifts", shift(nurse, "08:00", day, "23:00", day)), "endsAt");
        assertField(api.post(coordinator, "/api/v1/shifts", shift(nurse, "08:00", day, "07:00", day)), "endsAt");
        assertField(api.post(coordinator, "/api/v1/shifts", shift(referrer, "08:00", day, "16:00", day)), "username");
        Map<String, Object> noSkills = shift(nurse, "08:00", day, "16:00", day);
        noSkills.put("skills", List.of());
        assertField(api.post(coordinator, "/api/v1/shifts", noSkills), "skills");
        Map<String, Object> nowhere = shift(nurse, "08:00", day, "16:00", day);
        nowhere.remove("startLatitude");
        assertField(api.post(coordinator, "/api/v1/shifts", nowhere), "startLatitude");
        assertThat(api.post(nurse, "/api/v1/shifts", shift(nurse, "08:00", day, "16:00", day)).status()).isEqualTo(403);
        assertThat(api.get(nurse, "/api/v1/shifts?date=" + day).body().findValuesAsText("staffName"))
                .doesNotContain(nurse.displayName());
    }

    private static void assertField(Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.body().path("errors").get(0).path("field").asText()).isEqualTo(field);
    }

    private static Map<String, Object> shift(CurrentUser who, String from, LocalDate fromDay, String to, LocalDate toDay) {
        Map<String, Object> shift = new HashMap<>();
        shift.put("username", who.username());
        shift.put("startsAt", fromDay + "T" + from);
        shift.put("endsAt", toDay + "T" + to);
        shift.put("skills", List.of("REGISTERED_NURSE", "IV_COMPETENT_NURSE"));
        shift.put("startLatitude", 50.72);
        shift.put("startLongitude", -1.88);
        return shift;
    }
}
