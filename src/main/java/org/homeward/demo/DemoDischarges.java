package org.homeward.demo;

import java.time.Instant;
import java.util.List;
import org.homeward.demo.DemoRandom.Weighted;
import org.homeward.referral.DischargeDestination;

/**
 * Where past demo patients went and what the GP was told (KLoE 9.4, 10.3): most home, some back to hospital after
 * deteriorating, a few expected deaths at home among frail adults, a few to an interim care home bed.
 */
final class DemoDischarges {

    private static final List<Weighted<DischargeDestination>> ADULT = List.of(
            new Weighted<>(DischargeDestination.USUAL_RESIDENCE, 82),
            new Weighted<>(DischargeDestination.TRANSFER_TO_ACUTE_HOSPITAL, 10),
            new Weighted<>(DischargeDestination.DIED, 3), new Weighted<>(DischargeDestination.OTHER, 5));
    private static final List<Weighted<DischargeDestination>> CHILD = List.of(
            new Weighted<>(DischargeDestination.USUAL_RESIDENCE, 90),
            new Weighted<>(DischargeDestination.TRANSFER_TO_ACUTE_HOSPITAL, 10));

    private DemoDischarges() {
    }

    static DischargePlan plan(DemoRandom random, DemoWard ward, DemoScenario scenario, Instant dischargedAt,
            int dayOfStay) {
        DischargeDestination destination = random.weighted(ward.isPaediatric() ? CHILD : ADULT);
        String day = " on day " + dayOfStay;
        return switch (destination) {
            case USUAL_RESIDENCE -> new DischargePlan(dischargedAt, destination, null, scenario.onwardReferrals(),
                    scenario.treatment() + " Discharged home" + day + "; medicines reconciled and this summary sent "
                            + "to the GP.");
            case TRANSFER_TO_ACUTE_HOSPITAL -> new DischargePlan(dischargedAt, destination, null, null,
                    "Admitted for " + scenario.condition().toLowerCase() + ". " + deterioration(ward) + day + ".");
            case DIED -> new DischargePlan(dischargedAt, destination, null, null, "Admitted for "
                    + scenario.condition().toLowerCase() + ". Deteriorated despite treatment; treatment escalation "
                    + "plan and ReSPECT form agreed with the family to focus on comfort. Expected death at home" + day
                    + " with family present; anticipatory medicines were in place; death verified by the Hospital at "
                    + "Home nurse and the GP informed.");
            case OTHER -> new DischargePlan(dischargedAt, destination, "Interim residential care home bed",
                    scenario.onwardReferrals(), scenario.treatment() + " Moved" + day + " to an interim care home "
                            + "bed while a package of care at home is arranged.");
        };
    }

    private static String deterioration(DemoWard ward) {
        return ward.isPaediatric()
                ? "PEWS rose to 5 with increasing work of breathing; transferred by ambulance to Kingfisher Ward at "
                        + "Wessex Coast"
                : "NEWS2 rose to 7 with new hypotension; conveyed by ambulance to the Wessex Coast emergency "
                        + "department and admitted under the medical team";
    }
}
