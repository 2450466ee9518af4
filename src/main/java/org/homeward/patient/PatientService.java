package org.homeward.patient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.homeward.shared.DateWords;
import org.homeward.security.CurrentUser;
import org.homeward.security.Permission;
import org.homeward.security.Organisation;
import org.homeward.security.SecurityService;
import org.homeward.shared.AuditedRecord;
import org.homeward.shared.CarerId;
import org.homeward.shared.ForbiddenException;
import org.homeward.shared.InvalidInputException;
import org.homeward.shared.NotFoundException;
import org.homeward.shared.NhsNumber;
import org.homeward.shared.OrganisationId;
import org.homeward.shared.PatientId;
import org.homeward.shared.PatientsMerged;
import org.homeward.shared.PlausibleDates;
import org.homeward.shared.RecordAccessed;
import org.homeward.shared.RecordAccessed.Action;
import org.homeward.shared.RefusedException;
import org.homeward.scoring.WarningScore;
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
        user.require(Permission.REGISTER_PATIENTS);
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
     * Patients in the user's organisation's care teams matching the query ({@link PatientQuery}: every name word
     * anywhere in the name, in any order; an NHS number with or without spaces; a date of birth; a postcode). Each
     * patient listed is audited against that patient (a search that finds nobody is audited once), so a patient's
     * audit trail shows every time their name and NHS number were shown to someone, not only the times their record
     * was opened.
     */
    @Transactional
    public List<PatientSummary> search(CurrentUser user, String text) {
        requireClinicalReader(user);
        if (text == null || text.isBlank()) {
            return List.of();
        }
        PatientQuery query = PatientQuery.parse(text);
        List<PatientSummary> found = query.isEmpty() ? List.of()
                : repository.search(query, user.organisationId(), SEARCH_LIMIT);
        auditSearch(user, "search '" + text.trim() + "'", found);
        return found;
    }

    /** At most this many patients are listed by one search; the page says when a search found this many. */
    public static final int SEARCH_LIMIT = 50;

    private void auditSearch(CurrentUser user, String search, List<PatientSummary> found) {
        if (found.isEmpty()) {
            events.publishEvent(RecordAccessed.read(user, AuditedRecord.PATIENT_SEARCH, null, null,
                    search + ": 0 found"));
        }
        for (PatientSummary patient : found) {
            events.publishEvent(RecordAccessed.read(user, AuditedRecord.PATIENT_SEARCH, patient.id(), patient.id(),
                    "listed by " + search + " (" + found.size() + " found)"));
        }
    }

    /**
     * Patients in the organisation's care matching the query, for the audit trail's patient filter: an administrator
     * or governance lead finds their own organisation's patients by name or NHS number, never another's. The listing
     * is audited like any search.
     */
    @Transactional
    public List<PatientSummary> searchForAudit(CurrentUser user, String text) {
        user.require(Permission.SEARCH_AUDIT_TRAIL);
        if (text == null || text.isBlank()) {
            return List.of();
        }
        PatientQuery query = PatientQuery.parse(text);
        List<PatientSummary> found = query.isEmpty() ? List.of()
                : repository.search(query, user.organisationId(), SEARCH_LIMIT);
        auditSearch(user, "audit trail search '" + text.trim() + "'", found);
        return found;
    }

    // corrections ------------------------------------------------------------------------------------------------

    /**
     * Whether the user may correct this patient's details: a role that registers patients (referrer, clinician,
     * senior decision-maker, coordinator) of an organisation in the care team that cares for the patient. An
     * organisation there only as the patient's GP practice reads (summaries and results) and does not correct; a
     * break-glass opening reads and does not correct either.
     */
    @Transactional(readOnly = true)
    public boolean mayCorrect(CurrentUser user, PatientId patient) {
        return user.can(Permission.CORRECT_PATIENT_DETAILS) && repository.careTeamBasis(patient, user.organisationId())
                .filter(basis -> basis != CareTeamBasis.GP_PRACTICE).isPresent();
    }

    private PatientRecord requireCorrector(CurrentUser user, PatientId patient) {
        user.require(Permission.CORRECT_PATIENT_DETAILS);
        requireVisible(user, patient);
        Optional<CareTeamBasis> basis = repository.careTeamBasis(patient, user.organisationId());
        if (basis.isEmpty() || basis.get() == CareTeamBasis.GP_PRACTICE) {
            String why = basis.isEmpty()
                    ? "you opened this record by breaking the glass; only the organisations caring for the patient"
                            + " correct their details"
                    : "your organisation is in this patient's care team as their GP practice, which reads summaries"
                            + " and results; the teams caring for the patient correct their details";
            events.publishEvent(RecordAccessed.denied(user, AuditedRecord.PATIENT, patient, patient,
                    "correction refused: " + why));
            throw new ForbiddenException("You may not correct this patient's details: " + why + ".");
        }
        return repository.find(patient).orElseThrow(() -> PatientNotFoundException.forId(patient));
    }

    /** Names, date of birth, sex and ethnic category; a new date of birth says what follows from the new age. */
    @Transactional
    public Correction correctDemographics(CurrentUser user, PatientId patient, CorrectDemographics command) {
        PatientRecord before = requireCorrector(user, patient);
        LocalDate today = clock.instant().atZone(clock.getZone()).toLocalDate();
        PlausibleDates.requireDateOfBirth("dateOfBirth", command.dateOfBirth(), today);
        PatientSummary s = before.summary();
        Changes changes = new Changes(ChangeSection.DEMOGRAPHICS)
                .field("Given name", s.givenName(), command.givenName().trim())
                .field("Family name", s.familyName(), command.familyName().trim())
                .field("Date of birth", longDate(s.dateOfBirth()), longDate(command.dateOfBirth()))
                .field("Sex", s.sex().label(), command.sex().label())
                .field("Ethnic category", before.ethnicCategory().label(), command.ethnicCategory().label());
        String consequence = s.dateOfBirth().equals(command.dateOfBirth()) ? null
                : ageConsequence(s.ageOn(today), PatientSummary.ageOn(command.dateOfBirth(), today));
        return apply(user, patient, changes, command.reason(), consequence, command.version(),
                "given_name = ?, family_name = ?, date_of_birth = ?, sex = ?, ethnic_category = ?",
                command.givenName().trim(), command.familyName().trim(), command.dateOfBirth(), command.sex().name(),
                command.ethnicCategory().code());
    }

    @Transactional
    public Correction correctAddress(CurrentUser user, PatientId patient, CorrectAddress command) {
        PatientRecord before = requireCorrector(user, patient);
        String postcode = PatientRepository.normalisePostcode(command.postcode());
        Changes changes = new Changes(ChangeSection.ADDRESS)
                .field("Address line 1", before.addressLine1(), command.addressLine1().trim())
                .field("Address line 2", before.addressLine2(), blankToNull(command.addressLine2()))
                .field("Town or city", before.town(), command.town().trim())
                .field("Postcode", before.postcode(), postcode)
                .field("Phone", before.phone(), blankToNull(command.phone()));
        return apply(user, patient, changes, command.reason(), null, command.version(),
                "address_line1 = ?, address_line2 = ?, town = ?, postcode = ?, phone = ?",
                command.addressLine1().trim(), blankToNull(command.addressLine2()), command.town().trim(), postcode,
                blankToNull(command.phone()));
    }

    /**
     * The map location of the patient's home, which visit planning routes by. The referrer is not asked for it; the
     * admitting or visiting team sets it here before visits are planned.
     */
    @Transactional
    public Correction correctLocation(CurrentUser user, PatientId patient, CorrectLocation command) {
        PatientRecord before = requireCorrector(user, patient);
        Changes changes = new Changes(ChangeSection.LOCATION)
                .field("Location", before.hasLocation() ? location(before.latitude(), before.longitude()) : null,
                        location(command.latitude(), command.longitude()));
        return apply(user, patient, changes, command.reason(), null, command.version(),
                "latitude = ?, longitude = ?", command.latitude(), command.longitude());
    }

    /**
     * The GP practice; the GP organisation covering the new practice joins the care team by the referral rule. The
     * organisation covering the old one stays until a senior removes it with a reason.
     */
    @Transactional
    public Correction correctGpPractice(CurrentUser user, PatientId patient, CorrectGpPractice command) {
        PatientRecord before = requireCorrector(user, patient);
        Changes changes = new Changes(ChangeSection.GP_PRACTICE)
                .field("Practice code", before.gpPracticeCode(), command.gpPracticeCode())
                .field("Practice name", before.gpPracticeName(), command.gpPracticeName().trim());
        Correction done = apply(user, patient, changes, command.reason(), null, command.version(),
                "gp_practice_code = ?, gp_practice_name = ?", command.gpPracticeCode(), command.gpPracticeName().trim());
        if (!before.gpPracticeCode().equals(command.gpPracticeCode())) {
            for (Organisation gp : security.gpOrganisationsCovering(command.gpPracticeCode())) {
                joinCareTeam(user, patient, new CareShare(gp.id(), CareTeamBasis.GP_PRACTICE,
                        "practice " + command.gpPracticeCode()));
            }
            return new Correction(repository.find(patient).orElseThrow(), done.changes(), done.consequence());
        }
        return done;
    }

    @Transactional
    public Correction correctCarer(CurrentUser user, PatientId patient, CarerId carerId, CorrectCarer command) {
        PatientRecord before = requireCorrector(user, patient);
        Carer old = before.carers().stream().filter(c -> c.id().equals(carerId)).findFirst()
                .orElseThrow(() -> new NotFoundException("No carer with id " + carerId + " for this patient"));
        Carer carer = new Carer(carerId, command.name().trim(), command.relationship().trim(), command.phone().trim(),
                command.hasParentalResponsibility());
        String who = "Carer " + old.name() + ": ";
        Changes changes = new Changes(ChangeSection.CARER)
                .field(who + "name", old.name(), carer.name())
                .field(who + "relationship", old.relationship(), carer.relationship())
                .field(who + "phone", old.phone(), carer.phone())
                .field(who + "parental responsibility", yesNo(old.hasParentalResponsibility()),
                        yesNo(carer.hasParentalResponsibility()));
        if (changes.list.isEmpty()) {
            return new Correction(before, List.of(), null);
        }
        repository.updateCarer(patient, carer);
        return record(user, patient, changes, command.reason(), null);
    }

    /** The history of corrections to the patient's details, newest first; reading it is audited. */
    @Transactional
    public List<PatientChange> changes(CurrentUser user, PatientId patient) {
        requireVisible(user, patient);
        List<PatientChange> changes = repository.changes(patient);
        publish(user, Action.READ, patient, "viewed the history of changes (" + changes.size() + ")");
        return changes;
    }

    private Correction apply(CurrentUser user, PatientId patient, Changes changes, String reason, String consequence,
            Integer version, String assignments, Object... values) {
        if (changes.list.isEmpty()) {
            return new Correction(repository.find(patient).orElseThrow(), List.of(), null);
        }
        if (!repository.update(patient, version, assignments, values)) {
            throw new RefusedException("Someone else changed this patient's details after you opened them. Nothing"
                    + " was saved: open the details again to see their change, then make yours.");
        }
        return record(user, patient, changes, reason, consequence);
    }

    /** Keeps the history and the audit line in the correction's own transaction: neither is written without the other. */
    private Correction record(CurrentUser user, PatientId patient, Changes changes, String reason, String consequence) {
        Instant now = clock.instant();
        String why = blankToNull(reason);
        List<PatientChange> rows = changes.list.stream().map(c -> new PatientChange(now, user.username(),
                user.displayName(), user.organisationName(), changes.section, c[0], c[1], c[2], why)).toList();
        repository.insertChanges(patient, rows);
        publish(user, Action.UPDATE, patient, "corrected " + changes.section.label().toLowerCase() + ": "
                + rows.stream().map(c -> c.field() + " " + shown(c.oldValue()) + " -> " + shown(c.newValue()))
                        .collect(Collectors.joining("; "))
                + (why == null ? "" : " (reason: " + why + ")"));
        return new Correction(repository.find(patient).orElseThrow(), rows, consequence);
    }

    /**
     * What a new age means for the rules that read it. None stores an age: the warning score (PEWS under 16, NEWS2
     * from 18, the ward's pathway between), the adult assessment scores, a ward's age range and the children's-nurse
     * skill for visits are all worked out from the date of birth when they apply, so they follow the corrected date
     * from the next use. Alerts already raised stay as they were raised.
     */
    static String ageConsequence(int oldAge, int newAge) {
        String before = scoreAt(oldAge);
        String after = scoreAt(newAge);
        String age = "Age now " + newAge + " (was " + oldAge + ").";
        if (before.equals(after)) {
            return age + " Observations are still scored with " + after + ".";
        }
        return age + " Observations are now scored with " + after + " (was " + before + "): from the next set, and"
                + " the chart scores earlier sets again with the corrected date of birth. Alerts already raised stay"
                + " as raised. Check the ward's age range suits the patient.";
    }

    private static String scoreAt(int age) {
        if (!WarningScore.pathwayDecides(age)) {
            return WarningScore.forPatient(age, false).name();
        }
        return "NEWS2 or PEWS by the ward's pathway";
    }

    /** The changed fields of one section: label, old value and new value, in form order. */
    private static final class Changes {
        private final ChangeSection section;
        private final List<String[]> list = new java.util.ArrayList<>();

        Changes(ChangeSection section) {
            this.section = section;
        }

        Changes field(String label, String oldValue, String newValue) {
            if (!Objects.equals(oldValue, newValue)) {
                list.add(new String[] {label, oldValue, newValue});
            }
            return this;
        }
    }

    private static String longDate(LocalDate date) {
        return DateWords.day(date);
    }

    private static String location(Double latitude, Double longitude) {
        return latitude + ", " + longitude;
    }

    private static String yesNo(boolean value) {
        return value ? "Yes" : "No";
    }

    private static String shown(String value) {
        return value == null ? "(none)" : "'" + value + "'";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    @Transactional
    public Carer addCarer(CurrentUser user, PatientId patient, AddCarer command) {
        user.require(Permission.ADD_CARERS);
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
        user.require(Permission.CHANGE_CARE_TEAM);
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
        user.require(Permission.CHANGE_CARE_TEAM);
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

    // merging duplicate records ---------------------------------------------------------------------------------

    /**
     * The id of the patient with this NHS number if they are in the user's organisation's care team, merged or not;
     * empty for an unknown number and for a patient outside that care (the same answer). Internal use, not audited:
     * for an integration resolving the records a merge names before {@link #merge} checks and audits them.
     */
    @Transactional(readOnly = true)
    public Optional<PatientId> idInCareOf(CurrentUser user, NhsNumber nhsNumber) {
        return repository.findIdByNhsNumber(nhsNumber)
                .filter(id -> repository.inCareTeam(id, user.organisationId()));
    }

    /**
     * Merges a duplicate record into the surviving one (the hospital's ADT^A40): the retired record is kept, with its
     * own NHS number and details, marked merged into the survivor with who merged it, when and what asked for it
     * ({@code source}); it is left out of searches, and reading or writing it afterwards is refused naming the
     * survivor ({@link PatientMergedException}). Its carers move to the survivor and its care team's organisations
     * join the survivor's, so everyone who could see the history still can. {@link PatientsMerged} is published in
     * this transaction and each module re-points its own rows (observations, alerts, referrals and stays, visits,
     * notes, tasks, care plans, medicines, tests, board rounds, messages); a module that finds the records cannot
     * safely be one (two live virtual-ward stays or referrals, two care and support plans) refuses and nothing is
     * merged. Audited as a change on both records.
     *
     * <p>Refused: the same record twice; either record unknown or outside the user's organisation's care (404); a
     * user who may not correct both records' details (403); the survivor already merged into another; the retired
     * record merged into a different survivor; different dates of birth (two different people, or one record wrong:
     * correct it first). The survivor's NHS number and details win: the two NHS numbers always differ (each record
     * has one and they are unique), as when a duplicate registration's number is superseded. A repeated merge of a
     * pair already merged changes nothing and says so ({@link PatientMerge#alreadyMerged}).
     */
    @Transactional
    public PatientMerge merge(CurrentUser user, PatientId survivor, PatientId retired, String source) {
        user.require(Permission.CORRECT_PATIENT_DETAILS);
        if (survivor.equals(retired)) {
            throw new RefusedException("The surviving and the retired record are the same record (patient "
                    + survivor + "): there is nothing to merge");
        }
        requireClinicalReader(user, survivor);
        for (PatientId id : List.of(survivor, retired)) {
            if (!repository.inCareTeam(id, user.organisationId())) {
                if (repository.exists(id)) {
                    publishDeniedOutsideCareTeam(user, id);
                }
                throw PatientNotFoundException.notInCareOf(id);
            }
        }
        if (!repository.lockForMerge(survivor, retired)) {
            throw PatientNotFoundException.forId(survivor);
        }
        PatientSummary kept = repository.summaries(List.of(survivor)).get(0);
        PatientSummary gone = repository.summaries(List.of(retired)).get(0);
        Optional<PatientRepository.Merged> survivorMerged = repository.mergedInto(survivor);
        if (survivorMerged.isPresent()) {
            throw new RefusedException("The surviving record (NHS number " + kept.nhsNumber().formatted()
                    + ") was itself merged into NHS number "
                    + new NhsNumber(survivorMerged.get().intoNhsNumber()).formatted() + " on "
                    + DateWords.dateTime(survivorMerged.get().at(), clock.getZone())
                    + ": a merge into it cannot be applied; merge into that record instead");
        }
        Optional<PatientRepository.Merged> retiredMerged = repository.mergedInto(retired);
        if (retiredMerged.isPresent()) {
            PatientRepository.Merged before = retiredMerged.get();
            if (before.into().equals(survivor)) {
                return new PatientMerge(kept, gone, before.at(), before.by(), true);
            }
            throw new RefusedException("The retired record (NHS number " + gone.nhsNumber().formatted()
                    + ") was already merged into another record, NHS number "
                    + new NhsNumber(before.intoNhsNumber()).formatted() + ", on "
                    + DateWords.dateTime(before.at(), clock.getZone()) + ": it cannot be merged into NHS number "
                    + kept.nhsNumber().formatted() + " as well");
        }
        for (PatientId id : List.of(survivor, retired)) {
            Optional<CareTeamBasis> basis = repository.careTeamBasis(id, user.organisationId());
            if (basis.isEmpty() || basis.get() == CareTeamBasis.GP_PRACTICE) {
                events.publishEvent(RecordAccessed.denied(user, AuditedRecord.PATIENT, id, id,
                        "merge refused: the organisation is in the care team as the GP practice"));
                throw new ForbiddenException("You may not merge these records: your organisation is in the care"
                        + " team of NHS number " + repository.summaries(List.of(id)).get(0).nhsNumber().formatted()
                        + " as their GP practice, which reads summaries and results");
            }
        }
        if (!kept.dateOfBirth().equals(gone.dateOfBirth())) {
            throw new RefusedException("The records have different dates of birth (NHS number "
                    + kept.nhsNumber().formatted() + " born " + longDate(kept.dateOfBirth()) + ", NHS number "
                    + gone.nhsNumber().formatted() + " born " + longDate(gone.dateOfBirth())
                    + "): they may be two different people. Nothing was merged: check who they are, correct the"
                    + " wrong date of birth and send the merge again");
        }
        Instant now = clock.instant();
        String by = user.displayName() + " (" + user.organisationName() + ")";
        String why = source == null || source.isBlank() ? "merged by hand" : source.trim();
        repository.markMerged(retired, survivor, now, by, why.length() > 500 ? why.substring(0, 500) : why);
        int carers = repository.moveCarers(retired, survivor);
        int organisations = repository.shareCareTeam(retired, survivor);
        events.publishEvent(new PatientsMerged(survivor, retired, user.actor(), now, why));
        String detail = ": " + why + (carers > 0 ? "; " + carers + (carers == 1 ? " carer" : " carers") + " moved" : "")
                + (organisations > 0 ? "; " + organisations + (organisations == 1 ? " organisation" : " organisations")
                        + " joined the care team" : "");
        publish(user, Action.UPDATE, survivor, cut("merged in the duplicate record NHS number "
                + gone.nhsNumber().formatted() + " (patient " + retired + ") with its history" + detail));
        publish(user, Action.UPDATE, retired, cut("merged into NHS number " + kept.nhsNumber().formatted()
                + " (patient " + survivor + "), which now holds this record's history" + detail));
        return new PatientMerge(kept, gone, now, by, false);
    }

    private static String cut(String detail) {
        return detail.length() > 500 ? detail.substring(0, 497) + "..." : detail;
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
        events.publishEvent(RecordAccessed.created(user, AuditedRecord.BREAK_GLASS, id, patient,
                "BREAK GLASS until " + now.plus(BREAK_GLASS_LASTS).atZone(clock.getZone())
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
        user.require(Permission.REVIEW_BREAK_GLASS);
        List<BreakGlassAccess> found = repository.breakGlassSeenBy(user.organisationId(), 200);
        for (BreakGlassAccess access : found) {
            events.publishEvent(RecordAccessed.read(user, AuditedRecord.BREAK_GLASS, access.id(), access.patientId(),
                    "listed for governance review of break-glass openings"));
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
        requireNotMerged(patient);
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

    /**
     * Refuses unless the user may see the patient a record belongs to, when the user named the record by its own id
     * (a task, an alert, a test order, a prescription, a dose, a summary): outside the user's organisation's care the
     * refusal is {@code unknownRecord}, the record's own answer for an id nobody holds, so it reveals neither that the
     * record exists nor whose it is; the refusal is still audited as DENIED against the patient (hazard H336).
     */
    @Transactional
    public void requireVisibleRecord(CurrentUser user, PatientId patient,
            Supplier<? extends RuntimeException> unknownRecord) {
        requireVisible(user, patient, unknownRecord);
    }

    private void requireVisible(CurrentUser user, PatientId patient, Supplier<? extends RuntimeException> notFound) {
        requireClinicalReader(user, patient);
        if (!mayOpen(user, patient)) {
            if (repository.exists(patient)) {
                publishDeniedOutsideCareTeam(user, patient);
            }
            throw notFound.get();
        }
        requireNotMerged(patient);
    }

    /**
     * Refuses a record merged into another: its history moved to the survivor, so nothing is read from it or written
     * to it (a late reading or note under the old id would otherwise be history nobody sees). Checked after the care
     * team, so only someone who may see the retired record learns where it went.
     */
    private void requireNotMerged(PatientId patient) {
        repository.mergedInto(patient).ifPresent(merged -> {
            throw new PatientMergedException(patient, merged.into(), new NhsNumber(merged.intoNhsNumber()).formatted(),
                    merged.at(), DateWords.dateTime(merged.at(), clock.getZone()) + " by " + merged.by());
        });
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
        glass.ifPresent(access -> events.publishEvent(RecordAccessed.read(user, AuditedRecord.BREAK_GLASS,
                access.id(), patient, "opened under BREAK GLASS (" + access.relationship().label()
                        + "), until " + access.expiresAt().atZone(clock.getZone()).toLocalTime().withNano(0))));
        return glass.isPresent();
    }

    /**
     * The patient's summary if the user may see their record now (their organisation is in the care team, or their
     * break-glass opening is in force), else empty: for the patient banner of a page whose controller checks and
     * audits the read itself, so nothing is audited here and nothing tells whether an unseen patient exists.
     */
    @Transactional(readOnly = true)
    public Optional<PatientSummary> bannerSummary(CurrentUser user, PatientId patient) {
        if (!user.can(Permission.OPEN_PATIENT_RECORDS)) {
            return Optional.empty();
        }
        boolean visible = repository.inCareTeam(patient, user.organisationId())
                || repository.activeBreakGlass(user.id(), patient, clock.instant()).isPresent();
        return visible ? repository.summaries(List.of(patient)).stream().findFirst() : Optional.empty();
    }

    /** Summaries of those of {@code ids} the user may see; the others are left out. */
    @Transactional(readOnly = true)
    public List<PatientSummary> visibleSummaries(CurrentUser user, Collection<PatientId> ids) {
        if (!user.can(Permission.OPEN_PATIENT_RECORDS)) {
            return List.of();
        }
        return repository.summariesInCareOf(ids, user.organisationId());
    }

    /**
     * The names (SMITH, Jane) of those of {@code ids} the user may see, as {@link #visibleSummaries} would give them
     * and nothing else: for a list that orders every patient it may show before it reads the ones it shows. Not
     * audited: the caller audits the patients it shows.
     */
    @Transactional(readOnly = true)
    public java.util.Map<PatientId, String> visibleNames(CurrentUser user, Collection<PatientId> ids) {
        if (!user.can(Permission.OPEN_PATIENT_RECORDS)) {
            return java.util.Map.of();
        }
        return repository.namesInCareOf(ids, user.organisationId());
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
     * The organisations in the patient's care team, in the order they joined it. Internal use, not audited: for a
     * module acting on the patient's behalf (an agreed action made a task for one of them), never shown to a user.
     */
    @Transactional(readOnly = true)
    public List<OrganisationId> careTeamOrganisations(PatientId patient) {
        return repository.careTeam(patient);
    }

    /**
     * Summaries of those of {@code ids} in this organisation's care: the patients its visiting team plans visits for,
     * whoever asks (an urgent visit asked for by another organisation's clinician). Internal use: the caller has
     * already checked the user's own access to the patient they asked about.
     */
    @Transactional(readOnly = true)
    public List<PatientSummary> summariesInCareOf(OrganisationId organisation, Collection<PatientId> ids) {
        return repository.summariesInCareOf(ids, organisation);
    }

    /**
     * The first address line and postcode of those of {@code ids} the user may see, for a route list; the others are
     * left out, as by {@link #visibleSummaries}.
     */
    @Transactional(readOnly = true)
    public List<VisitAddress> visibleAddresses(CurrentUser user, Collection<PatientId> ids) {
        if (!user.can(Permission.OPEN_PATIENT_RECORDS)) {
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

    /**
     * The patient's registered GP practice, ODS code and name, for a letter addressed to it (the discharge medicines
     * record). Internal use, not audited: callers check access or act on the record's behalf at discharge.
     */
    @Transactional(readOnly = true)
    public GpPractice gpPractice(PatientId id) {
        PatientRecord r = repository.find(id).orElseThrow(() -> PatientNotFoundException.forId(id));
        return new GpPractice(r.gpPracticeCode(), r.gpPracticeName());
    }

    /** A GP practice as a patient is registered with it: ODS code and name, either may be absent. */
    public record GpPractice(String code, String name) {
    }

    @Transactional(readOnly = true)
    public List<Carer> carers(PatientId id) {
        return repository.carers(id);
    }

    /** Refuses (403, audited as DENIED against the patient) a role that never opens patient records. */
    private void requireClinicalReader(CurrentUser user, PatientId patient) {
        if (!user.can(Permission.OPEN_PATIENT_RECORDS)) {
            events.publishEvent(RecordAccessed.denied(user, AuditedRecord.PATIENT, patient, patient,
                    "role does not open patient records"));
            requireClinicalReader(user);
        }
    }

    private void publishDeniedOutsideCareTeam(CurrentUser user, PatientId patient) {
        events.publishEvent(RecordAccessed.denied(user, AuditedRecord.PATIENT, patient, patient,
                "organisation not in care team"));
    }

    private void requireClinicalReader(CurrentUser user) {
        if (!user.can(Permission.OPEN_PATIENT_RECORDS)) {
            throw new ForbiddenException("Your role (" + user.role().label()
                    + ") does not open individual patient records; use the service dashboards instead.");
        }
    }

    private void publish(CurrentUser user, Action action, PatientId patient, String detail) {
        events.publishEvent(RecordAccessed.of(user, action, AuditedRecord.PATIENT, patient, patient,
                detail));
    }
}
