package org.homeward.boardround;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.homeward.shared.DateWords;
import org.homeward.escalation.AlertService;
import org.homeward.escalation.AlertSeverity;
import org.homeward.escalation.AlertView;
import org.homeward.patient.PatientService;
import org.homeward.patient.PatientSummary;
import org.homeward.referral.AdmissionView;
import org.homeward.referral.OpenStay;
import org.homeward.referral.ReferralService;
import org.homeward.referral.ReviseEstimatedDischarge;
import org.homeward.security.CurrentUser;
import org.homeward.security.Permission;
import org.homeward.security.Role;
import org.homeward.security.SecurityService;
import org.homeward.security.UserAccount;
import org.homeward.shared.AdmissionId;
import org.homeward.shared.AuditedRecord;
import org.homeward.shared.InvalidInputException;
import org.homeward.shared.NotFoundException;
import org.homeward.shared.PatientId;
import org.homeward.shared.RecordAccessed;
import org.homeward.shared.RecordsAccessed;
import org.homeward.shared.RefusedException;
import org.homeward.shared.UserId;
import org.homeward.shared.WardId;
import org.homeward.visit.PatientVisitSummary;
import org.homeward.visit.VisitRecordService;
import org.homeward.ward.VirtualWard;
import org.homeward.ward.WardService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The board round (KLoE 5.1, 10.1; SAFER; Red2Green): the public API of the board round module. The board is built
 * from a constant number of queries whatever the number of patients (admissions, who the user may see, today's
 * reviews, scores, open alerts, visits, the other modules' facts), never one per patient.
 */
@Service
public class BoardRoundService {

    static final int MAX_ATTENDEES = 40;
    static final int MAX_ACTIONS = 20;
    static final int MAX_NAME = 200;
    static final int MAX_WAITING_FOR = 500;
    static final int MAX_NOTE = 2000;
    static final int MAX_ACTION_TEXT = 500;
    /** An action is due within this many days of the round. */
    static final int LATEST_DUE_DAYS = 60;
    static final String WHOLE_SERVICE = "Whole service";
    /**
     * A round held on paper (an outage) may be written up afterwards for a day up to this many days before today, and
     * its reviews recorded while its day is within them.
     */
    static final int WRITE_UP_DAYS = 7;

    private final BoardRoundRepository repository;
    private final BoardRoundFacts facts;
    private final ReferralService referrals;
    private final PatientService patients;
    private final AlertService alerts;
    private final VisitRecordService visits;
    private final WardService wards;
    private final SecurityService security;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    BoardRoundService(BoardRoundRepository repository, BoardRoundFacts facts, ReferralService referrals,
            PatientService patients, AlertService alerts, VisitRecordService visits, WardService wards,
            SecurityService security, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.facts = facts;
        this.referrals = referrals;
        this.patients = patients;
        this.alerts = alerts;
        this.visits = visits;
        this.wards = wards;
        this.security = security;
        this.events = events;
        this.clock = clock;
    }

    // the board ---------------------------------------------------------------------------------------------------

    /**
     * The board of one ward, or of the whole service when {@code ward} is null, every row on one page: one row per
     * admitted patient the user may see, most acute first ({@link BoardOrder}); only those not reviewed today when
     * {@code notReviewedOnly}. Each patient shown is audited against them.
     */
    @Transactional(isolation = Isolation.REPEATABLE_READ)
    public Board board(CurrentUser user, WardId ward, boolean notReviewedOnly) {
        return board(user, ward, notReviewedOnly, 1, Integer.MAX_VALUE);
    }

    /**
     * One page of the board, {@code pageSize} rows from page {@code page} (the first is 1; a page past the last shows
     * the last). The order is chosen over every patient the user may see on the board from what orders it (acuity,
     * open alert, score, name) and today's reviews, which also give the count not reviewed today; the other columns
     * (visits, care plan, tasks) are read only for the patients on the page, and only they are audited. Read from one
     * snapshot of the database (repeatable read), so the page's rows are the patients its order was chosen from; a
     * caller must not call it inside a transaction of its own, whose isolation it would then join.
     */
    @Transactional(isolation = Isolation.REPEATABLE_READ)
    public Board board(CurrentUser user, WardId ward, boolean notReviewedOnly, int page, int pageSize) {
        user.require(Permission.SEE_BOARD_ROUND);
        if (page < 1) {
            throw new InvalidInputException("page", "The page must be 1 or more");
        }
        if (pageSize < 1) {
            throw new InvalidInputException("pageSize", "The page size must be 1 or more");
        }
        String wardName = ward == null ? WHOLE_SERVICE : wards.ward(ward).name();
        LocalDate today = LocalDate.now(clock);
        List<Candidate> candidates = candidates(user, ward, today);
        int notReviewed = (int) candidates.stream().filter(c -> !c.reviewedToday()).count();
        List<Candidate> matching = notReviewedOnly ? candidates.stream().filter(c -> !c.reviewedToday()).toList()
                : candidates;
        int pages = Math.max(1, (int) ((matching.size() + (long) pageSize - 1) / pageSize));
        int shownPage = Math.min(page, pages);
        int from = (int) Math.min(matching.size(), (long) (shownPage - 1) * pageSize);
        List<BoardRow> shown = rows(user,
                matching.subList(from, (int) Math.min(matching.size(), (long) from + pageSize)), ward, wardName, today);
        if (!shown.isEmpty()) {
            events.publishEvent(RecordsAccessed.listed(user, AuditedRecord.BOARD_ROUND, ward,
                    shown.stream().map(BoardRow::patientId).toList(),
                    "listed on the board round of " + wardName + " (" + shown.size() + " patients)"));
        }
        return new Board(today, ward, wardName, shown, notReviewed, notReviewedOnly, matching.size(), from + 1,
                shownPage, pages);
    }

    /**
     * One patient's row on the board of {@code ward} (the whole service when null), for their review form; audited as
     * shown. Not found when the patient is not on that board or the user may not see them.
     */
    @Transactional(isolation = Isolation.REPEATABLE_READ)
    public BoardRow boardRow(CurrentUser user, WardId ward, PatientId patient) {
        user.require(Permission.SEE_BOARD_ROUND);
        String wardName = ward == null ? WHOLE_SERVICE : wards.ward(ward).name();
        LocalDate today = LocalDate.now(clock);
        BoardRow row = candidates(user, ward, today, patient).stream().findFirst()
                .map(c -> rows(user, List.of(c), ward, wardName, today).get(0))
                .orElseThrow(() -> new NotFoundException("This patient is not on the board of " + wardName));
        events.publishEvent(RecordsAccessed.listed(user, AuditedRecord.BOARD_ROUND, ward, List.of(patient),
                "listed on the board round of " + wardName + " (1 patient)"));
        return row;
    }

    /**
     * A patient on the board before their row is built: only what orders the board and whether they were reviewed
     * today, read for every patient on it; the rest is read for the patients on the page shown.
     */
    private record Candidate(OpenStay stay, String name, boolean reviewedToday, Integer scoreTotal,
            AlertSeverity alertSeverity, Integer acuityRank) implements BoardOrder.Ranked {
    }

    /**
     * Every patient on the board the user may see, most acute first. The open stays on the ward (or every ward, for
     * the whole service) are narrowed to those the user may see, and the other reads are of those patients' ids,
     * except the open alerts' severities, read for the ward (or the service) and matched to them. Each read gives
     * only the columns that order the board.
     */
    private List<Candidate> candidates(CurrentUser user, WardId ward, LocalDate today) {
        return candidates(user, ward, today, null);
    }

    /** The board's candidates, or only {@code only}'s (one patient's row: nothing read for the others). */
    private List<Candidate> candidates(CurrentUser user, WardId ward, LocalDate today, PatientId only) {
        List<OpenStay> open = referrals.openStays(ward);
        if (only != null) {
            open = open.stream().filter(a -> a.patientId().equals(only)).toList();
        }
        Map<PatientId, String> names = patients.visibleNames(user, open.stream().map(OpenStay::patientId).toList());
        List<OpenStay> seen = open.stream().filter(a -> names.containsKey(a.patientId())).toList();
        if (seen.isEmpty()) {
            return List.of();
        }
        List<PatientId> ids = seen.stream().map(OpenStay::patientId).toList();
        Map<PatientId, AdmissionId> reviewed = repository.reviewedAdmissionsOn(today, ids);
        Map<PatientId, Integer> totals = repository.latestTotals(ids);
        Map<PatientId, AlertSeverity> severities = alerts.openAlertSeverities(ward);
        Map<PatientId, Integer> ranks = facts.acuityRanks(ids);
        List<Candidate> candidates = new ArrayList<>(seen.size());
        for (OpenStay stay : seen) {
            PatientId id = stay.patientId();
            candidates.add(new Candidate(stay, names.get(id), stay.id().equals(reviewed.get(id)), totals.get(id),
                    severities.get(id), ranks.get(id)));
        }
        candidates.sort(BoardOrder.MOST_ACUTE_FIRST);
        return candidates;
    }

    /**
     * The rows of these patients, in their order: each patient's admission, name, today's review, score and alert in
     * full and the columns not needed to order the board, read for them only. The board's transaction reads one
     * snapshot, so these are the patients and admissions its order was chosen from.
     */
    private List<BoardRow> rows(CurrentUser user, List<Candidate> page, WardId ward, String wardName,
            LocalDate today) {
        if (page.isEmpty()) {
            return List.of();
        }
        List<PatientId> ids = page.stream().map(c -> c.stay().patientId()).toList();
        Map<WardId, String> wardNames = ward != null ? Map.of(ward, wardName)
                : wards.wards().stream().collect(Collectors.toMap(VirtualWard::id, VirtualWard::name));
        Map<PatientId, AdmissionView> admissions = referrals.openAdmissionsOf(ids);
        Map<PatientId, PatientSummary> summaries = patients.visibleSummaries(user, ids).stream()
                .collect(Collectors.toMap(PatientSummary::id, Function.identity()));
        Map<PatientId, Review> reviews = repository.latestReviewsOn(today, ids);
        Map<PatientId, BoardRoundRepository.LatestScore> scores = repository.latestScores(ids);
        Map<PatientId, AlertView> openAlerts = alerts.openAlertsOf(ward, ids);
        Map<PatientId, PatientVisitSummary> visitTimes = visits.lastAndNextVisits(ids);
        Map<PatientId, PatientFacts> known = facts.factsFor(ids);
        List<BoardRow> rows = new ArrayList<>(page.size());
        for (Candidate c : page) {
            PatientId id = c.stay().patientId();
            AdmissionView admission = admissions.get(id);
            PatientSummary patient = summaries.get(id);
            if (admission == null || patient == null || !admission.id().equals(c.stay().id())) {
                // cannot happen in the board's one snapshot; never leave a patient off the board without saying so
                throw new IllegalStateException("The board's patient " + id + " changed while its page was read");
            }
            Review review = reviews.get(id);
            BoardRoundRepository.LatestScore score = scores.get(id);
            AlertView alert = openAlerts.get(id);
            PatientVisitSummary visit = visitTimes.get(id);
            rows.add(new BoardRow(id, patient.displayName(), patient.ageOn(today), admission.wardId(),
                    wardNames.getOrDefault(admission.wardId(), ""), admission.id(),
                    admission.estimatedDischargeDate(), admission.dayOfStay(today),
                    admission.estimatedDischargeDayOfStay(), admission.daysOverEstimatedDischarge(today),
                    review != null && review.admissionId().equals(admission.id()) ? review : null,
                    score == null ? null : score.scoreName(), score == null ? null : score.latestTotal(),
                    score == null ? null : ScoreTrend.between(score.previousTotal(), score.latestTotal()),
                    alert == null ? null : alert.severity(), alert == null ? null : alertSummary(alert),
                    visit == null ? null : visit.lastVisitAt(), visit == null ? null : visit.nextVisitAt(),
                    visit == null ? null : visit.nextVisitWhat(), known.getOrDefault(id, PatientFacts.NOT_RECORDED)));
        }
        return rows;
    }

    private static String alertSummary(AlertView alert) {
        return alert.scoreName() != null && alert.scoreTotal() != null ? alert.scoreName() + " " + alert.scoreTotal()
                : alert.kind().label();
    }

    // rounds ------------------------------------------------------------------------------------------------------

    /**
     * Starts a round for a ward or the whole service, led by a senior decision-maker, with its attendees: today's, or,
     * with {@code heldOn} a day up to {@value #WRITE_UP_DAYS} days before today, a round held then on paper and
     * written up now (marked so, started now, audited as recorded afterwards for its day).
     */
    @Transactional
    public BoardRound startRound(CurrentUser user, StartBoardRound command) {
        user.require(Permission.LEAD_BOARD_ROUND);
        if (command == null) {
            throw new InvalidInputException("wardId", "Say which ward the round is for, or leave it empty for the whole service");
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate heldOn = command.heldOn() == null ? today : command.heldOn();
        if (heldOn.isAfter(today)) {
            throw new InvalidInputException("heldOn", "The day the round was held cannot be in the future: start "
                    + "today's round, or write up a round held in the last " + WRITE_UP_DAYS + " days");
        }
        if (heldOn.isBefore(today.minusDays(WRITE_UP_DAYS))) {
            throw new InvalidInputException("heldOn", "A round can be written up afterwards only for the last "
                    + WRITE_UP_DAYS + " days (from " + DateWords.day(today.minusDays(WRITE_UP_DAYS)) + "); "
                    + DateWords.day(heldOn) + " is too long ago");
        }
        boolean writtenUpLater = heldOn.isBefore(today);
        WardId ward = command.wardId() == null ? null : new WardId(command.wardId());
        String wardName = WHOLE_SERVICE;
        if (ward != null) {
            try {
                wardName = wards.ward(ward).name();
            } catch (NotFoundException e) {
                throw new InvalidInputException("wardId", "There is no virtual ward with this id");
            }
        }
        UserAccount lead = command.leadUserId() == null
                ? security.findUser(user.id()).orElseThrow()
                : security.findUser(new UserId(command.leadUserId())).orElseThrow(
                        () -> new InvalidInputException("leadUserId", "There is no user with this id"));
        if (!lead.can(Permission.LEAD_BOARD_ROUND)) {
            throw new InvalidInputException("leadUserId", "The lead must be a senior decision-maker; "
                    + lead.displayName() + " is a " + lead.role().label());
        }
        List<BoardRound.RoundAttendee> attendees = new ArrayList<>();
        attendees.add(new BoardRound.RoundAttendee(lead.id(), lead.displayName(), roleOf(lead) + " (lead)"));
        List<StartBoardRound.Attendee> asked = command.attendees() == null ? List.of() : command.attendees();
        if (asked.size() > MAX_ATTENDEES) {
            throw new InvalidInputException("attendees", "must list at most " + MAX_ATTENDEES + " people");
        }
        for (int i = 0; i < asked.size(); i++) {
            attendees.add(attendee(asked.get(i), "attendees[" + i + "]", lead.id()));
        }
        List<BoardRound.RoundAttendee> distinct = attendees.stream()
                .filter(a -> a.userId() == null || attendees.stream().filter(b -> a.userId().equals(b.userId()))
                        .findFirst().orElseThrow() == a)
                .toList();
        BoardRound round = new BoardRound(UUID.randomUUID(), ward, wardName, heldOn, lead.id(),
                lead.displayName(), user.username(), clock.instant(), distinct, writtenUpLater);
        repository.insertRound(round);
        events.publishEvent(RecordAccessed.created(user, AuditedRecord.BOARD_ROUND, round.id(), null,
                "started the board round of " + wardName + " led by " + lead.displayName() + " with "
                        + distinct.size() + " attending"
                        + (writtenUpLater ? ", recorded afterwards for " + DateWords.day(heldOn) : "")));
        return round;
    }

    private BoardRound.RoundAttendee attendee(StartBoardRound.Attendee a, String field, UserId lead) {
        if (a == null) {
            throw new InvalidInputException(field, "is empty: name a user or give a name and role");
        }
        if (a.userId() != null) {
            UserAccount account = security.findUser(new UserId(a.userId())).orElseThrow(
                    () -> new InvalidInputException(field + ".userId", "There is no user with this id"));
            return new BoardRound.RoundAttendee(account.id(), account.displayName(), roleOf(account));
        }
        String name = text(a.name(), field + ".name", MAX_NAME, true);
        String role = text(a.role(), field + ".role", MAX_NAME, true);
        return new BoardRound.RoundAttendee(null, name, role);
    }

    private static String roleOf(UserAccount account) {
        String job = account.jobTitle() == null || account.jobTitle().isBlank() ? account.role().label()
                : account.jobTitle();
        return job + ", " + account.organisationName();
    }

    /** A round with its attendees. */
    @Transactional
    public BoardRound round(CurrentUser user, UUID id) {
        user.require(Permission.SEE_BOARD_ROUND);
        BoardRound round = repository.findRound(id).orElseThrow(() -> new NotFoundException("No board round with id " + id));
        events.publishEvent(RecordAccessed.read(user, AuditedRecord.BOARD_ROUND, id, null, "viewed the board round"));
        return named(round);
    }

    private BoardRound named(BoardRound round) {
        String wardName = round.wardId() == null ? WHOLE_SERVICE : wards.ward(round.wardId()).name();
        return new BoardRound(round.id(), round.wardId(), wardName, round.roundDate(), round.leadUserId(),
                round.leadName(), round.startedBy(), round.startedAt(), round.attendees(), round.writtenUpLater());
    }

    /** The reviews made at the round, every version, oldest first, of the patients the user may see. */
    @Transactional
    public List<Review> reviewsOfRound(CurrentUser user, UUID roundId) {
        user.require(Permission.SEE_BOARD_ROUND);
        repository.findRound(roundId).orElseThrow(() -> new NotFoundException("No board round with id " + roundId));
        List<Review> all = repository.reviewsOfRound(roundId);
        java.util.Set<PatientId> visible = patients.visibleSummaries(user,
                all.stream().map(Review::patientId).distinct().toList()).stream().map(PatientSummary::id)
                .collect(Collectors.toSet());
        List<Review> shown = all.stream().filter(r -> visible.contains(r.patientId())).toList();
        if (!shown.isEmpty()) {
            events.publishEvent(RecordsAccessed.listed(user, AuditedRecord.BOARD_ROUND_REVIEW, roundId,
                    shown.stream().map(Review::patientId).toList(), "viewed the board round's reviews"));
        }
        return shown;
    }

    /** Every review of the patient, newest first: the history kept when a review is made again. */
    @Transactional
    public List<Review> reviewsOfPatient(CurrentUser user, PatientId patient) {
        user.require(Permission.SEE_BOARD_ROUND);
        patients.requireVisible(user, patient);
        List<Review> found = repository.reviewsOfPatient(patient);
        events.publishEvent(RecordAccessed.read(user, AuditedRecord.BOARD_ROUND_REVIEW, null, patient,
                "viewed " + found.size() + " board round review(s)"));
        return found;
    }

    /**
     * Records a patient's review at today's round, or at a round written up afterwards while its day is within the
     * last {@value #WRITE_UP_DAYS} days (the review is then dated that day, of the admission open that day, and never
     * counts as today's): the day's colour (a red day names what the patient waits for and
     * has an action), the decision, and the actions agreed, each published as {@link BoardRoundActionAgreed}. "Revise
     * EDD" revises the admission's estimated discharge date through the referral module, with the note as reason.
     * "Discharge today / tomorrow" does not discharge: the board flags it and links to the admission's page, where the
     * discharge with its summary is done. A second review of the patient today is a new version; the newest counts.
     */
    @Transactional
    public Review recordReview(CurrentUser user, UUID roundId, RecordReview command) {
        user.require(Permission.RECORD_BOARD_ROUND_REVIEW);
        BoardRound round = repository.findRound(roundId)
                .orElseThrow(() -> new NotFoundException("No board round with id " + roundId));
        LocalDate today = LocalDate.now(clock);
        LocalDate day = round.roundDate();
        if (!day.equals(today)) {
            if (!round.writtenUpLater()) {
                throw new RefusedException("This round was held on " + DateWords.day(day)
                        + "; start today's round to review patients today");
            }
            if (day.isBefore(today.minusDays(WRITE_UP_DAYS))) {
                throw new RefusedException("This round, held on " + DateWords.day(day) + ", can no longer be written up:"
                        + " reviews are recorded for a round up to " + WRITE_UP_DAYS + " days after it was held");
            }
        }
        if (command == null || command.patientId() == null) {
            throw new InvalidInputException("patientId", "is required: the patient reviewed");
        }
        PatientId patient = new PatientId(command.patientId());
        patients.requireVisible(user, patient);
        AdmissionView admission = (day.equals(today) ? referrals.openAdmission(patient)
                : referrals.admissionOn(patient, day)).orElseThrow(() -> notAdmittedOn(patient, day, today));
        if (round.wardId() != null && !round.wardId().equals(admission.wardId())) {
            throw new InvalidInputException("patientId", "This patient is not on the ward of this round");
        }
        if (command.dayColour() == null) {
            throw new InvalidInputException("dayColour", "is required: a red or a green day");
        }
        String waitingFor = text(command.waitingFor(), "waitingFor", MAX_WAITING_FOR, false);
        if (command.dayColour() == DayColour.RED && waitingFor == null) {
            throw new InvalidInputException("waitingFor", "is required on a red day: say what the patient is waiting for");
        }
        if (command.decision() == null) {
            throw new InvalidInputException("decision", "is required: what the round decides");
        }
        LocalDate revised = command.revisedEstimatedDischargeDate();
        if (command.decision() == Decision.REVISE_EDD && revised == null) {
            throw new InvalidInputException("revisedEstimatedDischargeDate",
                    "is required when the decision is to revise the estimated discharge date");
        }
        if (command.decision() != Decision.REVISE_EDD && revised != null) {
            throw new InvalidInputException("revisedEstimatedDischargeDate",
                    "is given only with the decision to revise the estimated discharge date");
        }
        String note = text(command.note(), "note", MAX_NOTE, false);
        List<RecordReview.AgreeAction> asked = command.actions() == null ? List.of()
                : command.actions().stream().filter(a -> a != null && !isBlankAction(a)).toList();
        if (command.actions() != null && command.actions().size() > MAX_ACTIONS) {
            throw new InvalidInputException("actions", "must list at most " + MAX_ACTIONS + " actions");
        }
        if (command.dayColour() == DayColour.RED && asked.isEmpty()) {
            throw new InvalidInputException("actions", "A red day needs an action: who does what, by when, to end the wait");
        }
        Instant now = clock.instant();
        UUID reviewId = UUID.randomUUID();
        List<AgreedAction> actions = new ArrayList<>();
        for (int i = 0; i < asked.size(); i++) {
            actions.add(action(asked.get(i), "actions[" + i + "]", reviewId, roundId, patient, user, day,
                    day.equals(today), now));
        }
        if (command.decision() == Decision.REVISE_EDD) {
            String reason = note != null ? note : "Revised at the board round of " + day + " led by " + round.leadName();
            try {
                referrals.reviseEstimatedDischarge(user, admission.id(), new ReviseEstimatedDischarge(revised, reason));
            } catch (InvalidInputException e) {
                throw new InvalidInputException("estimatedDischargeDate".equals(e.field())
                        ? "revisedEstimatedDischargeDate" : "reason".equals(e.field()) ? "note" : e.field(),
                        e.getMessage());
            }
        }
        Review review = new Review(reviewId, roundId, patient, admission.id(), day,
                repository.nextVersion(patient, day), command.dayColour(), waitingFor, command.decision(), revised,
                note, user.username(), user.displayName(), now, actions);
        repository.insertReview(review);
        events.publishEvent(RecordAccessed.created(user, AuditedRecord.BOARD_ROUND_REVIEW, reviewId, patient,
                "reviewed at the board round: " + command.dayColour().label() + ", " + command.decision().label()
                        + (review.version() > 1 ? " (review " + review.version()
                                + (round.writtenUpLater() ? " of that day)" : " today)") : "")
                        + (actions.isEmpty() ? "" : ", " + actions.size() + " action(s)")
                        + (round.writtenUpLater() ? "; recorded afterwards for " + DateWords.day(day) : "")));
        for (AgreedAction a : actions) {
            events.publishEvent(new BoardRoundActionAgreed(a.id(), roundId, reviewId, patient, a.text(),
                    a.assignedRole(), a.dueDate(), a.priority(), a.agreedBy(), a.agreedAt(), day,
                    round.writtenUpLater()));
        }
        return review;
    }

    /** Why the patient cannot be reviewed at a round of {@code day}: not admitted then (or now), or admitted since. */
    private InvalidInputException notAdmittedOn(PatientId patient, LocalDate day, LocalDate today) {
        if (day.equals(today)) {
            return new InvalidInputException("patientId", "This patient is not admitted to a virtual ward");
        }
        return referrals.openAdmission(patient).filter(a -> a.admissionDate().isAfter(day))
                .map(a -> new InvalidInputException("patientId", "This patient was admitted on "
                        + DateWords.day(a.admissionDate()) + ", after the day this round was held ("
                        + DateWords.day(day) + ")"))
                .orElseGet(() -> new InvalidInputException("patientId", "This patient was not on a virtual ward on "
                        + DateWords.day(day)));
    }

    private static boolean isBlankAction(RecordReview.AgreeAction a) {
        return (a.text() == null || a.text().isBlank()) && a.assignedRole() == null && a.dueDate() == null
                && a.priority() == null;
    }

    /** An action agreed at a round held on {@code day}: due from that day to {@value #LATEST_DUE_DAYS} days after it. */
    private static AgreedAction action(RecordReview.AgreeAction a, String field, UUID reviewId, UUID roundId,
            PatientId patient, CurrentUser user, LocalDate day, boolean today, Instant now) {
        String text = text(a.text(), field + ".text", MAX_ACTION_TEXT, true);
        if (a.assignedRole() == null) {
            throw new InvalidInputException(field + ".assignedRole", "is required: the role that does it");
        }
        if (a.assignedRole() == Role.COMMISSIONER || a.assignedRole() == Role.ADMIN
                || a.assignedRole() == Role.GOVERNANCE) {
            throw new InvalidInputException(field + ".assignedRole", "must be a role that cares for patients");
        }
        if (a.dueDate() == null) {
            throw new InvalidInputException(field + ".dueDate", "is required: when it is due");
        }
        if (a.dueDate().isBefore(day) || a.dueDate().isAfter(day.plusDays(LATEST_DUE_DAYS))) {
            throw new InvalidInputException(field + ".dueDate", today
                    ? "must be from today to " + LATEST_DUE_DAYS + " days ahead"
                    : "must be from the day the round was held (" + DateWords.day(day) + ") to " + LATEST_DUE_DAYS
                            + " days after it");
        }
        if (a.priority() == null) {
            throw new InvalidInputException(field + ".priority", "is required: routine, urgent or immediate");
        }
        return new AgreedAction(UUID.randomUUID(), reviewId, roundId, patient, text, a.assignedRole(), a.dueDate(),
                a.priority(), null, user.username(), now);
    }

    /**
     * Records the task made from an action (for the task module, on {@link BoardRoundActionAgreed}); false when the
     * action already has one.
     */
    @Transactional
    public boolean linkTask(UUID actionId, UUID taskId) {
        return repository.linkTask(actionId, taskId);
    }

    /** Today in the service's time zone: the day whose reviews count. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Stripped text, null when blank; required text must be present; never longer than {@code max}. */
    private static String text(String value, String field, int max, boolean required) {
        String stripped = value == null ? null : value.strip();
        if (stripped == null || stripped.isEmpty()) {
            if (required) {
                throw new InvalidInputException(field, "is required");
            }
            return null;
        }
        if (stripped.length() > max) {
            throw new InvalidInputException(field, "must be at most " + max + " characters");
        }
        return stripped;
    }
}
