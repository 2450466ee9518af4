package org.homeward.demo;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import org.homeward.rota.AddOnCall;
import org.homeward.rota.OnCallTier;
import org.homeward.rota.RotaService;
import org.homeward.security.CurrentUser;
import org.homeward.security.UserAccount;
import org.homeward.ward.VirtualWard;

/**
 * Who is on call for each demo ward, from last night until the night after tomorrow, so alerts reach a person at any
 * hour of the demo's two days: in the ward's hours its nurse (ward team) and coordinator (nurse in charge), out of
 * hours the district nursing sister (adults) or a children's nurse, and round the clock the ward's consultant as
 * on-call senior. Added through the rota's own API, by each person's organisation. Every copy of a ward (a service
 * loaded several times over) has the same people on call as the ward itself.
 */
final class DemoOnCall {

    private DemoOnCall() {
    }

    static void fill(RotaService rota, Map<DemoWardCopy, VirtualWard> wards, Map<String, UserAccount> staff,
            LocalDate today, ZoneId zone) {
        for (Map.Entry<DemoWardCopy, VirtualWard> entry : wards.entrySet()) {
            DemoWard demo = entry.getKey().ward();
            VirtualWard ward = entry.getValue();
            String nurse = switch (demo) {
                case CHILDREN -> "nurse3";
                case HEART_FAILURE -> "nurse4";
                default -> "nurse";
            };
            String coordinator = demo.isPaediatric() ? "coordinator2" : "coordinator";
            String outOfHours = demo.isPaediatric() && staff.containsKey("childnurse1") ? "childnurse1" : "nurse2";
            String consultant = switch (demo) {
                case CHILDREN -> "consultant4";
                case HEART_FAILURE -> "consultant3";
                default -> "consultant";
            };
            CurrentUser communityCoordinator = CurrentUser.of(staff.get(coordinator));
            CurrentUser acuteSenior = CurrentUser.of(staff.get(consultant));
            for (int day = 0; day <= 1; day++) {
                LocalDate date = today.plusDays(day);
                add(rota, communityCoordinator, ward, OnCallTier.WARD_TEAM, nurse, date, ward.opensAt(), date, ward.closesAt(), zone);
                add(rota, communityCoordinator, ward, OnCallTier.NURSE_IN_CHARGE, coordinator, date, ward.opensAt(), date, ward.closesAt(), zone);
                add(rota, acuteSenior, ward, OnCallTier.ON_CALL_SENIOR, consultant, date, LocalTime.MIDNIGHT, date.plusDays(1), LocalTime.MIDNIGHT, zone);
            }
            for (int night = -1; night <= 1; night++) {
                LocalDate date = today.plusDays(night);
                add(rota, communityCoordinator, ward, OnCallTier.OUT_OF_HOURS_CONTACT, outOfHours, date, ward.closesAt(),
                        date.plusDays(1), ward.opensAt(), zone);
            }
        }
    }

    private static void add(RotaService rota, CurrentUser by, VirtualWard ward, OnCallTier tier, String username,
            LocalDate fromDate, LocalTime from, LocalDate toDate, LocalTime to, ZoneId zone) {
        rota.add(by, new AddOnCall(ward.id(), tier, username, fromDate.atTime(from).atZone(zone).toInstant(),
                toDate.atTime(to).atZone(zone).toInstant()));
    }
}
