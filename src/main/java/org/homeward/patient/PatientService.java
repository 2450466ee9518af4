package org.homeward.patient;

import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.homeward.security.CurrentUser;
import org.homeward.security.Role;
import org.homeward.shared.CarerId;
import org.homeward.shared.ForbiddenException;
import org.homeward.shared.NhsNumber;
import org.homeward.shared.OrganisationId;
import org.homeward.shared.PatientId;
import org.homeward.shared.RecordAccessed;
import org.homeward.shared.RecordAccessed.Action;
import org.homeward.shared.RefusedException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Patients and who may see them. A user may open a patient's record when their role reads clinical records (not a
 * commissioner or an administrator) and their organisation is in the patient's care team. Every read, change and
 * refused attempt is published as a {@link RecordAccessed} event for the audit trail.
 */
@Service
public class PatientService {

    private static final String RECORD_TYPE = "Patient";

    private final PatientRepository repository;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PatientService(PatientRepository repository, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.events = events;
        this.clock = clock;
    }

    /** Registers a patient; the registering user's organisation joins the care team. */
    @Transactional
    public PatientRecord register(CurrentUser user, RegisterPatient command) {
        user.requireRole("register a patient", Role.REFERRER, Role.CLINICIAN, Role.SENIOR_DECISION_MAKER,
                Role.COORDINATOR);
        NhsNumber nhsNumber = NhsNumber.of(command.nhsNumber());
        if (repository.existsByNhsNumber(nhsNumber)) {
            throw new RefusedException("A patient with NHS number " + nhsNumber.formatted()
                    + " is already registered. Find them by NHS number instead of registering them again.");
        }
        if (command.dateOfBirth().isAfter(clock.instant().atZone(clock.getZone()).toLocalDate())) {
            throw new org.homeward.shared.InvalidInputException("dateOfBirth", "Date of birth must not be in the future");
        }
        PatientId id = PatientId.random();
        repository.insert(id, nhsNumber, command, clock.instant());
        repository.addToCareTeam(id, user.organisationId(), clock.instant());
        publish(user, Action.CREATE, id, "registered NHS number " + nhsNumber.formatted());
        return repository.find(id).orElseThrow();
    }

    /**
     * The patient's record, if the user may see it; the read is audited. A patient outside the user's organisation's
     * care is answered like an unknown one (404), so the answer does not reveal that they are registered.
     */
    @Transactional
    public PatientRecord record(CurrentUser user, PatientId id) {
        requireVisible(user, id);
        return read(user, id);
    }

    /**
     * The record of the patient with this NHS number, if the user may see it. An unknown number and a registered
     * patient outside the user's organisation's care get the same 404; only the second is audited (as DENIED), as a
     * refused look-up of a real patient.
     */
    @Transactional
    public PatientRecord recordByNhsNumber(CurrentUser user, NhsNumber nhsNumber) {
        Optional<PatientId> id = repository.findIdByNhsNumber(nhsNumber);
        if (id.isEmpty()) {
            requireClinicalReader(user);
            throw PatientNotFoundException.notInCareOf(nhsNumber);
        }
        requireVisible(user, id.get(), () -> PatientNotFoundException.notInCareOf(nhsNumber));
        return read(user, id.get());
    }

    private PatientRecord read(CurrentUser user, PatientId id) {
        PatientRecord record = repository.find(id).orElseThrow(() -> PatientNotFoundException.notInCareOf(id));
        publish(user, Action.READ, id, "viewed demographics");
        return record;
    }

    /**
     * Patients in the user's organisation's care teams matching a name, NHS number or postcode. Each patient listed
     * is audited against that patient (a search that finds nobody is audited once), so a patient's audit trail shows
     * every time their name and NHS number were shown to someone, not only the times their record was opened.
     */
    @Transactional
    public List<PatientSummary> search(CurrentUser user, String text) {
        requireClinicalReader(user);
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<PatientSummary> found = repository.search(text.trim(), user.organisationId(), 50);
        String search = "search '" + text.trim() + "'";
        if (found.isEmpty()) {
            events.publishEvent(new RecordAccessed(user.actor(), Action.READ, "PatientSearch", null, null,
                    search + ": 0 found"));
        }
        for (PatientSummary patient : found) {
            events.publishEvent(new RecordAccessed(user.actor(), Action.READ, "PatientSearch", patient.id().toString(),
                    patient.id().value(), "listed by " + search + " (" + found.size() + " found)"));
        }
        return found;
    }

    @Transactional
    public Carer addCarer(CurrentUser user, PatientId patient, AddCarer command) {
        user.requireRole("add a carer", Role.REFERRER, Role.CLINICIAN, Role.SENIOR_DECISION_MAKER, Role.COORDINATOR);
        requireVisible(user, patient);
        Carer carer = new Carer(CarerId.random(), command.name().trim(), command.relationship().trim(),
                command.phone().trim(), command.hasParentalResponsibility());
        repository.insertCarer(patient, carer, clock.instant());
        publish(user, Action.UPDATE, patient, "added carer " + carer.name() + " (" + carer.relationship() + ")");
        return carer;
    }

    /**
     * Brings an organisation into the patient's care team, e.g. the hosting organisation of the ward the patient is
     * referred to. Called by other modules inside their own audited transaction.
     */
    @Transactional
    public void shareCareWith(CurrentUser user, PatientId patient, OrganisationId organisation) {
        if (!repository.inCareTeam(patient, organisation)) {
            repository.addToCareTeam(patient, organisation, clock.instant());
            publish(user, Action.UPDATE, patient, "care team now includes organisation " + organisation);
        }
    }

    /**
     * Refuses (403, audited as DENIED) unless the user may see this patient's record; other modules call this before
     * showing anything of a patient they reached through another record (a referral, an admission, an alert), whose
     * existence the caller already knows. For a patient the caller names themselves, use {@link #requireVisible}.
     */
    @Transactional
    public void requireAccess(CurrentUser user, PatientId patient) {
        requireClinicalReader(user, patient);
        if (!repository.inCareTeam(patient, user.organisationId())) {
            if (!repository.exists(patient)) {
                throw PatientNotFoundException.forId(patient);
            }
            publishDeniedOutsideCareTeam(user, patient);
            throw new ForbiddenException("Your organisation (" + user.organisationName()
                    + ") is not in this patient's care team, so you cannot see their record.");
        }
    }

    /**
     * Refuses unless the user may see the patient they named (by id in a path, a query or a body). A registered
     * patient outside the user's organisation's care gets the same 404 as an unknown id, so the answer never reveals
     * that the patient exists; that refusal is still audited as DENIED against the patient. A role that never opens
     * records is refused with 403 (and audited) whether or not the patient exists.
     */
    @Transactional
    public void requireVisible(CurrentUser user, PatientId patient) {
        requireVisible(user, patient, () -> PatientNotFoundException.notInCareOf(patient));
    }

    private void requireVisible(CurrentUser user, PatientId patient, Supplier<PatientNotFoundException> notFound) {
        requireClinicalReader(user, patient);
        if (!repository.inCareTeam(patient, user.organisationId())) {
            if (repository.exists(patient)) {
                publishDeniedOutsideCareTeam(user, patient);
            }
            throw notFound.get();
        }
    }

    /** Summaries of those of {@code ids} the user may see; the others are left out. */
    @Transactional(readOnly = true)
    public List<PatientSummary> visibleSummaries(CurrentUser user, Collection<PatientId> ids) {
        if (!user.hasAnyRole(Role.CLINICAL_RECORD_READERS)) {
            return List.of();
        }
        Set<PatientId> visible = new HashSet<>(repository.visibleAmong(ids, user.organisationId()));
        return repository.summaries(visible);
    }

    /**
     * Summaries of those of {@code ids} in this organisation's care: the patients its visiting team plans visits for,
     * whoever asks (an urgent visit asked for by another organisation's clinician). Internal use: the caller has
     * already checked the user's own access to the patient they asked about.
     */
    @Transactional(readOnly = true)
    public List<PatientSummary> inCareOf(OrganisationId organisation, Collection<PatientId> ids) {
        return repository.summaries(new HashSet<>(repository.visibleAmong(ids, organisation)));
    }

    /**
     * The map locations of these patients' homes, for visit planning; patients without a recorded location are left
     * out. Internal use: the caller has already checked the user may see these patients.
     */
    @Transactional(readOnly = true)
    public List<HomeLocation> homeLocations(Collection<PatientId> ids) {
        return repository.homeLocations(ids);
    }

    /** Summaries for internal use by other modules (e.g. age checks at triage); callers check access first. */
    @Transactional(readOnly = true)
    public PatientSummary summary(PatientId id) {
        return repository.summaries(List.of(id)).stream().findFirst()
                .orElseThrow(() -> PatientNotFoundException.forId(id));
    }

    @Transactional(readOnly = true)
    public List<Carer> carers(PatientId id) {
        return repository.carers(id);
    }

    /** Refuses (403, audited as DENIED against the patient) a role that never opens patient records. */
    private void requireClinicalReader(CurrentUser user, PatientId patient) {
        if (!user.hasAnyRole(Role.CLINICAL_RECORD_READERS)) {
            events.publishEvent(new RecordAccessed(user.actor(), Action.DENIED, RECORD_TYPE, patient.toString(),
                    patient.value(), "role does not open patient records"));
            requireClinicalReader(user);
        }
    }

    private void publishDeniedOutsideCareTeam(CurrentUser user, PatientId patient) {
        events.publishEvent(new RecordAccessed(user.actor(), Action.DENIED, RECORD_TYPE, patient.toString(),
                patient.value(), "organisation not in care team"));
    }

    private void requireClinicalReader(CurrentUser user) {
        if (!user.hasAnyRole(Role.CLINICAL_RECORD_READERS)) {
            throw new ForbiddenException("Your role (" + user.role().label()
                    + ") does not open individual patient records; use the service dashboards instead.");
        }
    }

    private void publish(CurrentUser user, Action action, PatientId patient, String detail) {
        events.publishEvent(new RecordAccessed(user.actor(), action, RECORD_TYPE, patient.toString(), patient.value(),
                detail));
    }
}
