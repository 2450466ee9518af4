package org.homeward.observation;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The set of observations to score for a patient: for each parameter, its latest reading taken within
 * {@link #WINDOW} before the newest reading. Devices send some parameters and a nurse adds the rest; readings that
 * close together describe one moment, older ones do not.
 *
 * @param takenAt the time of the newest reading, which the set describes
 */
public record ObservationSet(Instant takenAt, Map<ObservationParameter, Reading> readings) {

    public static final Duration WINDOW = Duration.ofMinutes(30);

    public static Optional<ObservationSet> assemble(Collection<Reading> readings) {
        Optional<Instant> newest = readings.stream().map(Reading::recordedAt).max(Comparator.naturalOrder());
        if (newest.isEmpty()) {
            return Optional.empty();
        }
        Instant from = newest.get().minus(WINDOW);
        Map<ObservationParameter, Reading> latest = new EnumMap<>(ObservationParameter.class);
        readings.stream()
                .filter(r -> !r.recordedAt().isBefore(from))
                .sorted(Comparator.comparing(Reading::recordedAt))
                .forEach(r -> latest.put(r.parameter(), r));
        return Optional.of(new ObservationSet(newest.get(), latest));
    }

    public Double number(ObservationParameter parameter) {
        Reading reading = readings.get(parameter);
        return reading == null ? null : reading.value();
    }

    public String code(ObservationParameter parameter) {
        Reading reading = readings.get(parameter);
        return reading == null ? null : reading.code();
    }
}
