package org.homeward.referral;

import java.time.LocalDate;
import java.util.List;

/** Occupancy of every ward of the service on a date, with service-wide totals. Aggregates only: no patient data. */
public record ServiceCensus(LocalDate date, List<WardOccupancy> wards, int capacity, int occupied, int available,
        double occupancyPercent, int awaitingTriage, int reachedFourteenDays, int overEstimatedDischarge,
        int acceptedAwaitingAdmission) {

    static ServiceCensus of(LocalDate date, List<WardOccupancy> wards) {
        int capacity = wards.stream().mapToInt(WardOccupancy::capacity).sum();
        int occupied = wards.stream().mapToInt(WardOccupancy::occupied).sum();
        return new ServiceCensus(date, wards, capacity, occupied, wards.stream().mapToInt(WardOccupancy::available).sum(),
                WardOccupancy.percent(occupied, capacity),
                wards.stream().mapToInt(WardOccupancy::awaitingTriage).sum(),
                wards.stream().mapToInt(WardOccupancy::reachedFourteenDays).sum(),
                wards.stream().mapToInt(WardOccupancy::overEstimatedDischarge).sum(),
                wards.stream().mapToInt(WardOccupancy::acceptedAwaitingAdmission).sum());
    }
}
