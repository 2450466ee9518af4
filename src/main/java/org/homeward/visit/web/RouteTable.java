package org.homeward.visit.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.homeward.patient.HomeLocation;
import org.homeward.patient.VisitAddress;
import org.homeward.shared.PatientId;
import org.homeward.visit.PlannedVisit;

/**
 * One staff member's route as the day view lists it: each visit in order with the patient's name and address and the
 * travel to it from the last stop (the shift's start for the first). The page only prints these.
 */
record RouteTable(UUID shiftId, String staffName, String shiftLabel, String note, List<Row> rows) {

    /**
     * One visit of the route.
     *
     * @param travelMinutes minutes of travel from the last stop; {@code null} when a home has no location
     */
    record Row(PlannedVisit visit, String patientName, String address, Long travelMinutes) {

        /** The travel in minutes, in words; under a minute, or not known without a location. */
        public String travel() {
            if (travelMinutes == null) {
                return "not known";
            }
            return travelMinutes == 0 ? "under a minute" : travelMinutes + (travelMinutes == 1 ? " minute" : " minutes");
        }
    }

    /** How many visits, and the shift times. */
    public String summary() {
        return rows.size() + (rows.size() == 1 ? " visit" : " visits") + (shiftLabel == null ? "" : ", " + shiftLabel);
    }

    static RouteTable of(StaffRoute route, String shiftLabel, String note, Map<PatientId, HomeLocation> homes,
            Map<PatientId, String> names, Map<PatientId, VisitAddress> addresses, DayTimeline.TravelTime travel) {
        List<Row> rows = new ArrayList<>();
        Double lat = route.shift() == null ? null : route.shift().startLatitude();
        Double lon = route.shift() == null ? null : route.shift().startLongitude();
        for (PlannedVisit v : route.visits()) {
            HomeLocation home = homes.get(v.patientId());
            Long minutes = null;
            if (home != null && lat != null) {
                Duration d = travel.between(lat, lon, home.latitude(), home.longitude());
                minutes = Math.round(d.toSeconds() / 60.0);
            }
            VisitAddress address = addresses.get(v.patientId());
            rows.add(new Row(v, names.getOrDefault(v.patientId(), "a patient"),
                    address == null ? "not recorded" : address.label(), minutes));
            lat = home == null ? null : home.latitude();
            lon = home == null ? null : home.longitude();
        }
        return new RouteTable(route.shiftId(), route.staffName(), shiftLabel, note, rows);
    }
}
