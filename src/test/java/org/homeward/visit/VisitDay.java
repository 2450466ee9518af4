package org.homeward.visit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.homeward.patient.PatientRecord;
import org.homeward.patient.PatientService;
import org.homeward.patient.RegisterPatient;
import org.homeward.security.CurrentUser;
import org.homeward.security.Organisation;
import org.homeward.security.OrganisationType;
import org.homeward.security.Role;
import org.homeward.support.Api;
import org.homeward.support.Api.Response;
import org.homeward.support.Fixtures;
import org.homeward.ward.VirtualWard;

/**
 * A visiting team's day for visit tests: one organisation with a coordinator, a consultant and a referrer, a ward, and
 * a day of its own (hundreds of days ahead, so no other test's shifts or plans share it). Patients are admitted with a
 * home location, interventions and shifts go through the API as a coordinator's and nurse's would.
 */
final class VisitDay {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final double BASE_LATITUDE = 50.715;
    static final double BASE_LONGITUDE = -2.437;

    final Fixtures fixtures;
    final Api api;
    final PatientService patients;
    final Organisation organisation;
    final CurrentUser referrer;
    final CurrentUser consultant;
    final CurrentUser coordinator;
    final VirtualWard ward;
    final LocalDate day;

    VisitDay(Fixtures fixtures, Api api, PatientService patients) {
        this.fixtures = fixtures;
        this.api = api;
        this.patients = patients;
        this.organisation = fixtures.organisation(OrganisationType.ACUTE_TRUST);
        this.referrer = fixtures.user(Role.REFERRER, organisation);
        this.consultant = fixtures.user(Role.SENIOR_DECISION_MAKER, organisation);
        this.coordinator = fixtures.user(Role.COORDINATOR, organisation);
        this.ward = fixtures.ward(organisation, 10);
        this.day = LocalDate.now(LONDON).plusDays(400 + ThreadLocalRandom.current().nextInt(20_000));
    }

    CurrentUser staff(Role role) {
        return fixtures.user(role, organisation);
    }

    /** An admitted patient at this home; {@code null}s for a patient with no location recorded. */
    PatientRecord admitted(Double latitude, Double longitude) {
        RegisterPatient d = fixtures.patientDetails(LocalDate.of(1947, 4, 4));
        PatientRecord patient = patients.register(referrer, new RegisterPatient(d.nhsNumber(), d.givenName(),
                d.familyName(), d.dateOfBirth(), d.sex(), d.ethnicCategory(), d.addressLine1(), d.addressLine2(),
                d.town(), d.postcode(), latitude, longitude, d.phone(), d.gpPracticeCode(), d.gpPracticeName()));
        fixtures.admit(patient, ward, referrer, consultant);
        return patient;
    }

    void intervention(CurrentUser by, PatientRecord patient, Map<String, Object> intervention) {
        Map<String, Object> body = new HashMap<>(intervention);
        body.putIfAbsent("startsOn", day.toString());
        Response added = api.post(by, "/api/v1/patients/" + patient.summary().id() + "/interventions", body);
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
    }

    /** A shift on the day from the team's base, returning its id. */
    String shift(CurrentUser who, LocalTime from, LocalTime to, List<String> skills) {
        Map<String, Object> shift = new HashMap<>();
        shift.put("username", who.username());
        shift.put("startsAt", day + "T" + from);
        shift.put("endsAt", day + "T" + to);
        shift.put("skills", skills);
        shift.put("startLatitude", BASE_LATITUDE);
        shift.put("startLongitude", BASE_LONGITUDE);
        Response added = api.post(coordinator, "/api/v1/shifts", shift);
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        return added.text("id");
    }

    java.time.Instant at(String time) {
        return day.atTime(LocalTime.parse(time)).atZone(LONDON).toInstant();
    }
}
