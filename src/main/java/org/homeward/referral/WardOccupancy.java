package org.homeward.referral;

import org.homeward.ward.VirtualWard;

/**
 * A ward's capacity and flow in numbers only: what commissioners see, and the header of each ward's census.
 *
 * @param occupied beds of patients admitted now
 * @param acceptedAwaitingAdmission referrals accepted into the ward whose patient is not admitted yet: each holds a
 *     bed, so two cannot be accepted into the last one
 * @param available beds neither occupied nor held by an accepted referral
 * @param occupancyPercent occupied beds as a percentage of capacity, to one decimal place
 */
public record WardOccupancy(VirtualWard ward, int capacity, int occupied, int available, double occupancyPercent,
        int awaitingTriage, int reachedFourteenDays, int overEstimatedDischarge, int acceptedAwaitingAdmission) {

    static WardOccupancy of(VirtualWard ward, int occupied, int acceptedAwaitingAdmission, int awaitingTriage,
            int reachedFourteenDays, int overEstimatedDischarge) {
        return new WardOccupancy(ward, ward.bedCapacity(), occupied,
                Math.max(0, ward.bedCapacity() - occupied - acceptedAwaitingAdmission),
                percent(occupied, ward.bedCapacity()), awaitingTriage, reachedFourteenDays, overEstimatedDischarge,
                acceptedAwaitingAdmission);
    }

    static double percent(int part, int whole) {
        return whole == 0 ? 0 : Math.round(1000.0 * part / whole) / 10.0;
    }
}
