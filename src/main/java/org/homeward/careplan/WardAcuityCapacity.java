package org.homeward.careplan;

import java.util.Map;
import org.homeward.shared.WardId;

/**
 * A ward's acuity-weighted capacity: its beds as the load of standard patients they are sized for, against the load of
 * its admitted patients, each counting the weight of their latest assessment's level since admission; an admitted
 * patient not yet assessed counts as a standard patient. Numbers only.
 *
 * @param capacityPoints beds x the standard patient's weight
 * @param acuityPoints the admitted patients' weights, not yet assessed ones at the standard weight
 * @param byLevel how many admitted patients are at each level (1 to 4), by their latest assessment
 * @param notAssessed admitted patients with no assessment since admission
 * @param notAssessedToday admitted patients whose latest assessment is from an earlier day (or none)
 * @param percent acuity points as a percentage of capacity points, one decimal place
 */
public record WardAcuityCapacity(WardId wardId, String wardName, int beds, int admitted, int capacityPoints,
        int acuityPoints, Map<Integer, Integer> byLevel, int notAssessed, int notAssessedToday, double percent) {

    public boolean overCapacity() {
        return acuityPoints > capacityPoints;
    }
}
