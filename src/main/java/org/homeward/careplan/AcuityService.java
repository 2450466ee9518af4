package org.homeward.careplan;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.homeward.patient.PatientService;
import org.homeward.referral.ReferralService;
import org.homeward.referral.ServiceCensus;
import org.homeward.referral.WardOccupancy;
import org.homeward.security.CurrentUser;
import org.homeward.security.Permission;
import org.homeward.shared.AuditedRecord;
import org.homeward.shared.InvalidInputException;
import org.homeward.shared.NotFoundException;
import org.homeward.shared.PatientId;
import org.homeward.shared.RecordAccessed;
import org.homeward.shared.RefusedException;
import org.homeward.shared.WardId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Acuity and criteria to reside (spec 3.11, 3.14): the public API. A clinician or senior of the care team records a
 * patient's assessment each day from the rows of the acuity tool (interventions, professional input, condition) and
 * the criteria to reside; it gives a level (1 low to 4 very high), which orders the board round, suggests visits a day
 * and weighs the ward's capacity. The tool's rows and bands are data a service administrator changes; each assessment
 * keeps the rows as it asked them. Several assessments on one day are all kept; the latest counts.
 */
@Service
public class AcuityService {

    /** How far back capacity figures look for a patient's latest assessment. */
    static final Duration CAPACITY_LOOKBACK = Duration.ofDays(60);
    private static final Pattern CODE = Pattern.compile("^[A-Z][A-Z0-9_]{1,39}$");

    private final AcuityRepository repository;
    private final PatientService patients;
    private final ReferralService referrals;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AcuityService(AcuityRepository repository, PatientService patients, ReferralService referrals,
            ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.patients = patients;
        this.referrals = referrals;
        this.events = events;
        this.clock = clock;
    }

    // the tool ------------------------------------------------------------------------------------------------------

    /** The tool as it stands: every row (retired ones marked) and the level bands. No patient data. */
    @Transactional(readOnly = true)
    public AcuityTool tool() {
        return new AcuityTool(repository.rows(), repository.bands());
    }

    /** Adds a row to the tool; assessments from now on ask it. */
    @Transactional
    public AcuityToolRow addRow(CurrentUser user, AddAcuityToolRow command) {
        user.require(Permission.MANAGE_ACUITY_TOOL);
        if (command == null) {
            throw new InvalidInputException("code", "is required");
        }
        String code = command.code() == null ? null : command.code().strip();
        if (code == null || code.isEmpty()) {
            throw new InvalidInputException("code", "is required");
        }
        if (!CODE.matcher(code).matches()) {
            throw new InvalidInputException("code", "must be 2 to 40 capital letters, digits or underscores, "
                    + "starting with a letter");
        }
        if (command.group() == null) {
            throw new InvalidInputException("group", "is required");
        }
        String question = required("question", command.question(), 300);
        if (command.weight() == null) {
            throw new InvalidInputException("weight", "is required");
        }
        checkWeight(command.group(), command.weight(), command.floorLevel());
        String reason = required("reason", command.reason(), 500);
        if (repository.row(code).isPresent()) {
            throw new RefusedException("The acuity tool already has a row " + code + "; change that row instead");
        }
        int order = command.order() != null ? command.order()
                : repository.rows().stream().mapToInt(AcuityToolRow::order).max().orElse(0) + 10;
        AcuityToolRow row = new AcuityToolRow(code, command.group(), question, command.weight(),
                command.floorLevel(), true, order, 1, user.username(), clock.instant());
        repository.insertRow(row, reason);
        events.publishEvent(RecordAccessed.created(user, AuditedRecord.ACUITY_TOOL, code, null,
                "added acuity tool row " + code + " (" + command.group().label() + ", weight " + row.weight()
                        + "): " + reason));
        return row;
    }

    /** Rewords, reweights, retires, restores or moves a row; past assessments keep the row as they asked it. */
    @Transactional
    public AcuityToolRow changeRow(CurrentUser user, String code, ChangeAcuityToolRow command) {
        user.require(Permission.MANAGE_ACUITY_TOOL);
        AcuityToolRow current = repository.rowForUpdate(code)
                .orElseThrow(() -> new NotFoundException("The acuity tool has no row " + code));
        if (command == null) {
            throw new InvalidInputException("reason", "is required");
        }
        String question = command.question() == null ? current.question() : required("question", command.question(), 300);
        int weight = command.weight() == null ? current.weight() : command.weight();
        Integer floor = Boolean.TRUE.equals(command.clearFloor()) ? null
                : command.floorLevel() != null ? command.floorLevel() : current.floorLevel();
        checkWeight(current.group(), weight, floor);
        boolean active = command.active() == null ? current.active() : command.active();
        int order = command.order() == null ? current.order() : command.order();
        String reason = required("reason", command.reason(), 500);
        AcuityToolRow changed = new AcuityToolRow(code, current.group(), question, weight, floor, active, order,
                current.version() + 1, user.username(), clock.instant());
        if (changed.question().equals(current.question()) && changed.weight() == current.weight()
                && Objects.equals(changed.floorLevel(), current.floorLevel()) && changed.active() == current.active()
                && changed.order() == current.order()) {
            throw new RefusedException("This change leaves row " + code + " as it is");
        }
        repository.updateRow(changed, reason);
        events.publishEvent(RecordAccessed.updated(user, AuditedRecord.ACUITY_TOOL, code, null,
                "changed acuity tool row " + code + " to version " + changed.version() + describe(current, changed)
                        + ": " + reason));
        return changed;
    }

    private static String describe(AcuityToolRow before, AcuityToolRow after) {
        List<String> parts = new ArrayList<>();
        if (!before.question().equals(after.question())) {
            parts.add("reworded");
        }
        if (before.weight() != after.weight()) {
            parts.add("weight " + before.weight() + " to " + after.weight());
        }
        if (!Objects.equals(before.floorLevel(), after.floorLevel())) {
            parts.add("floor " + before.floorLevel() + " to " + after.floorLevel());
        }
        if (before.active() != after.active()) {
            parts.add(after.active() ? "restored" : "retired");
        }
        if (before.order() != after.order()) {
            parts.add("moved");
        }
        return " (" + String.join(", ", parts) + ")";
    }

    private static void checkWeight(AcuityGroup group, int weight, Integer floor) {
        if (weight < 0 || weight > 10) {
            throw new InvalidInputException("weight", "must be from 0 to 10");
        }
        if (floor != null && (floor < AcuityLevels.LOWEST || floor > AcuityLevels.HIGHEST)) {
            throw new InvalidInputException("floorLevel", "must be a level from 1 to 4");
        }
        if (!group.scored() && weight != 0) {
            throw new InvalidInputException("weight", "must be 0 for a criterion to reside, which is never scored");
        }
        if (!group.scored() && floor != null) {
            throw new InvalidInputException("floorLevel", "cannot be set for a criterion to reside");
        }
    }

    // assessments -----------------------------------------------------------------------------------------------------

    /**
     * Records an admitted patient's assessment: every active row answered, none other. The level is worked out by
     * {@link AcuityLevels#scoredLevel}, raised by judgement when asked with a reason.
     */
    @Transactional
    public AcuityAssessment assess(CurrentUser user, PatientId patient, RecordAcuityAssessment command) {
        user.require(Permission.ASSESS_ACUITY);
        patients.requireVisible(user, patient);
        if (referrals.currentWard(patient).isEmpty()) {
            throw new RefusedException("This patient is not admitted to a virtual ward, so their acuity is not "
                    + "assessed");
        }
        if (command == null || command.answers() == null) {
            throw new InvalidInputException("answers", "is required: an answer for every row of the acuity tool");
        }
        AcuityTool tool = tool();
        Map<String, AcuityToolRow> byCode = tool.rows().stream()
                .collect(Collectors.toMap(AcuityToolRow::code, r -> r));
        for (Map.Entry<String, Boolean> given : command.answers().entrySet()) {
            AcuityToolRow row = byCode.get(given.getKey());
            if (row == null) {
                throw new InvalidInputException("answers." + given.getKey(), "is not a row of the acuity tool");
            }
            if (!row.active()) {
                throw new InvalidInputException("answers." + given.getKey(), "was retired from the acuity tool and "
                        + "is no longer asked");
            }
            if (given.getValue() == null) {
                throw new InvalidInputException("answers." + given.getKey(), "must be true or false");
            }
        }
        List<AcuityAnswer> answers = new ArrayList<>();
        for (AcuityToolRow row : tool.activeRows()) {
            Boolean answer = command.answers().get(row.code());
            if (answer == null) {
                throw new InvalidInputException("answers." + row.code(), "needs an answer: " + row.question());
            }
            answers.add(new AcuityAnswer(row.code(), row.version(), row.group(), row.question(), row.weight(),
                    row.floorLevel(), row.order(), answer));
        }
        int score = answers.stream().filter(a -> a.answer() && a.group().scored()).mapToInt(AcuityAnswer::weight)
                .sum();
        int floor = answers.stream().filter(a -> a.answer() && a.floorLevel() != null)
                .mapToInt(AcuityAnswer::floorLevel).max().orElse(0);
        int scored = AcuityLevels.scoredLevel(score, floor, tool.bands());
        int level = scored;
        String raisedReason = null;
        if (command.raisedToLevel() != null) {
            int raised = command.raisedToLevel();
            if (raised < AcuityLevels.LOWEST || raised > AcuityLevels.HIGHEST) {
                throw new InvalidInputException("raisedToLevel", "must be a level from 1 to 4");
            }
            if (raised < scored) {
                throw new InvalidInputException("raisedToLevel", "cannot lower the scored level " + scored
                        + ": judgement may raise the level, never lower it");
            }
            if (raised > scored) {
                level = raised;
                raisedReason = required("raisedReason", command.raisedReason(), 500);
            }
        }
        String note = optional("note", command.note(), 1000);
        AcuityBand band = tool.band(level);
        boolean meets = answers.stream().anyMatch(a -> a.group() == AcuityGroup.CRITERIA_TO_RESIDE && a.answer());
        Instant now = clock.instant();
        AcuityAssessment assessment = new AcuityAssessment(UUID.randomUUID(), patient, LocalDate.now(clock), now,
                user.username(), user.displayName(), score, scored, level, band.label(), raisedReason,
                band.visitsPerDay(), band.capacityWeight(), meets, note, answers);
        repository.insert(assessment);
        events.publishEvent(RecordAccessed.created(user, AuditedRecord.ACUITY_ASSESSMENT, assessment.id(), patient,
                "recorded acuity " + assessment.levelWords() + " (score " + score + ")"
                        + (raisedReason == null ? "" : ", raised by judgement from level " + scored)
                        + "; meets criteria to reside: " + (meets ? "yes" : "no")));
        return assessment;
    }

    /** The patient's assessments, newest first, with the rows as each asked them. */
    @Transactional
    public List<AcuityAssessment> assessments(CurrentUser user, PatientId patient) {
        return assessmentsSince(user, patient, null);
    }

    /** The patient's assessments of today and the {@code days} - 1 days before it, newest first. */
    @Transactional
    public List<AcuityAssessment> recentAssessments(CurrentUser user, PatientId patient, int days) {
        Instant since = LocalDate.now(clock).minusDays(days - 1L).atStartOfDay(clock.getZone()).toInstant();
        return assessmentsSince(user, patient, since);
    }

    private List<AcuityAssessment> assessmentsSince(CurrentUser user, PatientId patient, Instant since) {
        patients.requireVisible(user, patient);
        List<AcuityAssessment> found = repository.ofPatient(patient, since);
        events.publishEvent(RecordAccessed.read(user, AuditedRecord.ACUITY_ASSESSMENT, null, patient,
                "viewed " + found.size() + " acuity assessment(s)"));
        return found;
    }

    /**
     * Each of these patients' latest assessment (the board round orders by its level); patients never assessed are
     * left out. No user and no audit: callers check the asker's access and audit what they show.
     */
    @Transactional(readOnly = true)
    public Map<PatientId, AcuityAssessment> latest(Collection<PatientId> patients) {
        return repository.latest(patients);
    }

    /**
     * Each of these patients' latest assessment as the board round shows it (level, criteria to reside met and how
     * many), in one query without the answers; patients never assessed are left out. No user and no audit, as
     * {@link #latest}.
     */
    @Transactional(readOnly = true)
    public Map<PatientId, LatestAcuity> latestForBoard(Collection<PatientId> patients) {
        return repository.latestForBoard(patients);
    }

    /**
     * Only the level of each of these patients' latest assessment (what orders the board round), read from the index
     * on patient and time without the assessment rows; patients never assessed are left out. No user and no audit, as
     * {@link #latest}.
     */
    @Transactional(readOnly = true)
    public Map<PatientId, Integer> latestLevels(Collection<PatientId> patients) {
        return repository.latestLevels(patients);
    }

    // capacity --------------------------------------------------------------------------------------------------------

    /** Every ward's acuity-weighted capacity today: numbers only. */
    @Transactional(readOnly = true)
    public List<WardAcuityCapacity> capacity(CurrentUser user) {
        user.require(Permission.SEE_ACUITY_CAPACITY);
        ServiceCensus census = referrals.serviceCensus(user);
        AcuityTool tool = tool();
        int standard = tool.standardWeight();
        LocalDate today = LocalDate.now(clock);
        Map<PatientId, AcuityAssessment> latest = new HashMap<>();
        repository.latestSince(clock.instant().minus(CAPACITY_LOOKBACK)).forEach(a -> latest.put(a.patientId(), a));
        Map<PatientId, WardId> wards = referrals.currentWards(latest.keySet());
        Map<PatientId, Instant> admitted = referrals.admissionTimes(wards.keySet());
        Map<WardId, List<AcuityAssessment>> byWard = new HashMap<>();
        wards.forEach((patient, ward) -> {
            AcuityAssessment a = latest.get(patient);
            Instant since = admitted.get(patient);
            if (since != null && !a.assessedAt().isBefore(since)) {
                byWard.computeIfAbsent(ward, w -> new ArrayList<>()).add(a);
            }
        });
        List<WardAcuityCapacity> capacity = new ArrayList<>();
        for (WardOccupancy ward : census.wards()) {
            List<AcuityAssessment> assessed = byWard.getOrDefault(ward.ward().id(), List.of());
            Map<Integer, Integer> byLevel = new LinkedHashMap<>();
            for (int level = AcuityLevels.LOWEST; level <= AcuityLevels.HIGHEST; level++) {
                int l = level;
                byLevel.put(level, (int) assessed.stream().filter(a -> a.level() == l).count());
            }
            int notAssessed = Math.max(0, ward.occupied() - assessed.size());
            int assessedToday = (int) assessed.stream().filter(a -> a.assessedOn().equals(today)).count();
            int points = assessed.stream().mapToInt(AcuityAssessment::capacityWeight).sum() + notAssessed * standard;
            int capacityPoints = ward.capacity() * standard;
            capacity.add(new WardAcuityCapacity(ward.ward().id(), ward.ward().name(), ward.capacity(),
                    ward.occupied(), capacityPoints, points, byLevel, notAssessed,
                    Math.max(0, ward.occupied() - assessedToday),
                    capacityPoints == 0 ? 0 : Math.round(1000.0 * points / capacityPoints) / 10.0));
        }
        return capacity;
    }

    /** One ward's acuity-weighted capacity today. */
    @Transactional(readOnly = true)
    public WardAcuityCapacity capacity(CurrentUser user, WardId ward) {
        return capacity(user).stream().filter(c -> c.wardId().equals(ward)).findFirst()
                .orElseThrow(() -> new NotFoundException("No virtual ward with id " + ward));
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    // helpers -----------------------------------------------------------------------------------------------------

    private static String required(String field, String text, int max) {
        String value = optional(field, text, max);
        if (value == null) {
            throw new InvalidInputException(field, "is required");
        }
        return value;
    }

    private static String optional(String field, String text, int max) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        if (value.length() > max) {
            throw new InvalidInputException(field, "must be at most " + max + " characters");
        }
        return value;
    }
}
