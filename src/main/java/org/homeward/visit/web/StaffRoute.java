package org.homeward.visit.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.homeward.rota.StaffShift;
import org.homeward.visit.PlannedVisit;

/**
 * One shift's part of a day plan: the shift as the rota has it now, or null when it has been cancelled since the
 * plan was made, and its planned visits in route order. {@code index} picks the staff member's colour.
 */
record StaffRoute(int index, UUID shiftId, String staffName, StaffShift shift, List<PlannedVisit> visits) {

    StaffRoute {
        visits = List.copyOf(visits);
    }

    /**
     * The day's shifts in rota order, each with its planned visits, then any shift the plan sends someone on that is
     * no longer on the rota. Visits not planned are left out: the page lists them with the reason.
     */
    static List<StaffRoute> of(List<StaffShift> shifts, List<PlannedVisit> visits) {
        Map<UUID, List<PlannedVisit>> byShift = new LinkedHashMap<>();
        Map<UUID, String> names = new LinkedHashMap<>();
        shifts.forEach(s -> {
            byShift.put(s.id(), new ArrayList<>());
            names.put(s.id(), s.staffName());
        });
        visits.stream().filter(PlannedVisit::planned).sorted(Comparator.comparing(PlannedVisit::routePosition))
                .forEach(v -> {
                    byShift.computeIfAbsent(v.shiftId(), id -> new ArrayList<>()).add(v);
                    names.putIfAbsent(v.shiftId(), v.staffName());
                });
        Map<UUID, StaffShift> shiftById = new LinkedHashMap<>();
        shifts.forEach(s -> shiftById.put(s.id(), s));
        List<StaffRoute> routes = new ArrayList<>();
        byShift.forEach((id, planned) -> routes.add(new StaffRoute(routes.size(), id, names.get(id), shiftById.get(id),
                planned)));
        return routes;
    }

    String colour() {
        return StaffPalette.colour(index);
    }

    String dash() {
        return StaffPalette.dash(index);
    }
}
