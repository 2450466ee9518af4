package org.homeward.referral;

import java.time.Clock;
import java.time.Instant;
import org.homeward.shared.DateWords;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.homeward.patient.CareShare;
import org.homeward.patient.CareTeamBasis;
import org.homeward.patient.Carer;
import org.homeward.patient.PatientService;
import org.homeward.patient.PatientSummary;
import org.homeward.security.CurrentUser;
import org.homeward.security.Permission;
import org.homeward.security.SecurityService;
import org.homeward.security.UserAccount;
import org.homeward.shared.AdmissionId;
import org.homeward.shared.AuditedRecord;
import org.homeward.shared.InvalidInputException;
import org.homeward.shared.PatientId;
import org.homeward.shared.RecordAccessed;
import org.homeward.shared.RecordAccessed.Action;
import org.homeward.shared.RecordsAccessed;
import org.homeward.shared.ReferralId;
import org.homeward.shared.RefusedException;
import org.homeward.shared.WardId;
import org.homeward.ward.VirtualWard;
import org.homeward.ward.WardCareRole;
import org.homeward.ward.WardService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Referral, triage, admission, census and discharge: the public API of the referral module. Every step checks the
 * user's role and access to the patient, enforces the order of the journey, and is audited.
 */
@Service
public class ReferralService {

    private final ReferralRepository repository;
    private final PatientService patients;
    private final WardService wards;
    private final SecurityService security;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReferralService(ReferralRepository repository, PatientService patients, WardService wards,
            SecurityService security, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.patients = patients;
        this.wards = wards;
        this.security = security;
        this.events = events;
        this.clock = clock;
    }

    // referral and triage ------------------------------------------------------------------------------------

    @Transactional
    public ReferralView refer(CurrentUser user, CreateReferral command) {
        return refer(user, command, null);
    }

    /** A new referral for the patient of a declined one, keeping the declined referral and its reason. */
    @Transactional
    public ReferralView reRefer(CurrentUser user, ReferralId declined, String newReason) {
        Referral original = referralFor(user, declined);
        original.requireDeclinedForReReferral();
        return refer(user, original.asNewReferral(newReason), original.id());
    }

    private ReferralView refer(CurrentUser user, CreateReferral command, ReferralId reReferralOf) {
        user.require(Permission.REFER_PATIENTS);
        patients.requireVisible(user, command.patientId());
        VirtualWard ward = wards.ward(command.wardId());
        int age = patients.summary(command.patientId()).ageOn(today());
        if (!ward.admitsAge(age)) {
            throw new InvalidInputException("wardId", ward.name() + " takes patients aged " + ward.minAgeYears()
                    + " to " + ward.maxAgeYears() + "; this patient is " + age + ". Choose a ward for their age.");
        }
        repository.findOpenAdmission(command.patientId()).ifPresent(open -> {
            throw new RefusedException("This patient is already admitted to " + wards.ward(open.wardId()).name()
                    + " (since " + DateWords.day(open.admissionDate()) + "); discharge them before referring again");
        });
        repository.findPendingForPatient(command.patientId()).ifPresent(pending -> {
            throw new RefusedException("This patient already has a referral " + pending.status().label().toLowerCase()
                    + " (referred " + DateWords.day(pending.referredAt().atZone(clock.getZone()).toLocalDate())
                    + "); it must be decided or admitted first");
        });
        Referral referral = Referral.create(command, user, reReferralOf, clock.instant());
        repository.insert(referral);
        shareCareByWard(user, ward, command.patientId(), "referred to ");
        audit(user, Action.CREATE, AuditedRecord.REFERRAL, referral.id().toString(), referral.patientId(),
                referral.direction().label() + " referral to " + ward.name()
                        + (reReferralOf == null ? "" : " (re-referral of " + reReferralOf + ")"));
        return referral.view(clock.getZone());
    }

    /** Accepts or declines a referral against the ward's admission criteria. */
    @Transactional
    public ReferralView triage(CurrentUser user, ReferralId id, TriageDecision decision) {
        user.require(Permission.TRIAGE_REFERRALS);
        Referral referral = referralFor(user, id);
        Instant decidedAt = decision.decidedAt() == null ? clock.instant() : decision.decidedAt();
        if (decidedAt.isAfter(clock.instant())) {
            throw new InvalidInputException("decidedAt", "The decision time must not be in the future");
        }
        if (decision.outcome() == TriageDecision.Outcome.ACCEPT) {
            VirtualWard ward = wards.ward(referral.wardId());
            int age = patients.summary(referral.patientId()).ageOn(decidedAt.atZone(clock.getZone()).toLocalDate());
            if (!ward.admitsAge(age)) {
                throw new RefusedException(ward.name() + " admits patients aged " + ward.minAgeYears() + " to "
                        + ward.maxAgeYears() + "; this patient is " + age + ". Decline, and refer to a ward for their age.");
            }
            requireFreeBed(wards.lockForAdmission(ward.id()), 0);
            referral.accept(user, decision.reason(), decidedAt);
        } else {
            referral.decline(user, decision.reason(), decidedAt);
        }
        repository.update(referral);
        audit(user, Action.UPDATE, AuditedRecord.REFERRAL, id.toString(), referral.patientId(),
                referral.status().label() + ": " + decision.reason());
        events.publishEvent(new ReferralTriaged(id, referral.patientId(), referral.wardId(), referral.status()));
        // when the patient left was read with the referral: an A03 recorded since then changed the referral's version,
        // so the update above refused the decision as a concurrent change; a later A03 waits for this row and sees it
        Instant readySince = referral.readyToAdmitSince();
        if (readySince != null) {
            events.publishEvent(new StepDownReadyToAdmit(id, referral.patientId(), referral.wardId(), readySince));
        }
        return referral.view(clock.getZone());
    }

    @Transactional
    public ReferralView referral(CurrentUser user, ReferralId id) {
        Referral referral = referralFor(user, id);
        audit(user, Action.READ, AuditedRecord.REFERRAL, id.toString(), referral.patientId(), "viewed referral");
        return referral.view(clock.getZone());
    }

    /**
     * Referrals awaiting triage or accepted and awaiting admission, most urgent first, that the user may see; each
     * patient listed is audited (ADR 0002).
     */
    @Transactional
    public List<ReferralView> openReferrals(CurrentUser user) {
        return auditedList(user, "open referrals", visible(user,
                repository.withStatus(EnumSet.of(ReferralStatus.AWAITING_TRIAGE, ReferralStatus.ACCEPTED), 500)));
    }

    /** The referrals made from the user's organisation, newest first, with their decisions; audited per patient. */
    @Transactional
    public List<ReferralView> referralsFromMyOrganisation(CurrentUser user) {
        return auditedList(user, "referrals from your organisation",
                visible(user, repository.referredBy(user.organisationId(), 200)));
    }

    /**
     * Referrals the user may see that are still awaiting triage after their target ({@link Urgency#triageDueAt}),
     * longest overdue first: the senior's list of overdue triage. Audited per patient.
     */
    @Transactional
    public List<ReferralView> overdueForTriage(CurrentUser user) {
        Instant now = clock.instant();
        return auditedList(user, "referrals overdue for triage", visible(user,
                repository.withStatus(EnumSet.of(ReferralStatus.AWAITING_TRIAGE), 500)).stream()
                .filter(r -> r.triageOverdue(now))
                .sorted(java.util.Comparator.comparing(ReferralView::triageDueAt)).toList());
    }

    /**
     * The scheduled triage check: each referral still awaiting triage after its target is noticed once, publishing
     * {@link TriageOverdue} (for escalation or notification to pick up) and an audit line. Returns how many.
     */
    @Transactional
    public int noticeOverdueTriage(Instant now) {
        int noticed = 0;
        for (Referral referral : repository.awaitingTriageNotNoticed()) {
            Instant due = referral.urgency().triageDueAt(referral.referredAt(), clock.getZone());
            if (now.isAfter(due) && repository.markTriageOverdueNoticed(referral.id(), now)) {
                events.publishEvent(new TriageOverdue(referral.id(), referral.patientId(), referral.wardId(),
                        referral.urgency(), referral.referredAt(), due, now));
                events.publishEvent(RecordAccessed.updated(TRIAGE_CLOCK, AuditedRecord.REFERRAL, referral.id(),
                        referral.patientId(), referral.urgency().label()
                                + " referral not triaged by its target " + due.atZone(clock.getZone())
                                .toLocalDateTime().withNano(0)));
                noticed++;
            }
        }
        return noticed;
    }

    private static final RecordAccessed.Actor TRIAGE_CLOCK = new RecordAccessed.Actor("triage-clock", null,
            "Homeward", "SYSTEM");

    /** One audit line per patient listed, against that patient, as the census writes them (ADR 0002). */
    private List<ReferralView> auditedList(CurrentUser user, String list, List<ReferralView> shown) {
        RecordsAccessed lines = RecordsAccessed.listed(user, AuditedRecord.REFERRAL_LIST, null,
                shown.stream().map(ReferralView::patientId).toList(),
                "listed on " + list + " (" + shown.size() + " referrals)");
        if (!lines.isEmpty()) {
            events.publishEvent(lines);
        }
        return shown;
    }

    /** A patient's referrals with their decisions; audited like opening one, since it shows the same. */
    @Transactional
    public List<ReferralView> referralsOf(CurrentUser user, PatientId patient) {
        patients.requireVisible(user, patient);
        List<ReferralView> found = repository.forPatient(patient).stream().map(r -> r.view(clock.getZone())).toList();
        audit(user, Action.READ, AuditedRecord.REFERRAL, null, patient, "listed the patient's " + found.size() + " referrals");
        return found;
    }

    /**
     * One referral with its admission, if admitted: the episode of care as the FHIR API serves it. A referral of a
     * patient outside the user's organisation's care is answered like one that does not exist (the refusal is still
     * audited as DENIED against the patient); the read is audited like opening the referral.
     */
    @Transactional
    public ReferralEpisode episode(CurrentUser user, ReferralId id) {
        Referral referral = repository.find(id).orElseThrow(() -> ReferralNotFoundException.forId(id));
        patients.requireVisibleRecord(user, referral.patientId(), () -> ReferralNotFoundException.forId(id));
        ReferralEpisode episode = new ReferralEpisode(referral.view(clock.getZone()),
                repository.admissionsOf(referral.patientId()).stream().filter(a -> id.equals(a.referralId()))
                        .findFirst().orElse(null));
        audit(user, Action.READ, AuditedRecord.REFERRAL, id.toString(), referral.patientId(),
                "viewed the episode of care (referral and admission)");
        return episode;
    }

    /** A patient's referrals, newest first, each with its admission if admitted; audited like listing the referrals. */
    @Transactional
    public List<ReferralEpisode> episodesOf(CurrentUser user, PatientId patient) {
        patients.requireVisible(user, patient);
        List<AdmissionView> admissions = repository.admissionsOf(patient);
        List<ReferralEpisode> found = repository.forPatient(patient).stream().map(r -> r.view(clock.getZone()))
                .map(r -> new ReferralEpisode(r, admissions.stream().filter(a -> r.id().equals(a.referralId()))
                        .findFirst().orElse(null)))
                .toList();
        audit(user, Action.READ, AuditedRecord.REFERRAL, null, patient,
                "listed the patient's " + found.size() + " episodes of care (referrals and admissions)");
        return found;
    }

    // admission and discharge ---------------------------------------------------------------------------------

    /**
     * Admits the patient of an accepted referral: named accountable clinician (KLoE 1.1), consent and shared
     * decision (KLoE 4.1, 4.2), estimated discharge date (KLoE 10.1), and a bed from the ward's capacity.
     */
    @Transactional
    public AdmissionView admit(CurrentUser user, ReferralId referralId, AdmitPatient command) {
        user.require(Permission.ADMIT_PATIENTS);
        Referral referral = referralFor(user, referralId);
        referral.admit();
        Instant now = clock.instant();
        Instant admittedAt = command.admittedAt() == null ? now : command.admittedAt();
        if (admittedAt.isAfter(now)) {
            throw new InvalidInputException("admittedAt", "Admission time must not be in the future");
        }
        if (referral.triagedAt() != null && admittedAt.isBefore(referral.triagedAt())) {
            throw new InvalidInputException("admittedAt", "Admission cannot be before the referral was accepted");
        }
        UserAccount accountable = accountableClinician(command);
        Consent consent = consent(referral.patientId(), command);
        Instant transferredAt = accountabilityTransfer(referral, command, admittedAt);
        AssessmentScores.Recorded assessment = assessment(referral.patientId(), command.assessment());

        VirtualWard ward = wards.lockForAdmission(referral.wardId());
        repository.findOpenAdmission(referral.patientId()).ifPresent(open -> {
            throw new RefusedException("This patient already has an open admission (since " + DateWords.day(open.admissionDate())
                    + "); a patient can be admitted to one virtual ward at a time");
        });
        requireFreeBed(ward, 1);
        Admission admission = Admission.open(AdmissionId.random(), referral.id(), referral.patientId(), ward.id(),
                accountable.id(), accountable.displayName(), admittedAt, clock.getZone(),
                command.estimatedDischargeDate(), command.consentGivenBy(), command.patientHasCapacity(),
                consent.name(), consent.role(), command.sharedDecisionRecord().trim(), transferredAt, assessment,
                command.estimatedDischargeReason());
        repository.update(referral);
        repository.insert(admission, user.id());
        AdmissionView view = admission.view();
        audit(user, Action.CREATE, AuditedRecord.ADMISSION, view.id().toString(), view.patientId(),
                "admitted to " + ward.name() + ", accountable " + accountable.displayName() + ", EDD "
                        + view.estimatedDischargeDate());
        shareCareByWard(user, ward, view.patientId(), "admitted to ");
        events.publishEvent(new PatientAdmitted(view.id(), view.patientId(), view.wardId(), accountable.id(),
                view.estimatedDischargeDate(), view.admittedAt()));
        return view;
    }

    @Transactional
    public AdmissionView discharge(CurrentUser user, AdmissionId id, DischargePatient command) {
        user.require(Permission.DISCHARGE_PATIENTS);
        Admission admission = repository.findAdmission(id).orElseThrow(() -> ReferralNotFoundException.forAdmission(id));
        patients.requireAccess(user, admission.view().patientId());
        Instant now = clock.instant();
        admission.discharge(command, command.dischargedAt() == null ? now : command.dischargedAt(), clock.getZone(),
                now, user.id());
        repository.updateDischarge(admission);
        AdmissionView view = admission.view();
        audit(user, Action.UPDATE, AuditedRecord.ADMISSION, id.toString(), view.patientId(),
                "discharged to " + view.dischargeDestination().label() + " after " + view.lengthOfStayDays() + " days");
        events.publishEvent(new PatientDischarged(id, view.patientId(), view.wardId(), view.dischargeDestination(),
                view.lengthOfStayDays(), view.dischargedAt(), user.username()));
        return view;
    }

    /**
     * Revises the estimated discharge date with a reason (KLoE 10.1); the history is kept and "past EDD" counts from
     * the current date. The same rule as at admission ({@link EstimatedDischarge}).
     */
    @Transactional
    public AdmissionView reviseEstimatedDischarge(CurrentUser user, AdmissionId id, ReviseEstimatedDischarge command) {
        user.require(Permission.REVISE_DISCHARGE_DATE);
        Admission admission = repository.findAdmission(id).orElseThrow(() -> ReferralNotFoundException.forAdmission(id));
        patients.requireAccess(user, admission.view().patientId());
        EddRevision revision = admission.reviseEstimatedDischarge(command.estimatedDischargeDate(), command.reason(),
                today(), user.id(), user.displayName(), clock.instant());
        repository.insertRevision(admission, revision);
        AdmissionView view = admission.view();
        audit(user, Action.UPDATE, AuditedRecord.ADMISSION, id.toString(), view.patientId(), "estimated discharge date revised from "
                + revision.previousDate() + " to " + revision.revisedDate() + ": " + revision.reason());
        return view;
    }

    /** The admission's EDD revisions, oldest first; shown with the admission, whose reading is audited. */
    @Transactional
    public List<EddRevision> estimatedDischargeRevisions(CurrentUser user, AdmissionId id) {
        AdmissionView view = repository.findAdmission(id).orElseThrow(() -> ReferralNotFoundException.forAdmission(id))
                .view();
        patients.requireAccess(user, view.patientId());
        return repository.eddRevisions(id);
    }

    @Transactional
    public AdmissionView admission(CurrentUser user, AdmissionId id) {
        AdmissionView view = repository.findAdmission(id).orElseThrow(() -> ReferralNotFoundException.forAdmission(id))
                .view();
        patients.requireAccess(user, view.patientId());
        audit(user, Action.READ, AuditedRecord.ADMISSION, id.toString(), view.patientId(),
                view.isOpen() ? "viewed admission" : "viewed discharge summary");
        return view;
    }

    /**
     * As {@link #admission}, but an admission of a patient outside the user's care teams is answered exactly as an
     * unknown one (not found), for an API that does not reveal whether a record exists (FHIR). The refusal is audited.
     */
    @Transactional
    public AdmissionView visibleAdmission(CurrentUser user, AdmissionId id) {
        AdmissionView view = repository.findAdmission(id).orElseThrow(() -> ReferralNotFoundException.forAdmission(id))
                .view();
        patients.requireVisibleRecord(user, view.patientId(), () -> ReferralNotFoundException.forAdmission(id));
        audit(user, Action.READ, AuditedRecord.ADMISSION, id.toString(), view.patientId(),
                view.isOpen() ? "viewed admission" : "viewed discharge summary");
        return view;
    }

    /** A patient's admissions with their discharge summaries; audited like opening one, since it shows the same. */
    @Transactional
    public List<AdmissionView> admissionsOf(CurrentUser user, PatientId patient) {
        patients.requireVisible(user, patient);
        List<AdmissionView> found = repository.admissionsOf(patient);
        audit(user, Action.READ, AuditedRecord.ADMISSION, null, patient, "listed the patient's " + found.size() + " admissions");
        return found;
    }

    /**
     * One admission of the patient, open or discharged: for a module closing its part of the loop at discharge (the
     * discharge medicines record). No user, no audit: the caller acts on the discharge's behalf.
     */
    @Transactional(readOnly = true)
    public java.util.Optional<AdmissionView> admissionOf(PatientId patient, AdmissionId id) {
        return repository.admissionsOf(patient).stream().filter(a -> a.id().equals(id)).findFirst();
    }

    /** The ward the patient is admitted to now, if any; for routing alerts, so no user and no audit line. */
    @Transactional(readOnly = true)
    public java.util.Optional<WardId> currentWard(PatientId patient) {
        return repository.findOpenAdmission(patient).map(AdmissionView::wardId);
    }

    /**
     * The patient's open admission, if any: for routing alerts to the accountable clinician above the top tier, so
     * no user and no audit line.
     */
    @Transactional(readOnly = true)
    public java.util.Optional<AdmissionView> openAdmission(PatientId patient) {
        return repository.findOpenAdmission(patient);
    }

    /**
     * The patient's admission that was open on {@code day}, if any: admitted on or before it and not discharged before
     * it (a patient discharged that day was still on the ward that morning); the latest such admission. For a board
     * round written up afterwards, which reviews the patients of the day it was held, some since discharged. No user,
     * no audit: the caller has checked the user's access to the patient.
     */
    @Transactional(readOnly = true)
    public java.util.Optional<AdmissionView> admissionOn(PatientId patient, LocalDate day) {
        return repository.admissionsOf(patient).stream()
                .filter(a -> !a.admissionDate().isAfter(day))
                .filter(a -> a.isOpen() || !a.dischargeDate().isBefore(day))
                .findFirst();
    }

    /** The ward each of these patients is admitted to now; patients not admitted are left out. No user, no audit. */
    @Transactional(readOnly = true)
    public java.util.Map<PatientId, WardId> currentWards(java.util.Collection<PatientId> patients) {
        return repository.currentWards(patients);
    }

    /** Those of these patients who were discharged and have not been admitted again. No user, no audit. */
    @Transactional(readOnly = true)
    public java.util.Set<PatientId> dischargedNotReadmitted(java.util.Collection<PatientId> patients) {
        return repository.dischargedNotReadmitted(patients);
    }

    /** When each of these patients' open admission began; patients not admitted are left out. No user, no audit. */
    @Transactional(readOnly = true)
    public java.util.Map<PatientId, Instant> admissionTimes(java.util.Collection<PatientId> patients) {
        return repository.admissionTimes(patients);
    }

    /**
     * The open admissions on one ward, or on every ward when {@code ward} is null, oldest first, as ids and ward only:
     * for a list that orders every admitted patient and then reads in full only those it shows
     * ({@link #openAdmissionsOf}). No user, no audit.
     */
    @Transactional(readOnly = true)
    public List<OpenStay> openStays(WardId ward) {
        return repository.openStays(ward);
    }

    /** These patients' open admissions in full, by patient; patients not admitted are left out. No user, no audit. */
    @Transactional(readOnly = true)
    public java.util.Map<PatientId, AdmissionView> openAdmissionsOf(java.util.Collection<PatientId> patients) {
        return repository.openAdmissionsOf(patients).stream()
                .collect(Collectors.toMap(AdmissionView::patientId, Function.identity()));
    }

    // census ------------------------------------------------------------------------------------------------------

    /** The ward's patients today with day of stay, EDD, days over EDD and the 14-day flag. */
    @Transactional
    public WardCensus census(CurrentUser user, WardId wardId) {
        VirtualWard ward = wards.ward(wardId);
        LocalDate today = today();
        List<AdmissionView> open = repository.openAdmissions(wardId);
        Map<PatientId, PatientSummary> visible = patients
                .visibleSummaries(user, open.stream().map(AdmissionView::patientId).toList()).stream()
                .collect(Collectors.toMap(PatientSummary::id, Function.identity()));
        List<CensusRow> rows = new ArrayList<>();
        for (AdmissionView admission : open) {
            PatientSummary patient = visible.get(admission.patientId());
            if (patient != null) {
                rows.add(new CensusRow(admission, patient, patient.ageOn(today), admission.dayOfStay(today),
                        admission.lengthOfStaySoFar(today), admission.daysOverEstimatedDischarge(today),
                        admission.reachedFourteenDays(today)));
            }
        }
        // one audit line per patient listed, against that patient: their trail then shows each census that showed them
        for (CensusRow row : rows) {
            events.publishEvent(RecordAccessed.read(user, AuditedRecord.WARD_CENSUS, wardId, row.patient().id(),
                    "listed on the census of " + ward.name() + " (" + rows.size()
                            + " patients)"));
        }
        return new WardCensus(today, occupancy(ward, open, today), rows, open.size() - rows.size());
    }

    /** Occupancy and flow of every ward: numbers only, so commissioners may see it. */
    @Transactional(readOnly = true)
    public ServiceCensus serviceCensus(CurrentUser user) {
        LocalDate today = today();
        Map<WardId, List<AdmissionView>> openByWard = repository.allOpenAdmissions().stream()
                .collect(Collectors.groupingBy(AdmissionView::wardId));
        List<WardOccupancy> occupancy = wards.wards().stream()
                .map(ward -> occupancy(ward, openByWard.getOrDefault(ward.id(), List.of()), today))
                .toList();
        return ServiceCensus.of(today, occupancy);
    }

    private WardOccupancy occupancy(VirtualWard ward, List<AdmissionView> open, LocalDate today) {
        int fourteen = (int) open.stream().filter(a -> a.reachedFourteenDays(today)).count();
        int overEdd = (int) open.stream().filter(a -> a.daysOverEstimatedDischarge(today) > 0).count();
        return WardOccupancy.of(ward, open.size(), repository.countAcceptedAwaitingAdmission(ward.id()),
                repository.countAwaitingTriage(ward.id()), fourteen, overEdd);
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public Instant now() {
        return clock.instant();
    }

    // helpers ---------------------------------------------------------------------------------------------------

    /**
     * The one capacity rule for accepting and admitting: open admissions plus referrals accepted and awaiting
     * admission must leave a bed. Call with the ward row locked ({@link WardService#lockForAdmission}), so two
     * seniors cannot take the last bed at once.
     *
     * @param ownAcceptance 1 when the referral being admitted is itself one of the accepted ones, else 0
     */
    private void requireFreeBed(VirtualWard ward, int ownAcceptance) {
        int admitted = repository.countOpenAdmissions(ward.id());
        int accepted = repository.countAcceptedAwaitingAdmission(ward.id()) - ownAcceptance;
        if (admitted + accepted >= ward.bedCapacity()) {
            throw new RefusedException(ward.name() + " is full: " + (admitted + accepted) + " of " + ward.bedCapacity()
                    + " beds (" + admitted + " admitted, " + accepted + " accepted awaiting admission)."
                    + " Discharge a patient, or refer to another ward.");
        }
    }

    /**
     * Referral (so the ward's team can triage) and admission (so the nurses who visit can open the record at once)
     * put the ward's care organisations, host and visiting teams, and the patient's GP organisation in the patient's
     * care team, in the same transaction.
     */
    private void shareCareByWard(CurrentUser user, VirtualWard ward, PatientId patient, String why) {
        List<CareShare> shares = wards.careOrganisations(ward.id()).stream()
                .map(care -> new CareShare(care.organisationId(),
                        care.role() == WardCareRole.HOST ? CareTeamBasis.WARD_HOST : CareTeamBasis.WARD_VISITING,
                        why + ward.name()))
                .toList();
        patients.shareCareByRule(user, patient, shares);
    }

    private Referral referralFor(CurrentUser user, ReferralId id) {
        Referral referral = repository.find(id).orElseThrow(() -> ReferralNotFoundException.forId(id));
        patients.requireAccess(user, referral.patientId());
        return referral;
    }

    private List<ReferralView> visible(CurrentUser user, List<Referral> referrals) {
        List<PatientId> ids = referrals.stream().map(Referral::patientId).distinct().toList();
        var visible = patients.visibleSummaries(user, ids).stream().map(PatientSummary::id).collect(Collectors.toSet());
        return referrals.stream().filter(r -> visible.contains(r.patientId())).map(r -> r.view(clock.getZone()))
                .toList();
    }

    private UserAccount accountableClinician(AdmitPatient command) {
        UserAccount clinician = security.findUser(command.accountableClinicianId())
                .orElseThrow(() -> new InvalidInputException("accountableClinicianId", "No user with that id"));
        if (!clinician.can(Permission.BE_ACCOUNTABLE_CLINICIAN)) {
            throw new InvalidInputException("accountableClinicianId", clinician.displayName()
                    + " is not a senior decision-maker; the accountable clinician must be a consultant, consultant practitioner or GP");
        }
        return clinician;
    }

    /** Who consented; {@code name} is stored in a 200-character column. */
    private record Consent(String name, String role) {

        private static final int NAME_MAX = 200;

        /**
         * A patient's given and family names (each up to 100 characters) can together be one character too long for
         * the column; such a name is shortened with an ellipsis instead of failing the admission. The patient's full
         * name stays on their record, and the consent says the patient gave it.
         */
        static String fitted(String name) {
            if (name.length() <= NAME_MAX) {
                return name;
            }
            int end = Character.isHighSurrogate(name.charAt(NAME_MAX - 2)) ? NAME_MAX - 2 : NAME_MAX - 1;
            return name.substring(0, end) + "\u2026";
        }
    }

    /** Who consented, checked against capacity and parental responsibility. */
    private Consent consent(PatientId patientId, AdmitPatient command) {
        PatientSummary patient = patients.summary(patientId);
        boolean capacity = command.patientHasCapacity();
        return switch (command.consentGivenBy()) {
            case PATIENT -> {
                if (!capacity) {
                    throw new InvalidInputException("consentGivenBy", "A patient who lacks capacity cannot give consent;"
                            + " record consent by their lasting power of attorney or a best interests decision");
                }
                yield new Consent(Consent.fitted(patient.givenName() + " " + patient.familyName()), "Patient");
            }
            case PARENT_WITH_PARENTAL_RESPONSIBILITY -> {
                if (patient.isAdultOn(today())) {
                    throw new InvalidInputException("consentGivenBy", "The patient is an adult; a parent cannot consent for them");
                }
                if (command.consentingCarerId() == null) {
                    throw new InvalidInputException("consentingCarerId", "Choose the parent who consented from the patient's carers");
                }
                Carer carer = patients.carers(patientId).stream()
                        .filter(c -> c.id().equals(command.consentingCarerId())).findFirst()
                        .orElseThrow(() -> new InvalidInputException("consentingCarerId", "That person is not one of this patient's carers"));
                if (!carer.hasParentalResponsibility()) {
                    throw new InvalidInputException("consentingCarerId", carer.name()
                            + " does not hold parental responsibility, so cannot consent for the child");
                }
                yield new Consent(carer.name(), carer.relationship() + " (parental responsibility)");
            }
            case LASTING_POWER_OF_ATTORNEY, BEST_INTERESTS_DECISION -> {
                if (capacity) {
                    throw new InvalidInputException("consentGivenBy", "The patient has capacity, so they consent themselves");
                }
                if (command.consentingPersonName() == null || command.consentingPersonName().isBlank()) {
                    throw new InvalidInputException("consentingPersonName", "Name the "
                            + (command.consentGivenBy() == ConsentGivenBy.LASTING_POWER_OF_ATTORNEY
                                    ? "attorney" : "person who made the best interests decision") + "");
                }
                yield new Consent(command.consentingPersonName().trim(),
                        command.consentingPersonRole() == null || command.consentingPersonRole().isBlank()
                                ? command.consentGivenBy().label() : command.consentingPersonRole().trim());
            }
        };
    }

    /** CFS and 4AT are adult assessments (KLoE 3.2: "in adults"); children are assessed with PEWS. */
    private AssessmentScores.Recorded assessment(PatientId patient, AssessmentScores scores) {
        if (scores == null || (scores.clinicalFrailtyScale() == null && scores.fourAt() == null)) {
            return AssessmentScores.Recorded.NONE;
        }
        if (patients.summary(patient).ageOn(today()) < AssessmentScores.FROM_AGE) {
            throw new InvalidInputException("assessment", "The Clinical Frailty Scale and the 4AT are for adults; "
                    + "this patient is a child");
        }
        return scores.record();
    }

    /** KLoE 1.2: for a step-down, accountability passes to the H@H clinician before the patient leaves hospital. */
    private Instant accountabilityTransfer(Referral referral, AdmitPatient command, Instant admittedAt) {
        if (referral.direction() != ReferralDirection.STEP_DOWN) {
            return null;
        }
        if (command.accountabilityTransferredAt() == null) {
            throw new InvalidInputException("accountabilityTransferredAt", "A step-down admission must record when "
                    + "accountability passed from " + referral.inpatientConsultant()
                    + " to the accountable clinician, before the patient left hospital");
        }
        if (command.accountabilityTransferredAt().isAfter(admittedAt)) {
            throw new InvalidInputException("accountabilityTransferredAt",
                    "Accountability must be transferred before the patient leaves hospital, not after admission");
        }
        return command.accountabilityTransferredAt();
    }

    private void audit(CurrentUser user, Action action, AuditedRecord type, Object id, PatientId patient,
            String detail) {
        events.publishEvent(RecordAccessed.of(user, action, type, id, patient, detail));
    }

    // the inpatient stay of a step-down referral ------------------------------------------------------------------

    /**
     * Records on the patient's pending step-down referral (awaiting triage or accepted) what the acute hospital says
     * of their inpatient stay: admitted, moved ward (which also updates the ward the referral names), left the acute
     * ward, or one of those cancelled. Recorded by a user who may refer the patient (the hospital's integration
     * engine account) and audited against the patient. Empty when the patient has no pending step-down referral:
     * the hospital reports every inpatient, and most are not coming to a virtual ward.
     */
    @Transactional
    public java.util.Optional<InpatientStay> recordInpatientEvent(CurrentUser user, PatientId patient,
            InpatientEventKind kind, Instant occurredAt, String ward, String source) {
        user.require(Permission.REFER_PATIENTS);
        patients.requireVisible(user, patient);
        java.util.Optional<Referral> pending = repository.lockPendingForPatient(patient)
                .filter(r -> r.direction() == ReferralDirection.STEP_DOWN);
        if (pending.isEmpty()) {
            return java.util.Optional.empty();
        }
        Referral referral = pending.get();
        String acuteWard = ward == null || ward.isBlank() ? null : ward.trim();
        repository.insertInpatientEvent(referral.id(), new InpatientEvent(kind, occurredAt, acuteWard, source,
                clock.instant(), user.signature()));
        if (kind == InpatientEventKind.TRANSFERRED && acuteWard != null) {
            repository.updateInpatientWard(referral.id(), acuteWard);
        }
        InpatientStay stay = InpatientStay.of(referral.id(), repository.inpatientEvents(referral.id()));
        Instant leftBefore = referral.leftAcuteWardAt();
        Instant leftNow = stay.leftAcuteWardAt();
        if (!java.util.Objects.equals(leftBefore, leftNow)) {
            repository.updateLeftAcuteWardAt(referral.id(), leftNow);
        }
        String standing = "";
        if (referral.status() == ReferralStatus.ACCEPTED && leftBefore == null && leftNow != null) {
            standing = "; ready to admit";
            events.publishEvent(new StepDownReadyToAdmit(referral.id(), patient, referral.wardId(), leftNow));
        } else if (referral.status() == ReferralStatus.ACCEPTED && leftBefore != null && leftNow == null) {
            standing = "; no longer ready to admit";
            events.publishEvent(new StepDownNoLongerReadyToAdmit(referral.id(), patient, referral.wardId(),
                    "The acute hospital reported " + kind.label().toLowerCase() + " at "
                            + DateWords.dateTime(occurredAt, clock.getZone()) + " (" + source + ")", occurredAt));
        } else if (referral.status() == ReferralStatus.AWAITING_TRIAGE && leftNow != null) {
            standing = "; left the acute ward before triage: triage now";
        }
        audit(user, Action.UPDATE, AuditedRecord.REFERRAL, referral.id().toString(), patient,
                kind.label() + " at " + DateWords.dateTime(occurredAt, clock.getZone())
                        + (acuteWard == null ? "" : " (" + acuteWard + ")") + ", from " + source + standing);
        return java.util.Optional.of(stay);
    }

    /** The referral's inpatient stay as the acute hospital reported it; read with the referral and audited. */
    @Transactional
    public InpatientStay inpatientStay(CurrentUser user, ReferralId id) {
        Referral referral = referralFor(user, id);
        InpatientStay stay = InpatientStay.of(id, repository.inpatientEvents(id));
        audit(user, Action.READ, AuditedRecord.REFERRAL, id.toString(), referral.patientId(),
                "viewed the inpatient stay (" + stay.events().size() + " events)");
        return stay;
    }
}
