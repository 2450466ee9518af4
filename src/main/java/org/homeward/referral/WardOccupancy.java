package org.homeward.referral;

import org.homeward.ward.VirtualWard;

/**
 * A ward's capacity and flow in numbers only: what commissioners see, and the header of each ward's census.
 *
 * @param occupancyPercent occupied beds as a percentage of capacity, to one decimal place
 */
public record WardOccupancy(VirtualWard ward, int capacity, int occupied, int available, double occupancyPercent,
        int awaitingTriage, int reachedFourteenDays, int overEstimatedDischarge) {

    static WardOccupancy of(VirtualWard ward, int occupied, int awaitingTriage, int reachedFourteenDays,
            int overEstimatedDischarge) {
        return new WardOccupancy(ward, ward.bedCapacity(), occupied, ward.bedCapacity() - occupied,
                percent(occupied, ward.bedCapacity()), awaitingTriage, reachedFourteenDays, overEstimatedDischarge);
    }

    static double percent(int part, int whole) {
        return whole == 0 ? 0 : Math.round(1000.0 * part / whole) / 10.0;
    }
}
