package org.homeward.visit.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.homeward.patient.HomeLocation;
import org.homeward.rota.StaffShift;
import org.homeward.shared.PatientId;
import org.homeward.visit.PlannedVisit;

/**
 * The day plan as a timeline, one row per shift: the shift as a band, each visit as a bar from its start to its end,
 * the travel before it, its start window and the break, every position a percentage of one span of whole hours, from
 * the hour at or before the first shift start or departure to the hour at or after the last shift end or return. The
 * page only prints these.
 *
 * <p>The route evaluator's timing rules make the travel and the break derivable from the plan: a staff member leaves
 * a visit at its end and arrives after the travel time, or after the break and the travel time when the break falls
 * on that leg. So on each leg the time between leaving and arriving, less the travel time, is either nothing or the
 * break; and a break still due after the last visit is taken on the way back.
 */
record DayTimeline(List<Tick> ticks, List<Row> rows) {

    private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);
    private static final Duration SLACK = Duration.ofSeconds(1);

    /** The travel model: how long from one place to another. */
    @FunctionalInterface
    interface TravelTime {
        Duration between(double fromLatitude, double fromLongitude, double toLatitude, double toLongitude);
    }

    /** An hour mark across the top. */
    record Tick(String label, double left) {

        public String style() {
            return String.format(Locale.ROOT, "left:%.3f%%", left);
        }
    }

    /** A stretch of the row, as percentages of the timeline's width. */
    record Span(double left, double width, String label) {

        public String style() {
            return String.format(Locale.ROOT, "left:%.3f%%;width:%.3f%%", left, width);
        }
    }

    /** A visit: its bar, and the window its start had to fall in. */
    record Bar(int position, String label, Span visit, Span window, boolean assisting) {
    }

    /**
     * One shift. {@code shift} is null when the rota no longer has the shift; {@code note} then says so, as it does
     * for a shift with no visits or one added after the plan was made.
     */
    record Row(String staffName, String colour, Span shift, List<Bar> visits, List<Span> travel, Span staffBreak,
            String note) {
    }

    static DayTimeline of(List<StaffRoute> routes, Map<PatientId, HomeLocation> homes, Map<PatientId, String> names,
            TravelTime travel, ZoneId zone, Instant planMadeAt) {
        List<RowTimes> times = routes.stream().map(r -> times(r, homes, travel)).toList();
        Instant from = Stream.concat(routes.stream().flatMap(DayTimeline::instants),
                times.stream().flatMap(t -> t.legs.stream().map(Leg::from))).min(Instant::compareTo).orElse(null);
        Instant to = Stream.concat(routes.stream().flatMap(DayTimeline::instants),
                times.stream().flatMap(t -> t.legs.stream().map(Leg::to))).max(Instant::compareTo).orElse(null);
        if (from == null) {
            return new DayTimeline(List.of(), List.of());
        }
        ZonedDateTime start = from.atZone(zone).truncatedTo(ChronoUnit.HOURS);
        ZonedDateTime end = to.atZone(zone).truncatedTo(ChronoUnit.HOURS);
        if (end.toInstant().isBefore(to)) {
            end = end.plusHours(1);
        }
        Scale scale = new Scale(start.toInstant(), end.toInstant(), zone);
        List<Tick> ticks = new ArrayList<>();
        for (ZonedDateTime hour = start; !hour.isAfter(end); hour = hour.plusHours(1)) {
            ticks.add(new Tick(HOURS.format(hour), scale.at(hour.toInstant())));
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < routes.size(); i++) {
            rows.add(row(routes.get(i), times.get(i), names, scale, planMadeAt));
        }
        return new DayTimeline(List.copyOf(ticks), List.copyOf(rows));
    }

    private static Stream<Instant> instants(StaffRoute route) {
        Stream<Instant> shift = route.shift() == null ? Stream.empty()
                : Stream.of(route.shift().startsAt(), route.shift().endsAt());
        return Stream.concat(shift, route.visits().stream().flatMap(v -> Stream.of(v.arrivesAt(), v.endsAt(),
                v.windowStart(), v.windowEnd())));
    }

    private static Row row(StaffRoute route, RowTimes times, Map<PatientId, String> names, Scale scale,
            Instant planMadeAt) {
        StaffShift shift = route.shift();
        Span band = shift == null ? null : scale.span(shift.startsAt(), shift.endsAt(),
                "Shift " + scale.clock(shift.startsAt()) + "-" + scale.clock(shift.endsAt()));
        List<Bar> bars = route.visits().stream().map(v -> new Bar(v.routePosition(), label(v, names, scale),
                scale.span(v.startsAt(), v.endsAt(), null), scale.span(v.windowStart(), v.windowEnd(),
                        "Start window " + scale.clock(v.windowStart()) + "-" + scale.clock(v.windowEnd())),
                v.assisting())).toList();
        List<Span> travel = times.legs.stream().filter(l -> l.to.isAfter(l.from))
                .map(l -> scale.span(l.from, l.to, "Travel " + scale.clock(l.from) + "-" + scale.clock(l.to)))
                .toList();
        Span staffBreak = times.breakStart == null ? null : scale.span(times.breakStart, times.breakEnd,
                "Break " + scale.clock(times.breakStart) + "-" + scale.clock(times.breakEnd));
        String note = shift == null ? "This shift is no longer on the rota: plan the day again"
                : shift.addedAt().isAfter(planMadeAt) ? "Shift added after this plan was made: plan the day again"
                : route.visits().isEmpty() ? "No visits planned" : null;
        return new Row(route.staffName(), route.colour(), band, bars, travel, staffBreak, note);
    }

    static String label(PlannedVisit v, Map<PatientId, String> names, Scale scale) {
        String patient = names.get(v.patientId());
        return scale.clock(v.startsAt()) + "-" + scale.clock(v.endsAt()) + " " + v.kind().label()
                + (v.assisting() ? " (second member of staff)" : "") + (patient == null ? "" : ", " + patient)
                + "; start window " + scale.clock(v.windowStart()) + "-" + scale.clock(v.windowEnd());
    }

    /** The travel legs of a route and its break, as the evaluator's timing rules place them. */
    static RowTimes times(StaffRoute route, Map<PatientId, HomeLocation> homes, TravelTime travel) {
        StaffShift shift = route.shift();
        RowTimes times = new RowTimes();
        boolean breakDue = shift != null && !shift.breakLength().isZero();
        Instant leaves = shift == null ? null : shift.startsAt();
        double[] at = shift == null ? null : new double[] {shift.startLatitude(), shift.startLongitude()};
        for (PlannedVisit v : route.visits()) {
            HomeLocation home = homes.get(v.patientId());
            double[] next = home == null ? null : new double[] {home.latitude(), home.longitude()};
            Instant travelFrom = leaves;
            if (at != null && next != null) {
                Instant setsOff = v.arrivesAt().minus(travel.between(at[0], at[1], next[0], next[1]));
                if (breakDue && leaves != null
                        && Duration.between(leaves, setsOff).compareTo(shift.breakLength().minus(SLACK)) >= 0) {
                    times.breakStart = setsOff.minus(shift.breakLength());
                    times.breakEnd = setsOff;
                    breakDue = false;
                }
                travelFrom = leaves == null || setsOff.isAfter(leaves) ? setsOff : leaves;
            }
            if (travelFrom != null) {
                times.legs.add(new Leg(travelFrom, v.arrivesAt()));
            }
            leaves = v.endsAt();
            at = next;
        }
        if (shift != null && at != null) {
            Instant setsOff = leaves;
            if (breakDue) {
                Instant earliest = shift.startsAt().plus(Duration.between(shift.startsAt(), shift.endsAt())
                        .dividedBy(3));
                times.breakStart = leaves.isAfter(earliest) ? leaves : earliest;
                times.breakEnd = times.breakStart.plus(shift.breakLength());
                setsOff = times.breakEnd;
            }
            times.legs.add(new Leg(setsOff, setsOff.plus(travel.between(at[0], at[1], shift.endLatitude(),
                    shift.endLongitude()))));
        }
        return times;
    }

    /** A stretch of travel. */
    record Leg(Instant from, Instant to) {
    }

    static final class RowTimes {
        final List<Leg> legs = new ArrayList<>();
        Instant breakStart;
        Instant breakEnd;
    }

    /** Instants to percentages of the timeline's width, and to clock times in the service's zone. */
    record Scale(Instant from, Instant to, ZoneId zone) {

        double at(Instant t) {
            return 100.0 * Duration.between(from, t).toMillis() / Duration.between(from, to).toMillis();
        }

        Span span(Instant start, Instant end, String label) {
            return new Span(at(start), at(end) - at(start), label);
        }

        String clock(Instant t) {
            return HOURS.format(t.atZone(zone));
        }
    }
}
