package org.homeward.visit.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.homeward.patient.HomeLocation;
import org.homeward.rota.StaffShift;
import org.homeward.shared.PatientId;
import org.homeward.visit.PlannedVisit;

/**
 * The day's routes drawn without a map server: latitude and longitude projected onto the plane (equirectangular,
 * longitude shrunk by the cosine of the middle latitude so distances look right at the service's latitude), fitted
 * to the picture with a margin, north up. Each staff member's route runs from their start through their visits in
 * order back to their end; visits are numbered markers in the staff member's colour and each patient's home is
 * labelled with their name. The page only prints these.
 *
 * <p>A two-staff visit puts two markers on one home; markers that would fall on the same spot are set side by side so
 * neither hides the other.
 */
record RouteMap(int width, int height, List<Route> routes, List<Place> homes) {

    static final int WIDTH = 800;
    static final int HEIGHT = 500;
    static final int MARGIN = 40;
    /** How far apart markers that share a spot are set, in picture units. */
    static final double MARKER_STEP = 16;

    private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);

    /** A point on the picture. */
    record Point(double x, double y) {

        /** To a tenth of a unit: finer than a screen shows, and short in the page. */
        Point {
            x = Math.round(x * 10) / 10.0;
            y = Math.round(y * 10) / 10.0;
        }
    }

    /** A numbered visit on a route, where it is drawn and what it says to a screen reader or on hover. */
    record Marker(int number, Point at, String label) {
    }

    /**
     * A patient's home, labelled below it: to the right, or to the left in the right part of the picture so the name
     * is not cut off at the edge.
     */
    record Place(Point at, String label, Point labelAt, String anchor) {

        static Place labelled(Point at, String label) {
            boolean right = at.x() > WIDTH * 0.6;
            return new Place(at, label, new Point(at.x() + (right ? -12 : 12), at.y() + 24), right ? "end" : "start");
        }
    }

    /**
     * One staff member's route: the polyline through {@code points}, its start and end (null when the rota no longer
     * has the shift), and its visit markers.
     */
    record Route(String staffName, String colour, String dash, List<Point> points, Point start, Point end,
            List<Marker> markers, String label) {

        /** The legend's words for this route: who, and how many visits. */
        public String legend() {
            return staffName + " (" + markers.size() + (markers.size() == 1 ? " visit)" : " visits)");
        }

        /** The polyline's points attribute. */
        public String svgPoints() {
            return points.stream().map(p -> String.format(Locale.ROOT, "%.1f,%.1f", p.x(), p.y()))
                    .collect(Collectors.joining(" "));
        }
    }

    static RouteMap of(List<StaffRoute> routes, Map<PatientId, HomeLocation> homes, Map<PatientId, String> names,
            ZoneId zone) {
        List<double[]> all = new ArrayList<>();
        for (StaffRoute route : routes) {
            if (route.shift() != null) {
                all.add(new double[] {route.shift().startLatitude(), route.shift().startLongitude()});
                all.add(new double[] {route.shift().endLatitude(), route.shift().endLongitude()});
            }
            route.visits().stream().map(v -> homes.get(v.patientId())).filter(h -> h != null)
                    .forEach(h -> all.add(new double[] {h.latitude(), h.longitude()}));
        }
        Projection projection = Projection.fit(all, WIDTH, HEIGHT, MARGIN);
        Map<String, Integer> taken = new HashMap<>();
        List<Route> drawn = new ArrayList<>();
        Map<PatientId, Place> places = new LinkedHashMap<>();
        for (StaffRoute route : routes) {
            List<Point> points = new ArrayList<>();
            List<Marker> markers = new ArrayList<>();
            StaffShift shift = route.shift();
            Point start = shift == null ? null : projection.at(shift.startLatitude(), shift.startLongitude());
            Point end = shift == null ? null : projection.at(shift.endLatitude(), shift.endLongitude());
            if (start != null) {
                points.add(start);
            }
            for (PlannedVisit v : route.visits()) {
                HomeLocation home = homes.get(v.patientId());
                if (home == null) {
                    continue;
                }
                Point at = projection.at(home.latitude(), home.longitude());
                points.add(at);
                String name = names.getOrDefault(v.patientId(), "patient");
                places.putIfAbsent(v.patientId(), Place.labelled(at, name));
                markers.add(new Marker(v.routePosition(), besideOthers(at, taken), route.staffName() + ", visit "
                        + v.routePosition() + ": " + HOURS.format(v.startsAt().atZone(zone)) + " "
                        + v.kind().label() + ", " + name));
            }
            if (end != null) {
                points.add(end);
            }
            String label = "Route of " + route.staffName() + ": " + markers.size() + " visit"
                    + (markers.size() == 1 ? "" : "s") + (shift == null ? ", shift no longer on the rota"
                    : ", from the start location and back");
            drawn.add(new Route(route.staffName(), route.colour(), route.dash(), List.copyOf(points), start, end,
                    List.copyOf(markers), label));
        }
        return new RouteMap(WIDTH, HEIGHT, List.copyOf(drawn), List.copyOf(places.values()));
    }

    /** The spot for a marker: its place, or beside the markers already there. */
    static Point besideOthers(Point at, Map<String, Integer> taken) {
        String key = String.format(Locale.ROOT, "%.0f,%.0f", at.x(), at.y());
        int before = taken.merge(key, 1, Integer::sum) - 1;
        return before == 0 ? at : new Point(at.x() + before * MARKER_STEP, at.y());
    }

    public String viewBox() {
        return "0 0 " + width + " " + height;
    }

    /**
     * Latitude and longitude to picture coordinates: x grows east, y grows south, one scale for both axes after the
     * longitude is shrunk by the cosine of the middle latitude, centred in the picture inside the margin.
     */
    record Projection(double minLatitude, double maxLatitude, double minLongitude, double cosLatitude, double scale,
            double left, double top) {

        static Projection fit(List<double[]> points, double width, double height, double margin) {
            if (points.isEmpty()) {
                return new Projection(0, 0, 0, 1, 1, width / 2, height / 2);
            }
            double minLat = points.stream().mapToDouble(p -> p[0]).min().orElseThrow();
            double maxLat = points.stream().mapToDouble(p -> p[0]).max().orElseThrow();
            double minLon = points.stream().mapToDouble(p -> p[1]).min().orElseThrow();
            double maxLon = points.stream().mapToDouble(p -> p[1]).max().orElseThrow();
            double cos = Math.cos(Math.toRadians((minLat + maxLat) / 2));
            double spanX = (maxLon - minLon) * cos;
            double spanY = maxLat - minLat;
            double innerWidth = width - 2 * margin;
            double innerHeight = height - 2 * margin;
            double scale = spanX == 0 && spanY == 0 ? 1
                    : Math.min(spanX == 0 ? Double.MAX_VALUE : innerWidth / spanX,
                            spanY == 0 ? Double.MAX_VALUE : innerHeight / spanY);
            return new Projection(minLat, maxLat, minLon, cos, scale, margin + (innerWidth - spanX * scale) / 2,
                    margin + (innerHeight - spanY * scale) / 2);
        }

        Point at(double latitude, double longitude) {
            return new Point(left + (longitude - minLongitude) * cosLatitude * scale,
                    top + (maxLatitude - latitude) * scale);
        }
    }
}
