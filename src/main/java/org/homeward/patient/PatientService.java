package org.homeward.patient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.homeward.security.CurrentUser;
import org.homeward.security.Organisation;
import org.homeward.security.Role;
import org.homeward.security.SecurityService;
import org.homeward.shared.CarerId;
import org.homeward.shared.ForbiddenException;
import org.homeward.shared.InvalidInputException;
import org.homeward.shared.NotFoundException;
import org.homeward.shared.NhsNumber;
import org.homeward.shared.OrganisationId;
import org.homeward.shared.PatientId;
import org.homeward.shared.PlausibleDates;
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

    /** How long a break-glass opening lasts: long enough for a shift's emergency, short enough to be reviewed. */
    public static final Duration BREAK_GLASS_LASTS = Duration.ofHours(4);

    private final PatientRepository repository;
    private final SecurityService security;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PatientService(PatientRepository repository, SecurityService security, ApplicationEventPublisher events,
            Clock clock) {
        this.repository = repository;
        this.security = security;
        this.events = events;
        this.clock = clock;
    }

    /** Registers a patient; the registering user's organisation joins the care team. */
    @Transactional
    public PatientRecord register(CurrentUser user, RegisterPatient command) {
        user.requireRole("register a patient", Role.REFERRER, Role.CLINICIAN, Role.SENIOR_DECISION_MAKER,
                Role.COORDINATOR);
        Organisation own = security.organisation(user.organisationId());
        if (!own.type().sharesCare()) {
            throw new ForbiddenException(own.name() + " is an " + own.type().label().toLowerCase()
                    + ": its staff never share a patient's care, so they do not register patients");
        }
        NhsNumber nhsNumber = NhsNumber.of(command.nhsNumber());
        if (repository.existsByNhsNumber(nhsNumber)) {
            throw new RefusedException("A patient with NHS number " + nhsNumber.formatted()
                    + " is already registered. Find them by NHS number instead of registering them again.");
        }
        PlausibleDates.requireDateOfBirth("dateOfBirth", command.dateOfBirth(),
                clock.instant().atZone(clock.getZone()).toLocalDate());
        PatientId id = PatientId.random();
        repository.insert(id, nhsNumber, command, clock.instant());
        publish(user, Action.CREATE, id, "registered NHS number " + nhsNumber.formatted());
        // the registration's own audit line (CREATE) says who registered the patient, so no second line here
        repository.addToCareTeam(id, user.organisationId(), clock.instant(), CareTeamBasis.REGISTERED, null,
                user.displayName());
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
        joinCareTeam(user, patient, new CareShare(organisation, CareTeamBasis.SHARED, null));
    }

    /**
     * The care team by rule, applied when a patient is referred to a ward and again when admitted: the ward's care
     * organisations (its host and the organisations that visit its patients, given by the caller) and the
     * organisation covering the patient's GP practice, which reads discharge summaries and results. Each is recorded
     * with why and on whose action, and audited; an organisation already in the team keeps its first reason.
     */
    @Transactional
    public void shareCareByRule(CurrentUser user, PatientId patient, Collection<CareShare> wardOrganisations) {
        wardOrganisations.forEach(share -> joinCareTeam(user, patient, share));
        String practice = repository.gpPracticeCode(patient);
        for (Organisation gp : security.gpOrganisationsCovering(practice)) {
            joinCareTeam(user, patient, new CareShare(gp.id(), CareTeamBasis.GP_PRACTICE, "practice " + practice));
        }
    }

    /**
     * The one rule for joining a care team: a commissioner (the ICB) never does, whatever a ward or a rule names;
     * anyone else joins once, keeping the first reason. Returns whether the organisation joined.
     */
    private boolean joinCareTeam(CurrentUser user, PatientId patient, CareShare share) {
        Organisation organisation = security.organisation(share.organisationId());
        if (!organisation.type().sharesCare()) {
            publish(user, Action.DENIED, patient, "care team not shared with " + organisation.name() + " ("
                    + organisation.type().label() + "): commissioners never join a care team");
            return false;
        }
        boolean added = repository.addToCareTeam(patient, organisation.id(), clock.instant(), share.basis(),
                share.reason(), user.displayName());
        if (added) {
            publish(user, Action.UPDATE, patient, "care team now includes " + organisation.name() + " ("
                    + share.basis().label() + (share.reason() == null ? "" : ": " + share.reason()) + ")");
        }
        return added;
    }

    /** The organisations in the patient's care team, why, since when and on whose action; audited as a read. */
    @Transactional
    public List<CareTeamMember> careTeam(CurrentUser user, PatientId patient) {
        requireVisible(user, patient);
        Map<OrganisationId, String> names = organisationNames();
        List<CareTeamMember> members = repository.careTeamRows(patient).stream()
                .map(row -> new CareTeamMember(row.organisationId(), names.getOrDefault(row.organisationId(),
                        row.organisationId().toString()), row.basis(), row.reason(), row.since(), row.addedBy()))
                .toList();
        publish(user, Action.READ, patient, "viewed the care team (" + members.size() + " organisations)");
        return members;
    }

    /** A senior decision-maker brings an organisation into the patient's care team with a reason (audited). */
    @Transactional
    public List<CareTeamMember> addToCareTeam(CurrentUser user, PatientId patient, AddToCareTeam command) {
        user.requireRole("change a patient's care team", Role.SENIOR_DECISION_MAKER);
        requireVisible(user, patient);
        Organisation organisation = organisationNamed(command.organisationId());
        if (!organisation.type().sharesCare()) {
            throw new InvalidInputException("organisationId", organisation.name() + " is an "
                    + organisation.type().label().toLowerCase() + ": commissioners never join a patient's care team");
        }
        if (!joinCareTeam(user, patient, new CareShare(organisation.id(), CareTeamBasis.ADDED, command.reason().trim()))) {
            throw new RefusedException(organisation.name() + " is already in this patient's care team");
        }
        return careTeam(user, patient);
    }

    /**
     * A senior decision-maker takes an organisation out of the patient's care team with a reason (audited). The
     * last organisation cannot be removed: a record nobody cares for could not be opened again.
     */
    @Transactional
    public List<CareTeamMember> removeFromCareTeam(CurrentUser user, PatientId patient, OrganisationId organisation,
            RemoveFromCareTeam command) {
        user.requireRole("change a patient's care team", Role.SENIOR_DECISION_MAKER);
        requireVisible(user, patient);
        Organisation removed = organisationNamed(organisation);
        List<OrganisationId> team = repository.careTeam(patient);
        if (!team.contains(organisation)) {
            throw new RefusedException(removed.name() + " is not in this patient's care team");
        }
        if (team.size() == 1) {
            throw new RefusedException(removed.name() + " is the only organisation caring for this patient; add"
                    + " the organisation taking over before removing it");
        }
        repository.removeFromCareTeam(patient, organisation);
        publish(user, Action.UPDATE, patient, "care team no longer includes " + removed.name() + ": "
                + command.reason().trim());
        return careTeam(user, patient);
    }

    // break glass -------------------------------------------------------------------------------------------------

    /**
     * Opens a record outside the user's organisation's care team for {@link #BREAK_GLASS_LASTS}, for a stated
     * legitimate relationship. Audited as a break-glass opening and listed for governance. Only a clinical record
     * reader of an organisation that may share care (never a commissioner) may do it.
     */
    @Transactional
    public BreakGlassAccess breakGlass(CurrentUser user, OpenBreakGlass command) {
        requireClinicalReader(user);
        Organisation own = security.organisation(user.organisationId());
        if (!own.type().sharesCare()) {
            throw new ForbiddenException(own.name() + " is an " + own.type().label().toLowerCase()
                    + ": its staff never open patient records, even in an emergency");
        }
        PatientId patient = breakGlassPatient(command);
        if (repository.inCareTeam(patient, user.organisationId())) {
            throw new RefusedException("This patient is already in your organisation's care: open their record"
                    + " without breaking the glass");
        }
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        repository.insertBreakGlass(id, patient, user, command.relationship(), command.reason().trim(), now,
                now.plus(BREAK_GLASS_LASTS));
        events.publishEvent(new RecordAccessed(user.actor(), Action.CREATE, "BreakGlass", id.toString(),
                patient.value(), "BREAK GLASS until " + now.plus(BREAK_GLASS_LASTS).atZone(clock.getZone())
                        .toLocalTime().withNano(0) + ": " + command.relationship().label() + ": "
                        + command.reason().trim()));
        return repository.activeBreakGlass(user.id(), patient, now).orElseThrow();
    }

    private PatientId breakGlassPatient(OpenBreakGlass command) {
        if (command.patientId() != null) {
            if (!repository.exists(command.patientId())) {
                throw PatientNotFoundException.forId(command.patientId());
            }
            return command.patientId();
        }
        if (command.nhsNumber() == null || command.nhsNumber().isBlank()) {
            throw new InvalidInputException("nhsNumber", "NHS number is required: the patient whose record you must open");
        }
        NhsNumber nhsNumber = NhsNumber.of(command.nhsNumber());
        return repository.findIdByNhsNumber(nhsNumber)
                .orElseThrow(() -> new InvalidInputException("nhsNumber", "No patient with NHS number "
                        + nhsNumber.formatted() + " is registered"));
    }

    /** Break-glass openings for the governance lead: by their organisation's staff or of patients in its care. */
    @Transactional
    public List<BreakGlassAccess> breakGlassForGovernance(CurrentUser user) {
        user.requireRole("review break-glass openings", Role.GOVERNANCE);
        List<BreakGlassAccess> found = repository.breakGlassSeenBy(user.organisationId(), 200);
        for (BreakGlassAccess access : found) {
            events.publishEvent(new RecordAccessed(user.actor(), Action.READ, "BreakGlass", access.id().toString(),
                    access.patientId().value(), "listed for governance review of break-glass openings"));
        }
        return found;
    }

    /** The user's break-glass opening of this record in force now, if any. */
    @Transactional(readOnly = true)
    public Optional<BreakGlassAccess> activeBreakGlass(CurrentUser user, PatientId patient) {
        return repository.activeBreakGlass(user.id(), patient, clock.instant());
    }

    private Map<OrganisationId, String> organisationNames() {
        return security.organisations().stream().collect(Collectors.toMap(Organisation::id, Organisation::name));
    }

    private Organisation organisationNamed(OrganisationId id) {
        try {
            return security.organisation(id);
        } catch (NotFoundException e) {
            throw new InvalidInputException("organisationId", "No organisation with id " + id);
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
        if (!mayOpen(user, patient)) {
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
        if (!mayOpen(user, patient)) {
            if (repository.exists(patient)) {
                publishDeniedOutsideCareTeam(user, patient);
            }
            throw notFound.get();
        }
    }

    /**
     * The one access rule: the user's organisation is in the patient's care team, or the user broke the glass on this
     * record less than {@link #BREAK_GLASS_LASTS} ago. Every use of a break-glass opening is audited as such.
     */
    private boolean mayOpen(CurrentUser user, PatientId patient) {
        if (repository.inCareTeam(patient, user.organisationId())) {
            return true;
        }
        Optional<BreakGlassAccess> glass = repository.activeBreakGlass(user.id(), patient, clock.instant());
        glass.ifPresent(access -> events.publishEvent(new RecordAccessed(user.actor(), Action.READ, "BreakGlass",
                access.id().toString(), patient.value(), "opened under BREAK GLASS (" + access.relationship().label()
                        + "), until " + access.expiresAt().atZone(clock.getZone()).toLocalTime().withNano(0))));
        return glass.isPresent();
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
     * Those of {@code ids} in the organisation's care (its organisation is in their care team), whatever the reader's
     * role: for the audit trail, which shows an organisation's administrator and governance lead only their own
     * patients in full. Internal use; nothing of the patients is returned.
     */
    @Transactional(readOnly = true)
    public Set<PatientId> inCareOf(OrganisationId organisation, Collection<PatientId> ids) {
        return new HashSet<>(repository.visibleAmong(ids, organisation));
    }

    /**
     * Summaries of those of {@code ids} in this organisation's care: the patients its visiting team plans visits for,
     * whoever asks (an urgent visit asked for by another organisation's clinician). Internal use: the caller has
     * already checked the user's own access to the patient they asked about.
     */
    @Transactional(readOnly = true)
    public List<PatientSummary> summariesInCareOf(OrganisationId organisation, Collection<PatientId> ids) {
        return repository.summaries(new HashSet<>(repository.visibleAmong(ids, organisation)));
    }

    /**
     * The first address line and postcode of those of {@code ids} the user may see, for a route list; the others are
     * left out, as by {@link #visibleSummaries}.
     */
    @Transactional(readOnly = true)
    public List<VisitAddress> visibleAddresses(CurrentUser user, Collection<PatientId> ids) {
        if (!user.hasAnyRole(Role.CLINICAL_RECORD_READERS)) {
            return List.of();
        }
        return repository.visitAddresses(new HashSet<>(repository.visibleAmong(ids, user.organisationId())));
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
