package org.homeward.observation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.HashMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.homeward.patient.PatientService;
import org.homeward.patient.PatientSummary;
import org.homeward.referral.ReferralService;
import org.homeward.scoring.WarningScore;
import org.homeward.security.CurrentUser;
import org.homeward.security.Permission;
import org.homeward.shared.AuditedRecord;
import org.homeward.shared.InvalidInputException;
import org.homeward.shared.PatientId;
import org.homeward.shared.RecordAccessed;
import org.homeward.shared.RecordsAccessed;
import org.homeward.shared.RefusedException;
import org.homeward.shared.WardId;
import org.homeward.ward.WardService;
import jakarta.annotation.PreDestroy;
import org.homeward.shared.GroupCommit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Durable ingest of observations. A batch is validated whole, then stored in one transaction, with the batches other
 * requests sent at the same moment (group commit); the caller's 2xx is sent only after that transaction commits, so an
 * acknowledged reading is a committed reading.
 */
@Service
public class ObservationService {

    public static final int MAX_BATCH = 5000;
    /** Device clocks drift; a reading may be dated at most this far ahead of the server (forms use the same). */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final ObservationRepository repository;
    private final Scale2Repository scaleDecisions;
    private final PatientService patients;
    private final ReferralService referrals;
    private final WardService wards;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final GroupCommit<Submission, Stored> groupCommit;

    ObservationService(ObservationRepository repository, Scale2Repository scale2, PatientService patients,
            ReferralService referrals, WardService wards, ApplicationEventPublisher events, Clock clock,
            PlatformTransactionManager transactions,
            @Value("${homeward.observation.ingest.writers:1}") int writers) {
        this.repository = repository;
        this.scaleDecisions = scale2;
        this.patients = patients;
        this.referrals = referrals;
        this.wards = wards;
        this.events = events;
        this.clock = clock;
        this.groupCommit = new GroupCommit<>("observation-ingest", writers, MAX_BATCH,
                submission -> submission.readings().size(), new TransactionTemplate(transactions), this::storeAll);
    }

    /** Lets the writers store what is queued, then stops them (before the database goes). */
    @PreDestroy
    void stopIngest() {
        groupCommit.close();
    }

    /**
     * Stores a batch of readings from a person or a system client, with the alerts they raise, and returns once they
     * are committed. Batches sent at the same moment by other requests are committed with it in one transaction
     * ({@link GroupCommit}), each answered with its own outcome; called inside a transaction, it joins it.
     */
    public BatchResult ingest(CurrentUser user, ObservationSource source, BatchMode mode, List<IncomingReading> readings) {
        return submit(user, source, mode, readings, false).result();
    }

    private Stored submit(CurrentUser user, ObservationSource source, BatchMode mode, List<IncomingReading> readings,
            boolean identify) {
        user.require(Permission.SUBMIT_OBSERVATIONS);
        requireSize(readings);
        return groupCommit.submit(new Submission(user, user.actor(), user.username(), source, mode, readings, null,
                identify));
    }

    /**
     * A batch as the ingest stores it.
     *
     * @param user who sends it; null for a patient's home link, whose one patient is in {@code knownPatients}
     * @param knownPatients the patients the sender may send readings for, with their dates of birth; null to look
     *        them up from the user's care teams
     * @param identify whether to answer with the stored id of each reading
     */
    record Submission(CurrentUser user, RecordAccessed.Actor actor, String receivedBy, ObservationSource source,
            BatchMode mode, List<IncomingReading> readings, Map<UUID, LocalDate> knownPatients, boolean identify) {
    }

    /**
     * A batch's outcome, the client ids it stored now (not those a retry had stored before) and, if asked, the stored
     * id of each of its client ids.
     */
    record Stored(BatchResult result, Set<String> newClientIds, Map<String, UUID> ids) {
    }

    /**
     * {@link #ingest} that also returns the stored id of each reading stored now or by an earlier attempt, by the
     * submitter's id for it (the FHIR facade answers each entry with where its Observation is).
     */
    public IdentifiedBatch ingestIdentified(CurrentUser user, ObservationSource source, BatchMode mode,
            List<IncomingReading> readings) {
        Stored stored = submit(user, source, mode, readings, true);
        return new IdentifiedBatch(stored.result(), stored.ids(), stored.newClientIds());
    }

    /** One stored reading, if the user may see its patient (else 404, as for an unknown id); the read is audited. */
    @Transactional
    public StoredReading reading(CurrentUser user, UUID id) {
        StoredReading reading = repository.stored(id)
                .orElseThrow(() -> new org.homeward.shared.NotFoundException("No reading " + id));
        patients.requireVisibleRecord(user, reading.patient(),
                () -> new org.homeward.shared.NotFoundException("No reading " + id));
        events.publishEvent(RecordAccessed.read(user, AuditedRecord.OBSERVATION, id, reading.patient(),
                "viewed a " + reading.parameter().name().toLowerCase() + " reading"));
        return reading;
    }

    /**
     * The patient's readings of these parameters taken from {@code from} to {@code to}, newest first; the read is
     * audited.
     */
    @Transactional
    public List<StoredReading> readings(CurrentUser user, PatientId patient, Set<ObservationParameter> parameters,
            Instant from, Instant to) {
        patients.requireVisible(user, patient);
        List<StoredReading> readings = parameters.isEmpty() ? List.of()
                : repository.storedBetween(patient.value(), parameters, from, to);
        events.publishEvent(RecordAccessed.read(user, AuditedRecord.OBSERVATION, null, patient,
                "listed " + readings.size() + " reading(s) from " + from + " to " + to));
        return readings;
    }

    /**
     * Readings a patient or carer sent from their personal link: stored whole or not at all, so the page can show
     * what to correct. The patient is the link's; the audit names the link, not a user.
     */
    @Transactional
    public BatchResult recordFromHome(PatientId patient, List<IncomingReading> readings) {
        requireSize(readings);
        RecordAccessed.Actor link = new RecordAccessed.Actor("home-link", null, "Patient or carer", "PATIENT_OR_CARER");
        return storeAll(List.of(new Submission(null, link, "home-link:" + patient, ObservationSource.PATIENT_OR_CARER,
                BatchMode.ALL_OR_NOTHING, readings, Map.of(patient.value(), patients.summary(patient).dateOfBirth()),
                false))).get(0).result();
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

    /**
     * Validates, stores and scores a group of batches set-wise, in the caller's transaction: one query for the
     * senders' patients (per sender), one insert for all the readings, one statement for the scoring locks, one query
     * for the touched patients' current readings, one for their Scale 2 decisions, then one {@link ObservationsScored}
     * event whose listeners (alerts, monitoring schedule) also work set-wise. Each batch is validated, refused or
     * stored as if it had come alone; the result is one per batch, in order.
     */
    List<Stored> storeAll(List<Submission> submissions) {
        Instant now = clock.instant();
        Map<String, Map<UUID, LocalDate>> visibleBySender = visiblePatients(submissions);
        List<List<IncomingReading>> valid = new ArrayList<>(submissions.size());
        List<List<BatchResult.Rejection>> rejected = new ArrayList<>(submissions.size());
        List<ObservationRepository.Row> rows = new ArrayList<>();
        for (Submission submission : submissions) {
            Map<UUID, LocalDate> known = submission.knownPatients() != null ? submission.knownPatients()
                    : visibleBySender.get(submission.receivedBy());
            List<IncomingReading> ok = new ArrayList<>();
            List<BatchResult.Rejection> refused = new ArrayList<>();
            for (int i = 0; i < submission.readings().size(); i++) {
                IncomingReading reading = submission.readings().get(i);
                BatchResult.Rejection problem = problemWith(i, reading, known.keySet(), now);
                if (problem == null) {
                    ok.add(reading);
                } else {
                    refused.add(problem);
                }
            }
            if (submission.mode() == BatchMode.ALL_OR_NOTHING && !refused.isEmpty()) {
                ok = List.of();
            }
            valid.add(ok);
            rejected.add(refused);
            ok.forEach(reading -> rows.add(new ObservationRepository.Row(reading, submission.source(),
                    submission.receivedBy())));
        }
        ObservationRepository.Inserted inserted = rows.isEmpty()
                ? new ObservationRepository.Inserted(new boolean[0], new UUID[0]) : repository.insertAll(rows, now);
        boolean[] stored = inserted.stored();
        List<Stored> results = new ArrayList<>(submissions.size());
        List<RecordAccessed> audit = new ArrayList<>();
        Map<UUID, Set<Instant>> newestOfEachBatch = new HashMap<>();
        Map<UUID, LocalDate> dateOfBirth = new HashMap<>();
        int row = 0;
        for (int s = 0; s < submissions.size(); s++) {
            Submission submission = submissions.get(s);
            int storedCount = 0;
            Map<UUID, Integer> perPatient = new TreeMap<>();
            Map<UUID, Instant> newestOfBatch = new HashMap<>();
            Set<String> newClientIds = new java.util.HashSet<>();
            Map<String, UUID> newIds = new HashMap<>();
            for (IncomingReading reading : valid.get(s)) {
                int at = row++;
                if (stored[at]) {
                    storedCount++;
                    newClientIds.add(reading.id());
                    newIds.put(reading.id(), inserted.ids()[at]);
                    perPatient.merge(reading.patientId(), 1, Integer::sum);
                    newestOfBatch.merge(reading.patientId(), reading.recordedAt(), (a, b) -> a.isAfter(b) ? a : b);
                }
            }
            Map<UUID, LocalDate> known = submission.knownPatients() != null ? submission.knownPatients()
                    : visibleBySender.get(submission.receivedBy());
            newestOfBatch.forEach((patient, newest) -> {
                newestOfEachBatch.computeIfAbsent(patient, p -> new TreeSet<>()).add(newest);
                dateOfBirth.put(patient, known.get(patient));
            });
            perPatient.forEach((patient, count) -> audit.add(RecordAccessed.created(submission.actor(),
                    AuditedRecord.OBSERVATION, null, new PatientId(patient),
                    count + " " + submission.source().name().toLowerCase() + " reading(s)")));
            int accepted = valid.get(s).size();
            results.add(new Stored(new BatchResult(storedCount, accepted - storedCount, rejected.get(s)), newClientIds,
                    newIds));
        }
        if (!audit.isEmpty()) {
            events.publishEvent(new RecordsAccessed(audit));
            score(newestOfEachBatch, dateOfBirth);
        }
        return identified(submissions, results);
    }

    /**
     * The results, with the stored id of each client id of each batch that asked for them: those it stored now are
     * known from the insert; those stored before (retries) are read, one query a sender, only when there are any.
     */
    private List<Stored> identified(List<Submission> submissions, List<Stored> results) {
        Map<String, Set<String>> storedBeforeBySender = new HashMap<>();
        for (int s = 0; s < submissions.size(); s++) {
            Submission submission = submissions.get(s);
            if (!submission.identify()) {
                continue;
            }
            Map<String, UUID> storedNow = results.get(s).ids();
            clientIds(submission.readings()).stream().filter(id -> !storedNow.containsKey(id))
                    .forEach(id -> storedBeforeBySender.computeIfAbsent(submission.receivedBy(),
                            sender -> new java.util.HashSet<>()).add(id));
        }
        Map<String, Map<String, UUID>> storedBefore = new HashMap<>();
        storedBeforeBySender.forEach((sender, ids) -> storedBefore.put(sender, repository.idsByClientId(sender, ids)));
        // a retry in the same group as its first attempt: the id the first attempt was stored with now
        Map<String, Map<String, UUID>> storedNowBySender = new HashMap<>();
        for (int s = 0; s < submissions.size(); s++) {
            storedNowBySender.computeIfAbsent(submissions.get(s).receivedBy(), sender -> new HashMap<>())
                    .putAll(results.get(s).ids());
        }
        List<Stored> identified = new ArrayList<>(results.size());
        for (int s = 0; s < submissions.size(); s++) {
            Submission submission = submissions.get(s);
            Stored result = results.get(s);
            if (!submission.identify()) {
                identified.add(new Stored(result.result(), result.newClientIds(), Map.of()));
                continue;
            }
            Map<String, UUID> before = storedBefore.getOrDefault(submission.receivedBy(), Map.of());
            Map<String, UUID> now = storedNowBySender.get(submission.receivedBy());
            Map<String, UUID> ids = new HashMap<>();
            clientIds(submission.readings()).forEach(id -> {
                UUID stored = now.containsKey(id) ? now.get(id) : before.get(id);
                if (stored != null) {
                    ids.put(id, stored);
                }
            });
            identified.add(new Stored(result.result(), result.newClientIds(), ids));
        }
        return identified;
    }

    private static Set<String> clientIds(List<IncomingReading> readings) {
        return readings.stream().filter(java.util.Objects::nonNull).map(IncomingReading::id)
                .filter(java.util.Objects::nonNull).collect(Collectors.toSet());
    }

    /**
     * Scores each patient's current set and publishes the results in this transaction, so that an alert a set causes
     * is committed with the readings or not at all. Scoring is serialised per patient by transaction-scoped locks,
     * taken for the whole batch at once in id order, so a batch sees the readings and alerts of a concurrent batch
     * that scored the same patient first, and two batches never deadlock.
     * <p>
     * A batch whose newest reading for a patient is older than that patient's current set (a set typed in after a
     * newer one, a device's backlog) is also scored as the set stood at that reading's time, and published as a late
     * set, so a deterioration recorded late still raises an alert (hazard H169). Only each batch's newest moment is
     * scored that way: a backlog's older moments were already followed by a newer reading. Batches committed together
     * are scored as they would have been one after another: the current set once, each batch's late moment on its own.
     *
     * @param newestOfEachBatch for each patient, the time of the newest reading each batch stored for them
     */
    private void score(Map<UUID, Set<Instant>> newestOfEachBatch, Map<UUID, LocalDate> dateOfBirth) {
        Set<UUID> touched = new TreeSet<>(newestOfEachBatch.keySet());
        repository.lockPatientsForScoring(touched);
        Map<UUID, List<Reading>> current = repository.latestPerParameter(touched);
        Map<UUID, ObservationSet> sets = new TreeMap<>();
        current.forEach((patient, readings) -> ObservationSet.assemble(readings).ifPresent(set -> sets.put(patient, set)));
        if (sets.isEmpty()) {
            return;
        }
        List<ObservationRepository.PatientAt> lateMoments = new ArrayList<>();
        sets.forEach((patient, set) -> newestOfEachBatch.get(patient).stream()
                .filter(newest -> newest.isBefore(set.takenAt()))
                .forEach(newest -> lateMoments.add(new ObservationRepository.PatientAt(patient, newest))));
        Map<ObservationRepository.PatientAt, List<Reading>> atLateMoments = repository.latestPerParameterAt(lateMoments);
        Map<UUID, List<ObservationSet>> lateSets = new TreeMap<>();
        lateMoments.forEach(moment -> ObservationSet.assemble(atLateMoments.getOrDefault(moment, List.of()))
                .ifPresent(late -> lateSets.computeIfAbsent(moment.patient(), p -> new ArrayList<>()).add(late)));
        Instant earliest = java.util.stream.Stream.concat(sets.values().stream(),
                        lateSets.values().stream().flatMap(List::stream))
                .map(ObservationSet::takenAt).min(Instant::compareTo).orElseThrow();
        Map<UUID, List<Scale2Decision>> scale2 = scaleDecisions.inForceSince(sets.keySet(), earliest).stream()
                .collect(Collectors.groupingBy(d -> d.patientId().value()));
        Set<UUID> childrens = onChildrensPathway(sets.keySet().stream().filter(patient -> WarningScore.pathwayDecides(
                ageOn(dateOfBirth.get(patient), sets.get(patient).takenAt()))).toList());
        List<ObservationScored> scored = new ArrayList<>(sets.size() + lateSets.size());
        sets.forEach((patient, set) -> scored.add(scoreOf(patient, set, false, dateOfBirth, scale2, childrens)));
        lateSets.forEach((patient, late) -> late.forEach(set -> scored.add(scoreOf(patient, set, true, dateOfBirth,
                scale2, childrens))));
        events.publishEvent(new ObservationsScored(scored));
    }

    private ObservationScored scoreOf(UUID patient, ObservationSet set, boolean late, Map<UUID, LocalDate> dateOfBirth,
            Map<UUID, List<Scale2Decision>> scale2, Set<UUID> childrens) {
        LocalDate observedOn = set.takenAt().atZone(clock.getZone()).toLocalDate();
        Scale2Decision decision = decisionAt(scale2.getOrDefault(patient, List.of()), set.takenAt());
        return new ObservationScored(new PatientId(patient), set.takenAt(), EarlyWarningScore.of(set,
                dateOfBirth.get(patient), observedOn, decision, childrens.contains(patient)), late);
    }

    private int ageOn(LocalDate dateOfBirth, Instant moment) {
        return PatientSummary.ageOn(dateOfBirth, moment.atZone(clock.getZone()).toLocalDate());
    }

    /**
     * Which of these patients are on a ward with the children's pathway now: asked only for 16-17s, the ages the
     * pathway decides (one query for their wards, one read per distinct ward).
     */
    private Set<UUID> onChildrensPathway(List<UUID> patientsAged16Or17) {
        if (patientsAged16Or17.isEmpty()) {
            return Set.of();
        }
        Map<PatientId, WardId> current = referrals.currentWards(patientsAged16Or17.stream().map(PatientId::new).toList());
        Map<WardId, Boolean> childrens = new java.util.HashMap<>();
        return current.entrySet().stream()
                .filter(e -> childrens.computeIfAbsent(e.getValue(), id -> wards.ward(id).isPaediatric()))
                .map(e -> e.getKey().value()).collect(Collectors.toSet());
    }

    /**
     * The score the patient is scored with today: {@link WarningScore#forPatient} by their age and, for 16-17s, their
     * current ward's pathway. Pages ask this to show the right form, the carer question and SpO2 Scale 2.
     */
    @Transactional(readOnly = true)
    public WarningScore warningScore(PatientId patient) {
        int age = patients.summary(patient).ageOn(LocalDate.now(clock));
        boolean childrens = WarningScore.pathwayDecides(age) && !onChildrensPathway(List.of(patient.value())).isEmpty();
        return WarningScore.forPatient(age, childrens);
    }

    private static Scale2Decision decisionAt(List<Scale2Decision> decisions, Instant moment) {
        return decisions.stream().filter(d -> d.appliesAt(moment)).findFirst().orElse(null);
    }

    /**
     * Documents that the patient's SpO2 is scored on NEWS2 Scale 2 from now on. RCP 2017 (Chart 1) reserves Scale 2 for
     * hypercapnic respiratory failure with a prescribed target of 88-92 %, decided by a competent clinical
     * decision-maker and recorded with who and when; scoring a patient on it who does not need it hides hypoxaemia.
     * So: senior decision-makers only, adults only (PEWS has one SpO2 table), a reason, one decision at a time.
     */
    @Transactional
    public Scale2Decision documentScale2(CurrentUser user, PatientId patient, String reason) {
        user.require(Permission.DOCUMENT_SCALE_2);
        patients.requireVisible(user, patient);
        String why = requireReason(reason);
        Instant now = clock.instant();
        if (warningScore(patient) != WarningScore.NEWS2) {
            int age = patients.summary(patient).ageOn(now.atZone(clock.getZone()).toLocalDate());
            throw new InvalidInputException("patient", "SpO2 Scale 2 is part of NEWS2; this patient is " + age
                    + " and is scored with PEWS (under 16, or 16-17 on a children's ward), which has one SpO2 table");
        }
        scaleDecisions.active(patient).ifPresent(active -> {
            throw new RefusedException("SpO2 Scale 2 is already documented for this patient by "
                    + active.documentedBy() + "; end it first to document a new decision");
        });
        Scale2Decision decision = new Scale2Decision(UUID.randomUUID(), patient, why,
                user.signature(), now, null, null, null);
        scaleDecisions.insert(decision);
        events.publishEvent(RecordAccessed.created(user, AuditedRecord.SPO2_SCALE_DECISION, decision.id(), patient,
                "documented SpO2 Scale 2: " + why));
        return decision;
    }

    /** Ends the patient's Scale 2 decision: sets taken from now on are scored on Scale 1 again. */
    @Transactional
    public Scale2Decision endScale2(CurrentUser user, PatientId patient, String reason) {
        user.require(Permission.END_SCALE_2);
        patients.requireVisible(user, patient);
        String why = requireReason(reason);
        Scale2Decision active = scaleDecisions.active(patient).orElseThrow(() -> new RefusedException(
                "SpO2 Scale 2 is not documented for this patient, so there is nothing to end"));
        Instant now = clock.instant();
        String by = user.signature();
        if (!scaleDecisions.end(patient, by, now, why)) {
            throw new RefusedException("Someone else ended this patient's SpO2 Scale 2 decision a moment ago");
        }
        events.publishEvent(RecordAccessed.updated(user, AuditedRecord.SPO2_SCALE_DECISION, active.id(), patient,
                "ended SpO2 Scale 2: " + why));
        return new Scale2Decision(active.id(), patient, active.reason(), active.documentedBy(), active.documentedAt(),
                by, now, why);
    }

    /** The patient's SpO2 scale decisions, newest first (the active one, if any, first). */
    @Transactional
    public List<Scale2Decision> scale2Decisions(CurrentUser user, PatientId patient) {
        patients.requireVisible(user, patient);
        List<Scale2Decision> decisions = scaleDecisions.history(patient);
        events.publishEvent(RecordAccessed.read(user, AuditedRecord.SPO2_SCALE_DECISION, null, patient,
                "viewed " + decisions.size() + " SpO2 scale decision(s)"));
        return decisions;
    }

    private static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "Give the reason, e.g. the documented hypercapnic respiratory "
                    + "failure and the prescribed target range");
        }
        if (reason.strip().length() > 500) {
            throw new InvalidInputException("reason", "The reason must be at most 500 characters, got "
                    + reason.strip().length());
        }
        return reason.strip();
    }

    /**
     * The patient's scored sets over the last {@code days}, oldest first: each reading's moment, with the set as it
     * stood then (each parameter's latest reading within the window before it). Reading the chart is audited.
     */
    @Transactional
    public List<ScoredSet> history(CurrentUser user, PatientId patient, int days) {
        return scoredBetween(user, patient, clock.instant().minus(Duration.ofDays(days)), null);
    }

    /**
     * The patient's scored sets taken from {@code since} to {@code until} (null: up to now), oldest first, each as in
     * {@link #history}. Reading them is audited.
     */
    @Transactional
    public List<ScoredSet> scoredBetween(CurrentUser user, PatientId patient, Instant since, Instant until) {
        patients.requireVisible(user, patient);
        List<Reading> readings = until == null ? repository.readingsSince(patient, since)
                : repository.readingsBetween(patient.value(), since, until);
        List<ScoredSet> history = scoreEachMoment(patient, readings, since, since);
        events.publishEvent(RecordAccessed.read(user, AuditedRecord.OBSERVATION_CHART, null, patient,
                "viewed " + history.size() + " scored sets"));
        return history;
    }

    /**
     * The newest of a patient's readings and scored sets from {@code from} to {@code to}, reading only what they
     * need however long the history: the newest {@code limit} readings of these parameters, and any other taken at
     * the same time as the last of them (newest first, then by parameter), with how many there are; and, if
     * {@code wanted} is given, the newest {@code limit} scored sets it accepts, each exactly as {@link #scoredBetween}
     * scores it over the same range (newest first), with how many there are when that is known without scoring the
     * whole range (null otherwise: then there are more than {@code limit}). Reading them is audited as
     * {@link #readings} and {@link #scoredBetween} audit theirs.
     *
     * @param wanted which scored sets count (e.g. scored ones of one score); null for none
     */
    @Transactional
    public NewestObservations newest(CurrentUser user, PatientId patient, Set<ObservationParameter> parameters,
            java.util.function.Predicate<ScoredSet> wanted, Instant from, Instant to, int limit) {
        patients.requireVisible(user, patient);
        int count = Math.max(1, limit);
        List<StoredReading> readings = parameters.isEmpty() ? List.of()
                : repository.newestStored(patient.value(), parameters, from, to, count);
        // fewer than asked for: that is all of them
        int readingCount = parameters.isEmpty() ? 0 : readings.size() < count ? readings.size()
                : repository.countBetween(patient.value(), parameters, from, to);
        events.publishEvent(RecordAccessed.read(user, AuditedRecord.OBSERVATION, null, patient,
                "listed the newest " + readings.size() + " of " + readingCount + " reading(s) from " + from + " to "
                        + to));
        if (wanted == null) {
            return new NewestObservations(readings, readingCount, List.of(), 0);
        }
        // score the newest moments, going further back only while too few of their sets are wanted
        int moments = count;
        while (true) {
            List<Instant> newestMoments = repository.newestMoments(patient.value(), from, to, moments);
            boolean whole = newestMoments.size() < moments;
            List<ScoredSet> sets = new ArrayList<>();
            if (!newestMoments.isEmpty()) {
                Instant oldest = newestMoments.get(newestMoments.size() - 1);
                Instant readFrom = oldest.minus(ObservationSet.WINDOW).isBefore(from) ? from
                        : oldest.minus(ObservationSet.WINDOW);
                scoreEachMoment(patient, repository.readingsBetween(patient.value(), readFrom, to), oldest, from)
                        .stream().filter(wanted).forEach(sets::add);
            }
            if (whole || sets.size() >= count) {
                java.util.Collections.reverse(sets);
                List<ScoredSet> newestSets = sets.size() > count ? List.copyOf(sets.subList(0, count)) : sets;
                events.publishEvent(RecordAccessed.read(user, AuditedRecord.OBSERVATION_CHART, null, patient,
                        "viewed the newest " + newestSets.size() + " scored sets from " + from + " to " + to));
                return new NewestObservations(readings, readingCount, newestSets, whole ? sets.size() : null);
            }
            moments = moments > Integer.MAX_VALUE / 2 ? Integer.MAX_VALUE : moments * 2;
        }
    }

    /**
     * Scores the set as it stood at each distinct reading time from {@code firstMoment} on (each parameter's latest
     * reading within the window before it, among these readings), oldest first: the chart's one way of scoring a
     * range.
     *
     * @param readings oldest first, from {@link ObservationSet#WINDOW} before {@code firstMoment} (or the range's
     *        start) to the range's end
     * @param decisionsSince the range's start, from which the Scale 2 decisions in force are read
     */
    private List<ScoredSet> scoreEachMoment(PatientId patient, List<Reading> readings, Instant firstMoment,
            Instant decisionsSince) {
        LocalDate dateOfBirth = patients.summary(patient).dateOfBirth();
        List<Scale2Decision> decisions = scaleDecisions.inForceSince(List.of(patient.value()), decisionsSince);
        boolean childrens = !onChildrensPathway(List.of(patient.value())).isEmpty();
        List<ScoredSet> history = new ArrayList<>();
        // readings come oldest first: slide a window of readings from WINDOW before each moment up to it, instead
        // of filtering every reading for every moment
        int from = 0;
        int to = 0;
        for (Instant moment : readings.stream().map(Reading::recordedAt).distinct().toList()) {
            while (to < readings.size() && !readings.get(to).recordedAt().isAfter(moment)) {
                to++;
            }
            if (moment.isBefore(firstMoment)) {
                continue;
            }
            Instant windowStart = moment.minus(ObservationSet.WINDOW);
            while (readings.get(from).recordedAt().isBefore(windowStart)) {
                from++;
            }
            ObservationSet.assemble(readings.subList(from, to)).ifPresent(set -> history.add(
                    scored(set, dateOfBirth, decisionAt(decisions, set.takenAt()), childrens)));
        }
        return history;
    }

    /**
     * The set as it stood at {@code takenAt} (each parameter's latest reading within the window before it), scored as
     * the chart scores it; empty when no reading was taken at that moment. Reading it is audited.
     */
    @Transactional
    public java.util.Optional<ScoredSet> setAt(CurrentUser user, PatientId patient, Instant takenAt) {
        patients.requireVisible(user, patient);
        LocalDate dateOfBirth = patients.summary(patient).dateOfBirth();
        List<Reading> readings = repository.readingsSince(patient, takenAt.minus(ObservationSet.WINDOW)).stream()
                .filter(r -> !r.recordedAt().isAfter(takenAt)).toList();
        if (readings.stream().noneMatch(r -> r.recordedAt().equals(takenAt))) {
            return java.util.Optional.empty();
        }
        List<Scale2Decision> decisions = scaleDecisions.inForceSince(List.of(patient.value()), takenAt);
        boolean childrens = !onChildrensPathway(List.of(patient.value())).isEmpty();
        java.util.Optional<ScoredSet> set = ObservationSet.assemble(readings)
                .map(s -> scored(s, dateOfBirth, decisionAt(decisions, s.takenAt()), childrens));
        events.publishEvent(RecordAccessed.read(user, AuditedRecord.OBSERVATION_SET, null, patient,
                "viewed the set taken at " + takenAt));
        return set;
    }

    /** One chart point, scored with the ward pathway the patient is on now (the chart is read during the stay). */
    private ScoredSet scored(ObservationSet set, LocalDate dateOfBirth, Scale2Decision scale2, boolean childrens) {
        EarlyWarningScore score = EarlyWarningScore.of(set, dateOfBirth, set.takenAt().atZone(clock.getZone()).toLocalDate(),
                scale2, childrens);
        Map<ObservationParameter, String> values = new java.util.EnumMap<>(ObservationParameter.class);
        set.readings().forEach((parameter, reading) -> values.put(parameter,
                reading.code() != null ? reading.code() : java.math.BigDecimal.valueOf(reading.value()).stripTrailingZeros().toPlainString()));
        if (!score.scored()) {
            return new ScoredSet(set.takenAt(), ScoredSet.NO_SCORE, 0, true,
                    "No score: nothing the score uses was recorded", 0, values, false, "");
        }
        if (score.news2() != null) {
            var r = score.news2();
            int band = r.total() >= 7 ? 3 : r.total() >= 5 ? 2 : (r.total() >= 1 || r.redScore()) ? 1 : 0;
            return new ScoredSet(set.takenAt(), score.scoreName(), r.total(), r.partial(), r.risk().label(), band, values,
                    true, r.response().clinicalResponse() + ". Monitoring: " + r.response().monitoring().toLowerCase()
                            + ".");
        }
        var p = score.pews();
        int band = Math.min(3, p.level().ordinal());
        return new ScoredSet(set.takenAt(), "PEWS", p.total(), p.partial(), p.level().label(), band, values, true,
                p.level().communication() + ". Medical review: " + p.level().medicalReview().toLowerCase()
                        + ". Observations: " + p.level().observations().toLowerCase() + ".");
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
     * For each sender in the group (by who they are; the home link brings its own patient), the date of birth of each
     * patient in their batches they may submit readings for: one query a sender.
     */
    private Map<String, Map<UUID, LocalDate>> visiblePatients(List<Submission> submissions) {
        Map<String, CurrentUser> senders = new HashMap<>();
        Map<String, Set<PatientId>> asked = new HashMap<>();
        for (Submission submission : submissions) {
            if (submission.knownPatients() != null) {
                continue;
            }
            senders.putIfAbsent(submission.receivedBy(), submission.user());
            Set<PatientId> ids = asked.computeIfAbsent(submission.receivedBy(), sender -> new java.util.HashSet<>());
            submission.readings().stream().filter(r -> r != null && r.patientId() != null)
                    .forEach(r -> ids.add(new PatientId(r.patientId())));
        }
        Map<String, Map<UUID, LocalDate>> visible = new HashMap<>();
        asked.forEach((sender, ids) -> visible.put(sender, patients.visibleSummaries(senders.get(sender), ids).stream()
                .collect(Collectors.toMap(p -> p.id().value(), PatientSummary::dateOfBirth))));
        return visible;
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
