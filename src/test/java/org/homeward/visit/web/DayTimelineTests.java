package org.homeward.visit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.homeward.careplan.InterventionKind;
import org.homeward.patient.HomeLocation;
import org.homeward.rota.StaffShift;
import org.homeward.shared.PatientId;
import org.homeward.shared.UserId;
import org.homeward.visit.PlannedVisit;
import org.homeward.visit.web.DayTimeline.Row;
import org.homeward.visit.web.DayTimeline.Span;
import org.junit.jupiter.api.Test;

/**
 * The timeline's positions, checked by hand: a shift from 08:00 to 16:00 spans the whole 480-minute timeline, so a
 * minute is 100/480 of a percent; travel between two different places takes ten minutes.
 */
class DayTimelineTests {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final DayTimeline.TravelTime TEN_MINUTES = (fromLat, fromLon, toLat, toLon) ->
            fromLat == toLat && fromLon == toLon ? Duration.ZERO : Duration.ofMinutes(10);

    static final PatientId SMITH = PatientId.random();
    static final PatientId JONES = PatientId.random();
    static final PatientId BROWN = PatientId.random();
    static final Map<PatientId, HomeLocation> HOMES = Map.of(SMITH, new HomeLocation(SMITH, 50.1, -2.0),
            JONES, new HomeLocation(JONES, 50.2, -2.0), BROWN, new HomeLocation(BROWN, 50.3, -2.0));
    static final Map<PatientId, String> NAMES = Map.of(SMITH, "SMITH, Jane", JONES, "JONES, Ann", BROWN, "BROWN, Bo");

    @Test
    void placesVisitsWindowsTravelAndTheBreakInProportionToTheDay() {
        StaffShift shift = shift("Nurse Ada", "2026-01-15T08:00:00Z", "2026-01-15T16:00:00Z", 30);
        // the evaluator's rules: leave at 08:00, arrive 08:10 and wait; leave 09:45, arrive 09:55; leave 11:20 after
        // the break's earliest start (10:40), so break 11:20-11:50, then travel, arriving 12:00
        List<PlannedVisit> visits = List.of(
                visit(shift, 1, SMITH, InterventionKind.IV_ANTIBIOTIC_DOSE, "08:10", "09:00", "09:45", "09:00", "10:00"),
                visit(shift, 2, JONES, InterventionKind.BLOODS, "09:55", "11:00", "11:20", "11:00", "12:00"),
                visit(shift, 3, BROWN, InterventionKind.NEBULISER, "12:00", "12:00", "12:45", "11:30", "12:30"));

        DayTimeline timeline = timeline(List.of(shift), visits, Instant.parse("2026-01-14T18:00:00Z"));

        assertThat(timeline.ticks()).extracting(DayTimeline.Tick::label).containsExactly("08:00", "09:00", "10:00",
                "11:00", "12:00", "13:00", "14:00", "15:00", "16:00");
        assertThat(timeline.ticks().get(1).left()).isCloseTo(12.5, within(1e-9));
        Row row = timeline.rows().get(0);
        assertThat(row.staffName()).isEqualTo("Nurse Ada");
        assertThat(row.note()).isNull();
        assertSpan(row.shift(), 0, 100);
        assertThat(row.visits()).hasSize(3);
        assertSpan(row.visits().get(0).visit(), 12.5, 9.375);
        assertSpan(row.visits().get(0).window(), 12.5, 12.5);
        assertThat(row.visits().get(0).label())
                .isEqualTo("09:00-09:45 IV antibiotic dose, SMITH, Jane; start window 09:00-10:00");
        assertThat(row.visits().get(0).visit().style()).isEqualTo("left:12.500%;width:9.375%");
        assertSpan(row.staffBreak(), 200 * 100.0 / 480, 30 * 100.0 / 480);
        assertThat(row.staffBreak().label()).isEqualTo("Break 11:20-11:50");
        assertThat(row.travel()).extracting(Span::label).containsExactly("Travel 08:00-08:10", "Travel 09:45-09:55",
                "Travel 11:50-12:00", "Travel 12:45-12:55");
        assertSpan(row.travel().get(1), 105 * 100.0 / 480, 10 * 100.0 / 480);
    }

    @Test
    void aBreakNoLegTookIsTakenOnTheWayBackFromItsEarliestStart() {
        StaffShift shift = shift("Nurse Ada", "2026-01-15T08:00:00Z", "2026-01-15T16:00:00Z", 30);
        List<PlannedVisit> visits = List.of(
                visit(shift, 1, SMITH, InterventionKind.IV_ANTIBIOTIC_DOSE, "08:10", "09:00", "09:45", "09:00", "10:00"));

        Row row = timeline(List.of(shift), visits, Instant.parse("2026-01-14T18:00:00Z")).rows().get(0);

        assertThat(row.staffBreak().label()).isEqualTo("Break 10:40-11:10");
        assertThat(row.travel()).extracting(Span::label).containsExactly("Travel 08:00-08:10", "Travel 11:10-11:20");
    }

    @Test
    void showsClockTimesInTheServicesZoneInSummerTime() {
        StaffShift shift = shift("Nurse Ada", "2026-07-15T07:00:00Z", "2026-07-15T15:00:00Z", 0);
        List<PlannedVisit> visits = List.of(
                visit(shift, 1, SMITH, InterventionKind.BLOODS, "07:10", "08:00", "08:20", "07:30", "08:30"));

        DayTimeline timeline = timeline(List.of(shift), visits, Instant.parse("2026-07-14T18:00:00Z"));

        assertThat(timeline.ticks().get(0).label()).isEqualTo("08:00");
        assertThat(timeline.rows().get(0).visits().get(0).label())
                .isEqualTo("09:00-09:20 Blood test, SMITH, Jane; start window 08:30-09:30");
        assertThat(timeline.rows().get(0).staffBreak()).isNull();
    }

    @Test
    void saysWhenTheRotaNoLongerMatchesThePlanAndStretchesToEveryVisit() {
        StaffShift kept = shift("Nurse Ada", "2026-01-15T08:00:00Z", "2026-01-15T16:00:00Z", 0);
        StaffShift cancelled = shift("Nurse Bea", "2026-01-15T09:00:00Z", "2026-01-15T17:00:00Z", 0);
        StaffShift addedLater = addedAt(shift("Nurse Cy", "2026-01-15T08:00:00Z", "2026-01-15T16:00:00Z", 0),
                "2026-01-15T07:30:00Z");
        List<PlannedVisit> visits = List.of(
                visit(cancelled, 1, SMITH, InterventionKind.BLOODS, "16:10", "16:10", "16:30", "16:00", "16:30"));

        DayTimeline timeline = timeline(List.of(kept, addedLater), visits, Instant.parse("2026-01-15T07:00:00Z"));

        assertThat(timeline.ticks().get(timeline.ticks().size() - 1).label()).isEqualTo("17:00");
        assertThat(timeline.rows()).extracting(Row::staffName).containsExactly("Nurse Ada", "Nurse Cy", "Nurse Bea");
        assertThat(timeline.rows()).extracting(Row::note).containsExactly("No visits planned",
                "Shift added after this plan was made: plan the day again",
                "This shift is no longer on the rota: plan the day again");
        Row offRota = timeline.rows().get(2);
        assertThat(offRota.shift()).isNull();
        assertThat(offRota.visits()).hasSize(1);
        assertSpan(offRota.visits().get(0).visit(), 490 * 100.0 / 540, 20 * 100.0 / 540);
    }

    @Test
    void anEmptyPlanWithNoShiftsDrawsNothing() {
        DayTimeline timeline = timeline(List.of(), List.of(), Instant.parse("2026-01-15T07:00:00Z"));
        assertThat(timeline.rows()).isEmpty();
        assertThat(timeline.ticks()).isEmpty();
    }

    static DayTimeline timeline(List<StaffShift> shifts, List<PlannedVisit> visits, Instant madeAt) {
        return DayTimeline.of(StaffRoute.of(shifts, visits), HOMES, NAMES, TEN_MINUTES, LONDON, madeAt);
    }

    static void assertSpan(Span span, double left, double width) {
        assertThat(span).isNotNull();
        assertThat(span.left()).as("left of %s", span).isCloseTo(left, within(1e-9));
        assertThat(span.width()).as("width of %s", span).isCloseTo(width, within(1e-9));
    }

    static StaffShift shift(String name, String starts, String ends, int breakMinutes) {
        return new StaffShift(UUID.randomUUID(), new UserId(UUID.randomUUID()),
                new org.homeward.shared.OrganisationId(UUID.randomUUID()), name, Instant.parse(starts),
                Instant.parse(ends), Set.of(), 50.0, -2.0, 50.0, -2.0, Duration.ofMinutes(breakMinutes), 8, "coord",
                Instant.parse(starts).minus(Duration.ofDays(1)), null, null);
    }

    static StaffShift addedAt(StaffShift s, String at) {
        return new StaffShift(s.id(), s.userId(), s.organisationId(), s.staffName(), s.startsAt(), s.endsAt(), s.skills(),
                s.startLatitude(), s.startLongitude(), s.endLatitude(), s.endLongitude(), s.breakLength(),
                s.maxVisits(), s.addedBy(), Instant.parse(at), null, null);
    }

    /** A planned visit on the shift's day, times as HH:mm in UTC. */
    static PlannedVisit visit(StaffShift shift, int position, PatientId patient, InterventionKind kind, String arrives,
            String starts, String ends, String windowStart, String windowEnd) {
        String day = shift.startsAt().toString().substring(0, 11);
        return new PlannedVisit(UUID.randomUUID().toString(), "r" + position, patient, kind, null, false, shift.id(),
                shift.staffName(), position, Instant.parse(day + arrives + ":00Z"), Instant.parse(day + starts + ":00Z"),
                Instant.parse(day + ends + ":00Z"), Instant.parse(day + windowStart + ":00Z"),
                Instant.parse(day + windowEnd + ":00Z"), null);
    }
}
