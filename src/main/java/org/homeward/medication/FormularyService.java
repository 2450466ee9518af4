package org.homeward.medication;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.homeward.security.CurrentUser;
import org.homeward.security.Permission;
import org.homeward.shared.AuditedRecord;
import org.homeward.shared.InvalidInputException;
import org.homeward.shared.NotFoundException;
import org.homeward.shared.RecordAccessed;
import org.homeward.shared.RefusedException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The service's formulary, kept as data by its pharmacist ({@link Permission#MANAGE_FORMULARY}): each change is a new
 * version with a reason, the earlier ones kept; prescriptions name the version they were checked against. Read by
 * anyone who opens patient records. A dm+d code is taken only with the source it comes from.
 */
@Service
public class FormularyService {

    private final FormularyRepository entries;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    FormularyService(FormularyRepository entries, ApplicationEventPublisher events, Clock clock) {
        this.entries = entries;
        this.events = events;
        this.clock = clock;
    }

    /** Adds a medicine to the formulary. */
    @Transactional
    public FormularyEntry add(CurrentUser user, SaveFormularyEntry command) {
        user.require(Permission.MANAGE_FORMULARY);
        UUID id = UUID.randomUUID();
        Instant now = now();
        FormularyEntry entry = checked(command, id, 1, user, now, null);
        entries.insert(id, now);
        entries.insertVersion(entry, user.username());
        events.publishEvent(RecordAccessed.created(user, AuditedRecord.FORMULARY_ENTRY, id, null,
                "added " + entry.words() + " to the formulary"));
        return entry;
    }

    /** Changes a formulary entry: the whole entry as it should now read, and the reason; earlier versions kept. */
    @Transactional
    public FormularyEntry change(CurrentUser user, UUID id, SaveFormularyEntry command) {
        user.require(Permission.MANAGE_FORMULARY);
        if (!entries.lock(id)) {
            throw new NotFoundException("No formulary entry with id " + id);
        }
        FormularyEntry current = entries.find(id).orElseThrow();
        String reason = command == null || command.reason() == null || command.reason().isBlank() ? null
                : command.reason().strip();
        if (reason == null) {
            throw new InvalidInputException("reason", "Give the reason for the change: it is kept with the entry's "
                    + "history");
        }
        if (reason.length() > 500) {
            throw new InvalidInputException("reason", "must be at most 500 characters");
        }
        FormularyEntry changed = checked(command, id, current.version() + 1, user, now(), reason);
        entries.insertVersion(changed, user.username());
        events.publishEvent(RecordAccessed.updated(user, AuditedRecord.FORMULARY_ENTRY, id, null,
                "changed " + changed.words() + " in the formulary (version " + changed.version() + "): " + reason));
        return changed;
    }

    /** The formulary, by name. */
    @Transactional(readOnly = true)
    public List<FormularyEntry> formulary(CurrentUser user) {
        user.require(Permission.OPEN_PATIENT_RECORDS);
        return entries.all();
    }

    /** One entry with every version, first first. */
    @Transactional(readOnly = true)
    public List<FormularyEntry> history(CurrentUser user, UUID id) {
        user.require(Permission.OPEN_PATIENT_RECORDS);
        List<FormularyEntry> versions = entries.versions(id);
        if (versions.isEmpty()) {
            throw new NotFoundException("No formulary entry with id " + id);
        }
        return versions;
    }

    /** One entry as it reads now. */
    @Transactional(readOnly = true)
    public FormularyEntry entry(CurrentUser user, UUID id) {
        user.require(Permission.OPEN_PATIENT_RECORDS);
        return find(id).orElseThrow(() -> new NotFoundException("No formulary entry with id " + id));
    }

    /** One entry as it reads now, unchecked: for the module's own checks. */
    @Transactional(readOnly = true)
    public Optional<FormularyEntry> find(UUID id) {
        return id == null ? Optional.empty() : entries.find(id);
    }

    private FormularyEntry checked(SaveFormularyEntry c, UUID id, int version, CurrentUser user, Instant at,
            String reason) {
        if (c == null) {
            throw new InvalidInputException("name", "Name the medicine");
        }
        String name = text("name", c.name(), 200, true);
        String form = text("form", c.form(), 100, true);
        String strength = text("strength", c.strength(), 100, true);
        if (c.routes() == null || c.routes().isEmpty() || c.routes().contains(null)) {
            throw new InvalidInputException("routes", "Choose at least one route");
        }
        if (c.doseUnit() == null) {
            throw new InvalidInputException("doseUnit", "Choose the dose unit");
        }
        positive("adultDoseMin", c.adultDoseMin());
        positive("adultDoseMax", c.adultDoseMax());
        positive("childDosePerKgMinMg", c.childDosePerKgMinMg());
        positive("childDosePerKgMaxMg", c.childDosePerKgMaxMg());
        positive("childMaxDose", c.childMaxDose());
        if (c.adultDoseMin() != null && c.adultDoseMax() != null && c.adultDoseMin().compareTo(c.adultDoseMax()) > 0) {
            throw new InvalidInputException("adultDoseMax", "The highest adult dose must not be below the lowest");
        }
        if (c.childDosePerKgMinMg() != null && c.childDosePerKgMaxMg() != null
                && c.childDosePerKgMinMg().compareTo(c.childDosePerKgMaxMg()) > 0) {
            throw new InvalidInputException("childDosePerKgMaxMg", "The highest child dose per kg must not be below "
                    + "the lowest");
        }
        if ((c.childDosePerKgMinMg() != null || c.childDosePerKgMaxMg() != null) && !c.doseUnit().isMass()) {
            throw new InvalidInputException("childDosePerKgMinMg", "A child dose per kg needs a dose in a unit of "
                    + "mass (micrograms, mg or g)");
        }
        String dmd = text("dmdCode", c.dmdCode(), 30, false);
        String dmdSource = text("dmdSource", c.dmdSource(), 500, false);
        if (dmd != null && !dmd.matches("[0-9]{6,18}")) {
            throw new InvalidInputException("dmdCode", "A dm+d code is 6 to 18 digits (a VMP or AMP id)");
        }
        if (dmd != null && dmdSource == null) {
            throw new InvalidInputException("dmdSource", "Name the source of the dm+d code: a code is kept only "
                    + "with where it comes from");
        }
        if (entries.nameTaken(name, strength, form, id)) {
            throw new RefusedException(name + " " + strength + " " + form + " is already in the formulary: change "
                    + "that entry instead");
        }
        Set<Route> routes = EnumSet.copyOf(c.routes());
        return new FormularyEntry(id, version, name, form, strength, routes, c.doseUnit(), c.adultDoseMin(),
                c.adultDoseMax(), c.childDosePerKgMinMg(), c.childDosePerKgMaxMg(), c.childMaxDose(),
                c.timeCritical(), c.secondChecker(), c.controlledDrug(), c.antimicrobial(), c.substanceClass(), dmd,
                dmd == null ? null : dmdSource, text("doseSource", c.doseSource(), 500, false), user.displayName(),
                at, reason);
    }

    private static void positive(String field, BigDecimal value) {
        if (value != null && value.signum() <= 0) {
            throw new InvalidInputException(field, "must be above zero");
        }
    }

    private static String text(String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw new InvalidInputException(field, "is required");
            }
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > max) {
            throw new InvalidInputException(field, "must be at most " + max + " characters");
        }
        return stripped;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
