package org.homeward.observation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.homeward.patient.PatientService;
import org.homeward.patient.PatientSummary;
import org.homeward.security.CurrentUser;
import org.homeward.security.Role;
import org.homeward.shared.InvalidInputException;
import org.homeward.shared.PatientId;
import org.homeward.shared.RecordAccessed;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Durable ingest of observations. A batch is validated whole, then stored in one transaction; the caller's 2xx is
 * sent only after that transaction commits, so an acknowledged reading is a committed reading.
 */
@Service
public class ObservationService {

    public static final int MAX_BATCH = 5000;
    /** Device clocks drift; a reading may be dated at most this far ahead of the server. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final ObservationRepository repository;
    private final PatientService patients;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ObservationService(ObservationRepository repository, PatientService patients, ApplicationEventPublisher events,
            Clock clock) {
        this.repository = repository;
        this.patients = patients;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public BatchResult ingest(CurrentUser user, ObservationSource source, BatchMode mode, List<IncomingReading> readings) {
        user.requireRole("submit observations", Role.CLINICIAN, Role.SENIOR_DECISION_MAKER, Role.COORDINATOR);
        requireSize(readings);
        return store(user.actor(), user.username(), source, mode, readings, visiblePatients(user, readings));
    }

    /**
     * Readings a patient or carer sent from their personal link: stored whole or not at all, so the page can show
     * what to correct. The patient is the link's; the audit names the link, not a user.
     */
    @Transactional
    public BatchResult recordFromHome(PatientId patient, List<IncomingReading> readings) {
        requireSize(readings);
        RecordAccessed.Actor link = new RecordAccessed.Actor("home-link", null, "Patient or carer", "PATIENT_OR_CARER");
        return store(link, "home-link:" + patient, ObservationSource.PATIENT_OR_CARER, BatchMode.ALL_OR_NOTHING,
                readings, Set.of(patient.value()));
    }

    private static void requireSize(List<IncomingReading> readings) {
        if (readings == null || readings.isEmpty()) {
            throw new InvalidInputException("readings", "readings must contain at least one reading");
        }
        if (readings.size() > MAX_BATCH) {
            throw new InvalidInputException("readings", "A batch holds at most " + MAX_BATCH + " readings, got "
                    + readings.size() + "; split it");
        }
    }

    private BatchResult store(RecordAccessed.Actor actor, String receivedBy, ObservationSource source, BatchMode mode,
            List<IncomingReading> readings, Set<UUID> visible) {
        Instant now = clock.instant();
        List<BatchResult.Rejection> rejected = new ArrayList<>();
        List<IncomingReading> valid = new ArrayList<>();
        for (int i = 0; i < readings.size(); i++) {
            IncomingReading reading = readings.get(i);
            BatchResult.Rejection problem = problemWith(i, reading, visible, now);
            if (problem == null) {
                valid.add(reading);
            } else {
                rejected.add(problem);
            }
        }
        if (mode == BatchMode.ALL_OR_NOTHING && !rejected.isEmpty()) {
            return new BatchResult(0, 0, rejected);
        }
        boolean[] stored = valid.isEmpty() ? new boolean[0] : repository.insertAll(valid, source, receivedBy, now);
        int storedCount = 0;
        // patients in ascending id order: every transaction takes per-patient locks in the same order, so concurrent
        // batches for overlapping patients queue instead of deadlocking
        Map<UUID, Integer> perPatient = new java.util.TreeMap<>();
        for (int i = 0; i < stored.length; i++) {
            if (stored[i]) {
                storedCount++;
                perPatient.merge(valid.get(i).patientId(), 1, Integer::sum);
            }
        }
        perPatient.forEach((patient, count) -> {
            events.publishEvent(new RecordAccessed(actor, RecordAccessed.Action.CREATE, "Observation", null,
                    patient, count + " " + source.name().toLowerCase() + " reading(s)"));
            score(new PatientId(patient));
        });
        return new BatchResult(storedCount, valid.size() - storedCount, rejected);
    }

    /**
     * The patient's scored sets over the last {@code days}, oldest first: each reading's moment, with the set as it
     * stood then (each parameter's latest reading within the window before it). Reading the chart is audited.
     */
    @Transactional
    public List<ScoredSet> history(CurrentUser user, PatientId patient, int days) {
        patients.requireAccess(user, patient);
        LocalDate dateOfBirth = patients.summary(patient).dateOfBirth();
        List<Reading> readings = repository.readingsSince(patient, clock.instant().minus(java.time.Duration.ofDays(days)));
        List<ScoredSet> history = new ArrayList<>();
        // readings come oldest first: slide a window of readings from WINDOW before each moment up to it, instead
        // of filtering every reading for every moment
        int from = 0;
        int to = 0;
        for (Instant moment : readings.stream().map(Reading::recordedAt).distinct().toList()) {
            while (to < readings.size() && !readings.get(to).recordedAt().isAfter(moment)) {
                to++;
            }
            Instant windowStart = moment.minus(ObservationSet.WINDOW);
            while (readings.get(from).recordedAt().isBefore(windowStart)) {
                from++;
            }
            ObservationSet.assemble(readings.subList(from, to)).ifPresent(set -> history.add(scored(set, dateOfBirth)));
        }
        events.publishEvent(new RecordAccessed(user.actor(), RecordAccessed.Action.READ, "ObservationChart", null,
                patient.value(), "viewed " + history.size() + " scored sets"));
        return history;
    }

    private ScoredSet scored(ObservationSet set, LocalDate dateOfBirth) {
        EarlyWarningScore score = EarlyWarningScore.of(set, dateOfBirth, set.takenAt().atZone(clock.getZone()).toLocalDate());
        Map<ObservationParameter, String> values = new java.util.EnumMap<>(ObservationParameter.class);
        set.readings().forEach((parameter, reading) -> values.put(parameter,
                reading.code() != null ? reading.code() : java.math.BigDecimal.valueOf(reading.value()).stripTrailingZeros().toPlainString()));
        if (score.news2() != null) {
            var r = score.news2();
            int band = r.total() >= 7 ? 3 : r.total() >= 5 ? 2 : (r.total() >= 1 || r.redScore()) ? 1 : 0;
            return new ScoredSet(set.takenAt(), "NEWS2", r.total(), r.partial(), r.risk().label(), band, values);
        }
        var p = score.pews();
        int band = Math.min(3, p.level().ordinal());
        return new ScoredSet(set.takenAt(), "PEWS", p.total(), p.partial(), p.level().label(), band, values);
    }

    /**
     * Holds the patient's scoring lock until the caller's transaction ends. Anything that raises alerts for a patient
     * outside ingest (the missed-reading check) takes it too, so it and a concurrent batch never both open an alert.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public void lockPatientForScoring(PatientId patient) {
        repository.lockPatientForScoring(patient);
    }

    /**
     * Scores the patient's current set and publishes the result in this transaction, so that an alert it causes is
     * committed with the readings or not at all. Scoring for one patient is serialised by a transaction-scoped lock,
     * so a batch sees the readings and alert of a concurrent batch that scored the same patient first.
     */
    private void score(PatientId patient) {
        repository.lockPatientForScoring(patient);
        ObservationSet.assemble(repository.currentReadings(patient)).ifPresent(set -> {
            LocalDate observedOn = set.takenAt().atZone(clock.getZone()).toLocalDate();
            EarlyWarningScore score = EarlyWarningScore.of(set, patients.summary(patient).dateOfBirth(), observedOn);
            events.publishEvent(new ObservationScored(patient, set.takenAt(), score));
        });
    }

    private Set<UUID> visiblePatients(CurrentUser user, List<IncomingReading> readings) {
        Set<PatientId> ids = readings.stream().filter(r -> r.patientId() != null)
                .map(r -> new PatientId(r.patientId())).collect(Collectors.toSet());
        return patients.visibleSummaries(user, ids).stream().map(PatientSummary::id).map(PatientId::value)
                .collect(Collectors.toCollection(HashSet::new));
    }

    private static BatchResult.Rejection problemWith(int index, IncomingReading r, Set<UUID> visible, Instant now) {
        if (r == null) {
            return new BatchResult.Rejection(index, null, "readings[" + index + "]", "reading is empty");
        }
        if (r.id() == null || r.id().isBlank() || r.id().length() > 100) {
            return reject(index, r, "id", "id is required (at most 100 characters): it makes retries safe");
        }
        if (r.patientId() == null) {
            return reject(index, r, "patientId", "patientId is required");
        }
        if (!visible.contains(r.patientId())) {
            return reject(index, r, "patientId", "no patient " + r.patientId() + " in your organisation's care");
        }
        if (r.parameter() == null) {
            return reject(index, r, "parameter", "parameter is required, one of " + ObservationParameter.allNames());
        }
        String problem = r.parameter().problemWith(r.value(), r.code());
        if (problem != null) {
            return reject(index, r, r.parameter().isNumeric() ? "value" : "code", problem);
        }
        if (r.recordedAt() == null) {
            return reject(index, r, "recordedAt", "recordedAt is required");
        }
        if (r.recordedAt().isAfter(now.plus(CLOCK_SKEW))) {
            return reject(index, r, "recordedAt", "recordedAt " + r.recordedAt() + " is in the future");
        }
        if (r.deviceId() != null && r.deviceId().length() > 100) {
            return reject(index, r, "deviceId", "deviceId must be at most 100 characters");
        }
        return null;
    }

    private static BatchResult.Rejection reject(int index, IncomingReading r, String field, String reason) {
        return new BatchResult.Rejection(index, r.id(), "readings[" + index + "]." + field, reason);
    }
}
