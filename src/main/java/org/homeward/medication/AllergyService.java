package org.homeward.medication;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.homeward.patient.PatientService;
import org.homeward.security.CurrentUser;
import org.homeward.security.Permission;
import org.homeward.shared.AuditedRecord;
import org.homeward.shared.InvalidInputException;
import org.homeward.shared.NotFoundException;
import org.homeward.shared.PatientId;
import org.homeward.shared.RecordAccessed;
import org.homeward.shared.RefusedException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Allergies and adverse reactions, the statement of no known allergies, and weights: recorded by clinical members of
 * the patient's care team ({@link Permission#RECORD_ALLERGIES}, {@link Permission#RECORD_WEIGHT}) and read by every
 * organisation in it. An allergy is corrected or entered in error with a reason, every version kept; nothing is
 * deleted. Recording an allergy supersedes a statement of no known allergies; a statement of none is refused while an
 * allergy is in force. Every read and change is audited.
 */
@Service
public class AllergyService {

    static final int MAX_TEXT = 1000;
    static final int MAX_REASON = 500;
    static final BigDecimal MAX_WEIGHT_KG = new BigDecimal("400");

    private final AllergyRepository allergies;
    private final FormularyService formulary;
    private final PatientService patients;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AllergyService(AllergyRepository allergies, FormularyService formulary, PatientService patients,
            ApplicationEventPublisher events, Clock clock) {
        this.allergies = allergies;
        this.formulary = formulary;
        this.patients = patients;
        this.events = events;
        this.clock = clock;
    }

    /** Records an allergy or adverse reaction; a statement of no known allergies in force is superseded by it. */
    @Transactional
    public Allergy record(CurrentUser user, PatientId patient, RecordAllergy command) {
        user.require(Permission.RECORD_ALLERGIES);
        patients.requireVisible(user, patient);
        allergies.lockPatient(patient);
        Instant now = now();
        UUID id = UUID.randomUUID();
        Allergy allergy = checked(command, id, patient, 1, false, RecordedBy.of(user), now, now, null);
        allergies.insert(id, patient, now);
        allergies.insertVersion(allergy);
        allergies.supersedeStatements(patient, id, now);
        events.publishEvent(RecordAccessed.created(user, AuditedRecord.ALLERGY, id, patient, "recorded "
                + allergy.kind().label().toLowerCase() + ": " + allergy.words()));
        return allergy;
    }

    /** Corrects an allergy: the whole allergy as it should now read, and the reason; the earlier version is kept. */
    @Transactional
    public Allergy correct(CurrentUser user, UUID allergyId, RecordAllergy command) {
        user.require(Permission.RECORD_ALLERGIES);
        Allergy current = visible(user, allergyId);
        if (current.enteredInError()) {
            throw new RefusedException("This allergy was entered in error: record the allergy again instead");
        }
        String reason = reason(command == null ? null : command.reason());
        Allergy corrected = checked(command, allergyId, current.patientId(), current.version() + 1, false,
                RecordedBy.of(user), now(), current.firstRecordedAt(), reason);
        allergies.insertVersion(corrected);
        events.publishEvent(RecordAccessed.updated(user, AuditedRecord.ALLERGY, allergyId, current.patientId(),
                "corrected an allergy (version " + corrected.version() + "): " + reason));
        return corrected;
    }

    /** Marks an allergy entered in error, with the reason: kept and shown as such, no longer used by the checks. */
    @Transactional
    public Allergy enterInError(CurrentUser user, UUID allergyId, String why) {
        user.require(Permission.RECORD_ALLERGIES);
        Allergy current = visible(user, allergyId);
        if (current.enteredInError()) {
            throw new RefusedException("This allergy is already marked as entered in error");
        }
        String reason = reason(why);
        Allergy marked = new Allergy(allergyId, current.patientId(), current.version() + 1, current.substance(),
                current.formularyEntryId(), current.substanceClass(), current.reaction(), current.severity(),
                current.certainty(), current.kind(), true, RecordedBy.of(user), now(), current.firstRecordedAt(),
                reason);
        allergies.insertVersion(marked);
        events.publishEvent(RecordAccessed.updated(user, AuditedRecord.ALLERGY, allergyId, current.patientId(),
                "marked an allergy entered in error: " + reason));
        return marked;
    }

    /** Records that the patient has no known allergies; refused (409) while an allergy is in force. */
    @Transactional
    public NoKnownAllergies recordNoKnownAllergies(CurrentUser user, PatientId patient) {
        user.require(Permission.RECORD_ALLERGIES);
        patients.requireVisible(user, patient);
        allergies.lockPatient(patient);
        if (allergies.hasAllergyInForce(patient)) {
            throw new RefusedException("The patient has allergies recorded: mark each entered in error first if "
                    + "they were wrong, then record no known allergies");
        }
        Instant now = now();
        UUID id = UUID.randomUUID();
        allergies.supersedeStatements(patient, null, now);
        RecordedBy by = RecordedBy.of(user);
        allergies.insertStatement(id, patient, by, now);
        events.publishEvent(RecordAccessed.created(user, AuditedRecord.ALLERGY, id, patient,
                "recorded no known allergies"));
        return new NoKnownAllergies(id, by, now, null);
    }

    /** The patient's allergies and their status, for anyone in the care team. */
    @Transactional
    public PatientAllergies allergiesOf(CurrentUser user, PatientId patient) {
        patients.requireVisible(user, patient);
        PatientAllergies found = allergiesOf(patient);
        events.publishEvent(RecordAccessed.read(user, AuditedRecord.ALLERGY, null, patient,
                "viewed allergies: " + found.status().label().toLowerCase()));
        return found;
    }

    /** An allergy as it reads now (entered in error or not), for anyone in the patient's care team; audited. */
    @Transactional
    public Allergy allergy(CurrentUser user, UUID allergyId) {
        Allergy allergy = allergies.find(allergyId)
                .orElseThrow(() -> new NotFoundException("No allergy with id " + allergyId));
        patients.requireVisible(user, allergy.patientId());
        events.publishEvent(RecordAccessed.read(user, AuditedRecord.ALLERGY, allergyId, allergy.patientId(),
                "viewed an allergy"));
        return allergy;
    }

    /**
     * A statement of no known allergies by its id (in force or superseded), with whose record it is on, for anyone in
     * that patient's care team; audited.
     */
    @Transactional
    public NoKnownAllergiesOnRecord noKnownAllergies(CurrentUser user, UUID statementId) {
        PatientId patient = allergies.patientOfStatement(statementId)
                .orElseThrow(() -> new NotFoundException("No statement of no known allergies with id " + statementId));
        patients.requireVisible(user, patient);
        events.publishEvent(RecordAccessed.read(user, AuditedRecord.ALLERGY, statementId, patient,
                "viewed a statement of no known allergies"));
        return new NoKnownAllergiesOnRecord(patient, allergies.statement(statementId).orElseThrow());
    }

    /** Every version of an allergy, first first. */
    @Transactional
    public List<Allergy> history(CurrentUser user, UUID allergyId) {
        Allergy current = visible(user, allergyId);
        events.publishEvent(RecordAccessed.read(user, AuditedRecord.ALLERGY, allergyId, current.patientId(),
                "viewed the history of an allergy"));
        return allergies.versions(allergyId);
    }

    /**
     * Every version of each of the patient's allergies (in force and entered in error), by allergy id, first version
     * first: for the medicines page to show each allergy's history. One audit line for them all.
     */
    @Transactional
    public Map<UUID, List<Allergy>> historiesOf(CurrentUser user, PatientId patient) {
        patients.requireVisible(user, patient);
        Map<UUID, List<Allergy>> histories = new LinkedHashMap<>();
        allergies.versionsOfPatient(patient)
                .forEach(v -> histories.computeIfAbsent(v.id(), id -> new ArrayList<>()).add(v));
        events.publishEvent(RecordAccessed.read(user, AuditedRecord.ALLERGY, null, patient,
                "viewed the history of " + histories.size() + " allerg" + (histories.size() == 1 ? "y" : "ies")));
        return histories;
    }

    /**
     * The patient's allergies and status, unchecked and unaudited: for the banner (whose page checked access) and for
     * prescribing (which has checked it).
     */
    @Transactional(readOnly = true)
    public PatientAllergies allergiesOf(PatientId patient) {
        List<Allergy> all = allergies.ofPatient(patient);
        List<Allergy> inForce = all.stream().filter(a -> !a.enteredInError()).toList();
        List<Allergy> inError = all.stream().filter(Allergy::enteredInError).toList();
        Optional<NoKnownAllergies> statement = allergies.statementInForce(patient);
        AllergyStatus status = !inForce.isEmpty() ? AllergyStatus.HAS_ALLERGIES
                : statement.isPresent() ? AllergyStatus.NO_KNOWN_ALLERGIES : AllergyStatus.NOT_RECORDED;
        return new PatientAllergies(patient, status, inForce, inError, statement.orElse(null));
    }

    /** Records a weight in kilograms, measured today or on a day not in the future. */
    @Transactional
    public Weight recordWeight(CurrentUser user, PatientId patient, RecordWeight command) {
        user.require(Permission.RECORD_WEIGHT);
        patients.requireVisible(user, patient);
        if (command == null || command.weightKg() == null || command.weightKg().signum() <= 0
                || command.weightKg().compareTo(MAX_WEIGHT_KG) > 0) {
            throw new InvalidInputException("weightKg", "Give the weight in kilograms: above 0 and at most 400");
        }
        if (command.weightKg().scale() > 2) {
            throw new InvalidInputException("weightKg", "Give the weight to at most 2 decimal places");
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate measured = command.measuredOn() == null ? today : command.measuredOn();
        if (measured.isAfter(today)) {
            throw new InvalidInputException("measuredOn", "The day the weight was measured must not be in the future");
        }
        Instant now = now();
        UUID id = UUID.randomUUID();
        RecordedBy by = RecordedBy.of(user);
        allergies.insertWeight(id, patient, command.weightKg(), measured, by, now);
        events.publishEvent(RecordAccessed.created(user, AuditedRecord.PATIENT_WEIGHT, id, patient,
                "recorded a weight of " + command.weightKg().toPlainString() + " kg"));
        return new Weight(id, command.weightKg(), measured, by.name(), now);
    }

    /** The patient's weights, latest measured first. */
    @Transactional
    public List<Weight> weightsOf(CurrentUser user, PatientId patient) {
        patients.requireVisible(user, patient);
        List<Weight> found = allergies.weights(patient);
        events.publishEvent(RecordAccessed.read(user, AuditedRecord.PATIENT_WEIGHT, null, patient,
                "viewed " + found.size() + " weight(s)"));
        return found;
    }

    /** The latest weight, unchecked and unaudited: for prescribing, which has checked access. */
    @Transactional(readOnly = true)
    public Optional<Weight> latestWeight(PatientId patient) {
        return allergies.weights(patient).stream().findFirst();
    }

    private Allergy visible(CurrentUser user, UUID allergyId) {
        Allergy allergy = allergies.find(allergyId)
                .orElseThrow(() -> new NotFoundException("No allergy with id " + allergyId));
        patients.requireVisible(user, allergy.patientId());
        return allergies.lock(allergyId).orElseThrow();
    }

    private Allergy checked(RecordAllergy c, UUID id, PatientId patient, int version, boolean inError, RecordedBy by,
            Instant at, Instant first, String reason) {
        if (c == null) {
            throw new InvalidInputException("substance", "Name the substance");
        }
        String substance = text("substance", "Name the substance", c.substance(), 200);
        String reaction = text("reaction", "Describe the reaction", c.reaction(), MAX_TEXT);
        if (c.severity() == null) {
            throw new InvalidInputException("severity", "Choose the severity: mild, moderate, severe or "
                    + "life-threatening");
        }
        if (c.certainty() == null) {
            throw new InvalidInputException("certainty", "Choose the certainty: suspected or confirmed");
        }
        if (c.kind() == null) {
            throw new InvalidInputException("kind", "Choose the kind: allergy, adverse reaction or intolerance");
        }
        SubstanceClass substanceClass = c.substanceClass();
        if (c.formularyEntryId() != null) {
            FormularyEntry entry = formulary.find(c.formularyEntryId()).orElseThrow(() ->
                    new InvalidInputException("formularyEntryId", "No formulary medicine with that id"));
            if (substanceClass == null) {
                substanceClass = entry.substanceClass();
            }
        }
        if (substanceClass == null) {
            substanceClass = SubstanceClass.named(substance).orElse(null);
        }
        return new Allergy(id, patient, version, substance, c.formularyEntryId(), substanceClass, reaction,
                c.severity(), c.certainty(), c.kind(), inError, by, at, first, reason);
    }

    private static String text(String field, String ask, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, ask + ": it must not be empty");
        }
        String stripped = value.strip();
        if (stripped.length() > max) {
            throw new InvalidInputException(field, "must be at most " + max + " characters");
        }
        return stripped;
    }

    private static String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "Give the reason: it is kept in the allergy's history for "
                    + "everyone who reads the record");
        }
        return text("reason", "Give the reason", reason, MAX_REASON);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
