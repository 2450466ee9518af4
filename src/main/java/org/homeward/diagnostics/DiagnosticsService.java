package org.homeward.diagnostics;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.homeward.patient.PatientService;
import org.homeward.patient.PatientSummary;
import org.homeward.referral.ReferralService;
import org.homeward.security.CurrentUser;
import org.homeward.security.Permission;
import org.homeward.security.SecurityService;
import org.homeward.shared.AuditedRecord;
import org.homeward.shared.DateWords;
import org.homeward.shared.InvalidInputException;
import org.homeward.shared.NhsNumber;
import org.homeward.shared.NotFoundException;
import org.homeward.shared.PatientId;
import org.homeward.shared.RecordAccessed;
import org.homeward.shared.RefusedException;
import org.homeward.task.NewTask;
import org.homeward.task.TaskAssignee;
import org.homeward.task.TaskOrigin;
import org.homeward.task.TaskPriority;
import org.homeward.task.TaskService;
import org.homeward.task.TaskView;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Diagnostics: the public API of the diagnostics module. Orders ({@link Permission#ORDER_TESTS}) for an admitted
 * patient in the user's care team; the sample and its transport ({@link Permission#RECORD_SAMPLES}); results entered,
 * received from the lab or taken at the bedside ({@link Permission#RECORD_RESULTS}), each flagged by
 * {@link ResultFlags#flag}; acknowledgement ({@link Permission#ACKNOWLEDGE_RESULTS}). Every organisation in the care
 * team reads (through {@link PatientService#requireVisible}; others get 404). A critical result publishes
 * {@link CriticalResultReceived} in the result's transaction; results awaiting acknowledgement are a task for the
 * ordering clinician, done when the last is acknowledged. A refused request writes nothing.
 */
@Service
public class DiagnosticsService {

    public static final int QUESTION_MAX = 1000;
    public static final int NOTE_MAX = 1000;
    public static final int REPORT_MAX = 4000;
    public static final int REASON_MAX = 500;
    /** A phone's clock a little fast is not refused. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final DiagnosticsRepository repository;
    private final PatientService patients;
    private final ReferralService referrals;
    private final TaskService tasks;
    private final SecurityService security;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ObjectProvider<HomeVisits> homeVisits;

    DiagnosticsService(DiagnosticsRepository repository, PatientService patients, ReferralService referrals,
            TaskService tasks, SecurityService security, ApplicationEventPublisher events, Clock clock,
            ObjectProvider<HomeVisits> homeVisits) {
        this.homeVisits = homeVisits;
        this.security = security;
        this.repository = repository;
        this.patients = patients;
        this.referrals = referrals;
        this.tasks = tasks;
        this.events = events;
        this.clock = clock;
    }

    /** The test catalogue, in the order forms list it. */
    @Transactional(readOnly = true)
    public List<CatalogueTest> catalogue() {
        return repository.catalogue();
    }

    // orders ---------------------------------------------------------------------------------------------------

    /** Orders tests for an admitted patient in the user's care team. */
    @Transactional
    public TestOrderView order(CurrentUser user, PatientId patient, OrderTests command) {
        user.require(Permission.ORDER_TESTS);
        patients.requireVisible(user, patient);
        if (command == null) {
            throw new InvalidInputException("tests", "Choose at least one test");
        }
        requireAdmitted(patient);
        Map<String, CatalogueTest> catalogue = byCode();
        List<String> codes = orderedCodes(command.tests(), catalogue);
        if (codes.stream().anyMatch(c -> catalogue.get(c).kind() == TestKind.POINT_OF_CARE)) {
            throw new InvalidInputException("tests", "A point-of-care test is recorded with its result at the visit,"
                    + " not ordered: use the point-of-care form");
        }
        String question = required("clinicalQuestion", "The clinical question (what the tests should answer)",
                command.clinicalQuestion(), QUESTION_MAX);
        if (command.urgency() == null) {
            throw new InvalidInputException("urgency", "Choose how soon: routine, urgent or same day");
        }
        boolean imaging = codes.stream().anyMatch(c -> catalogue.get(c).kind() == TestKind.IMAGING);
        String transportNote = optional("patientTransportNote", "The transport note", command.patientTransportNote(),
                REASON_MAX);
        if (imaging && command.patientTransport() == null) {
            throw new InvalidInputException("patientTransport", "Imaging needs the patient to get there: say whether"
                    + " transport is booked, arranged by the family, or not needed (and why)");
        }
        if (!imaging && command.patientTransport() != null) {
            throw new InvalidInputException("patientTransport", "Transport for the patient is only for imaging");
        }
        if (command.patientTransport() == PatientTransport.NOT_NEEDED && transportNote == null) {
            throw new InvalidInputException("patientTransportNote", "Say why the patient needs no transport");
        }
        OrderTests cleaned = new OrderTests(codes, question, command.urgency(), command.patientTransport(),
                transportNote);
        UUID id = UUID.randomUUID();
        repository.insertOrder(id, patient, cleaned, false, user.username(), user.signature(),
                user.organisationId().value(), now(), OrderStatus.ORDERED, codes);
        TestOrderView view = repository.order(id).orElseThrow();
        events.publishEvent(RecordAccessed.created(user, AuditedRecord.TEST_ORDER, id, patient,
                "ordered " + view.testWords() + " (" + command.urgency().label().toLowerCase() + ")"));
        return view;
    }

    /** The patient's orders, newest first, with their samples and every result; audited. */
    @Transactional
    public List<TestOrderView> ordersOf(CurrentUser user, PatientId patient) {
        patients.requireVisible(user, patient);
        List<TestOrderView> found = repository.ordersOf(patient);
        events.publishEvent(RecordAccessed.read(user, AuditedRecord.TEST_ORDER, null, patient,
                "viewed " + found.size() + " test order(s) and their results"));
        return found;
    }

    /** One order, for those who may see its patient (404 otherwise). */
    @Transactional
    public TestOrderView order(CurrentUser user, UUID orderId) {
        TestOrderView order = repository.order(orderId).orElseThrow(() -> noSuchOrder(orderId));
        patients.requireVisibleRecord(user, order.patientId(), () -> noSuchOrder(orderId));
        events.publishEvent(RecordAccessed.read(user, AuditedRecord.TEST_ORDER, orderId, order.patientId(),
                "viewed a test order (" + order.testWords() + ")"));
        return order;
    }

    /** Records the sample taken for an order: who (the user), when, labelled at the bedside, at a home visit. */
    @Transactional
    public TestOrderView recordSample(CurrentUser user, UUID orderId, RecordSample command) {
        user.require(Permission.RECORD_SAMPLES);
        DiagnosticsRepository.StoredOrder order = visibleLocked(user, orderId);
        if (command == null || command.labelled() == null || !command.labelled()) {
            throw new InvalidInputException("labelled", "Label the sample with the patient's details at the bedside"
                    + " before recording it: an unlabelled sample is rejected by the lab");
        }
        if (order.status() != OrderStatus.ORDERED) {
            throw new RefusedException("The sample for this order is already recorded, or the order is "
                    + order.status().label().toLowerCase() + ": its status is " + order.status().label());
        }
        Instant now = now();
        Instant takenAt = notFuture("takenAt", "The time the sample was taken", command.takenAt(), now);
        VisitReference visit = duringVisit(order.patientId(), command.visit(), takenAt, "The sample");
        boolean atVisit = visit != null || command.atHomeVisit() == null || command.atHomeVisit();
        repository.recordSample(orderId, user.signature(), user.username(), takenAt, atVisit, visit);
        events.publishEvent(RecordAccessed.updated(user, AuditedRecord.TEST_ORDER, orderId, order.patientId(),
                "recorded the sample taken" + (visit != null ? " at the home visit " + visit.visitId() + " of "
                        + visit.planDate() : atVisit ? " at a home visit" : "")));
        return repository.order(orderId).orElseThrow();
    }

    /** Records the sample's transport to the lab (how, when dispatched) and, when known, its receipt there. */
    @Transactional
    public TestOrderView recordTransport(CurrentUser user, UUID orderId, RecordTransport command) {
        user.require(Permission.RECORD_SAMPLES);
        DiagnosticsRepository.StoredOrder order = visibleLocked(user, orderId);
        if (order.sampleTakenAt() == null || order.status() == OrderStatus.CANCELLED) {
            throw new RefusedException("Record the sample taken before its transport (the order is "
                    + order.status().label().toLowerCase() + ")");
        }
        if (command == null || command.transport() == null) {
            throw new InvalidInputException("transport", "Say how the sample goes to the lab: by courier or handed in");
        }
        Instant now = now();
        Instant dispatched = notFuture("dispatchedAt", "The time the sample left", command.dispatchedAt(), now);
        if (dispatched.isBefore(order.sampleTakenAt())) {
            throw new InvalidInputException("dispatchedAt", "The sample cannot leave before it was taken");
        }
        Instant received = command.receivedAt() == null ? null
                : notFuture("receivedAt", "The time the lab received it", command.receivedAt(), now);
        if (received != null && received.isBefore(dispatched)) {
            throw new InvalidInputException("receivedAt", "The lab cannot receive the sample before it left");
        }
        OrderStatus status = order.status() == OrderStatus.RESULTED ? OrderStatus.RESULTED : OrderStatus.SENT_TO_LAB;
        repository.recordTransport(orderId, status, command.transport(), dispatched, received);
        events.publishEvent(RecordAccessed.updated(user, AuditedRecord.TEST_ORDER, orderId, order.patientId(),
                "recorded the sample sent to the lab " + command.transport().label().toLowerCase()
                        + (received == null ? "" : ", received by the lab")));
        return repository.order(orderId).orElseThrow();
    }

    /** Cancels an order with no result, with a reason. */
    @Transactional
    public TestOrderView cancel(CurrentUser user, UUID orderId, CancelOrder command) {
        user.require(Permission.ORDER_TESTS);
        DiagnosticsRepository.StoredOrder order = visibleLocked(user, orderId);
        String reason = required("reason", "The reason for cancelling", command == null ? null : command.reason(),
                REASON_MAX);
        if (order.status() == OrderStatus.CANCELLED || order.status() == OrderStatus.RESULTED
                || !repository.resultsOfOrder(orderId).isEmpty()) {
            throw new RefusedException("This order is " + order.status().label().toLowerCase()
                    + " or has results, so it cannot be cancelled");
        }
        repository.cancel(orderId, user.signature(), now(), reason);
        events.publishEvent(RecordAccessed.updated(user, AuditedRecord.TEST_ORDER, orderId, order.patientId(),
                "cancelled the order: " + reason));
        return repository.order(orderId).orElseThrow();
    }

    // results --------------------------------------------------------------------------------------------------

    /**
     * Structured results from the lab for one order. The NHS number must be the order's patient's (400 naming
     * nhsNumber otherwise: never filed against another patient).
     */
    @Transactional
    public TestOrderView receiveResults(CurrentUser user, ResultsIn command) {
        user.require(Permission.RECORD_RESULTS);
        if (command == null || command.orderId() == null) {
            throw new InvalidInputException("orderId", "Name the order the results are for");
        }
        DiagnosticsRepository.StoredOrder order = visibleLocked(user, command.orderId());
        String problem = NhsNumber.problemWith(command.nhsNumber());
        if (problem != null) {
            throw new InvalidInputException("nhsNumber", problem + ": the patient's NHS number is required with"
                    + " every result");
        }
        PatientSummary patient = patients.summary(order.patientId());
        if (!patient.nhsNumber().equals(NhsNumber.of(command.nhsNumber()))) {
            throw new InvalidInputException("nhsNumber", "The NHS number is not that of the patient the order is"
                    + " for: check the sample's label and the order; nothing was filed");
        }
        return store(user, order, patient, command.results(), ResultSource.RECEIVED, "results");
    }

    /** Results entered by staff from the lab's report, on the patient's page. */
    @Transactional
    public TestOrderView enterResults(CurrentUser user, UUID orderId, List<ResultLine> lines) {
        user.require(Permission.RECORD_RESULTS);
        DiagnosticsRepository.StoredOrder order = visibleLocked(user, orderId);
        return store(user, order, patients.summary(order.patientId()), lines, ResultSource.ENTERED, "results");
    }

    /** A point-of-care test at the visit: ordered, taken and resulted at once, flagged by the same rule. */
    @Transactional
    public TestOrderView pointOfCare(CurrentUser user, PatientId patient, PointOfCareTest command) {
        user.require(Permission.RECORD_RESULTS);
        patients.requireVisible(user, patient);
        if (command == null || command.testCode() == null || command.testCode().isBlank()) {
            throw new InvalidInputException("testCode", "Choose the point-of-care test");
        }
        requireAdmitted(patient);
        CatalogueTest test = byCode().get(command.testCode().strip().toUpperCase());
        if (test == null || test.kind() != TestKind.POINT_OF_CARE) {
            throw new InvalidInputException("testCode", "'" + command.testCode() + "' is not a point-of-care test in"
                    + " the catalogue: choose one of " + String.join(", ", catalogue().stream()
                            .filter(t -> t.kind() == TestKind.POINT_OF_CARE).map(CatalogueTest::code).toList()));
        }
        Instant now = now();
        Instant takenAt = notFuture("takenAt", "The time of the test", command.takenAt(), now);
        VisitReference visit = duringVisit(patient, command.visit(), takenAt, "The test");
        String question = optional("clinicalQuestion", "The clinical question", command.clinicalQuestion(),
                QUESTION_MAX);
        UUID id = UUID.randomUUID();
        repository.insertOrder(id, patient, new OrderTests(List.of(test.code()),
                question == null ? "Point-of-care test at the visit" : question, Urgency.SAME_DAY, null, null),
                true, user.username(), user.signature(), user.organisationId().value(), takenAt, OrderStatus.ORDERED,
                List.of(test.code()));
        repository.recordSample(id, user.signature(), user.username(), takenAt, true, visit);
        DiagnosticsRepository.StoredOrder order = repository.lock(id).orElseThrow();
        events.publishEvent(RecordAccessed.created(user, AuditedRecord.TEST_ORDER, id, patient,
                "recorded a point-of-care " + test.name()));
        return store(user, order, patients.summary(patient), List.of(new ResultLine(test.code(), command.value(),
                command.unit(), null, null, null, null, takenAt, null)), ResultSource.POINT_OF_CARE, "");
    }

    /**
     * What was taken at a home visit of the patient (samples and point-of-care tests recorded from that visit), for the
     * visit's record; for those who may see the patient (404 otherwise).
     */
    @Transactional
    public List<TestOrderView> takenAtVisit(CurrentUser user, PatientId patient, VisitReference visit) {
        patients.requireVisible(user, patient);
        List<TestOrderView> found = repository.takenAtVisit(patient, visit);
        if (!found.isEmpty()) {
            events.publishEvent(RecordAccessed.read(user, AuditedRecord.TEST_ORDER, null, patient,
                    "viewed " + found.size() + " test(s) taken at the home visit " + visit.visitId()));
        }
        return found;
    }

    /**
     * The visit a sample or test is recorded against, checked: a started visit of this patient whose time (arrival to
     * departure, or to now while under way) holds {@code takenAt}. {@code null} when none is named.
     */
    private VisitReference duringVisit(PatientId patient, VisitReference named, Instant takenAt, String what) {
        if (named == null) {
            return null;
        }
        if (named.planDate() == null) {
            throw new InvalidInputException("visit.planDate", "Give the date of the day plan the visit is in");
        }
        if (named.visitId() == null || named.visitId().isBlank()) {
            throw new InvalidInputException("visit.visitId", "Give the visit's id in the day plan");
        }
        HomeVisits source = homeVisits.getIfAvailable();
        HomeVisits.HomeVisit visit = source == null ? null : source.visit(named.planDate(), named.visitId())
                .orElse(null);
        if (visit == null) {
            throw new InvalidInputException("visit", "No started visit " + named.visitId() + " on " + DateWords.day(named.planDate())
                    + ": record it at a visit that has been arrived at");
        }
        if (!visit.patientId().equals(patient)) {
            throw new InvalidInputException("visit", "That visit is to another patient");
        }
        ZoneId zone = clock.getZone();
        if (takenAt.isBefore(visit.arrivedAt())
                || (visit.departedAt() != null && takenAt.isAfter(visit.departedAt()))) {
            throw new InvalidInputException("takenAt", what + " was taken at "
                    + DateWords.dateTime(takenAt, zone) + ", outside the visit ("
                    + visit.staffName() + " arrived " + DateWords.dateTime(visit.arrivedAt(), zone)
                    + (visit.departedAt() == null ? ", still there"
                            : ", left " + DateWords.dateTime(visit.departedAt(), zone))
                    + "): give the time it was taken");
        }
        return new VisitReference(visit.planDate(), visit.visitId());
    }

    /** Acknowledges a current result: the clinician has seen it and is acting on it. */
    @Transactional
    public TestResultView acknowledge(CurrentUser user, UUID resultId, AcknowledgeResult command) {
        user.require(Permission.ACKNOWLEDGE_RESULTS);
        TestResultView result = repository.result(resultId)
                .orElseThrow(() -> new NotFoundException("No test result with id " + resultId));
        patients.requireVisible(user, result.patientId());
        DiagnosticsRepository.StoredOrder order = repository.lock(result.orderId()).orElseThrow();
        TestResultView fresh = repository.result(resultId).orElseThrow();
        if (!fresh.current()) {
            throw new RefusedException("This result has been corrected since: acknowledge the corrected result");
        }
        if (fresh.acknowledged()) {
            throw new RefusedException("This result was already acknowledged by " + fresh.acknowledgement().by());
        }
        String note = optional("note", "The note", command == null ? null : command.note(), NOTE_MAX);
        repository.insertAcknowledgement(resultId, result.patientId(), user.signature(), user.username(), now(), note);
        events.publishEvent(RecordAccessed.updated(user, AuditedRecord.TEST_RESULT, resultId, result.patientId(),
                "acknowledged " + fresh.words() + " (" + fresh.flag().label().toLowerCase() + ")"));
        boolean allDone = repository.resultsOfOrder(order.id()).stream().noneMatch(TestResultView::toAcknowledge);
        if (allDone && order.acknowledgementTaskId() != null) {
            tasks.completeAsDoneElsewhere(user, order.acknowledgementTaskId(), "Acknowledged by "
                    + user.signature() + (note == null ? "" : ": " + note));
            repository.setAcknowledgementTask(order.id(), null);
        }
        return repository.result(resultId).orElseThrow();
    }

    /**
     * For each of these patients: orders awaiting a result and results awaiting acknowledgement, in one query however
     * many patients (the board round's results column). Internal use: the caller has checked the user may see them.
     */
    @Transactional(readOnly = true)
    public Map<PatientId, OutstandingResults> outstanding(Collection<PatientId> patientIds) {
        return repository.outstanding(patientIds).stream()
                .collect(Collectors.toMap(OutstandingResults::patientId, Function.identity()));
    }

    // rules ----------------------------------------------------------------------------------------------------

    private TestOrderView store(CurrentUser user, DiagnosticsRepository.StoredOrder order, PatientSummary patient,
            List<ResultLine> lines, ResultSource source, String field) {
        if (order.status() == OrderStatus.CANCELLED) {
            throw new RefusedException("This order was cancelled: a result for it cannot be filed");
        }
        if (lines == null || lines.isEmpty()) {
            throw new InvalidInputException(field.isEmpty() ? "value" : field, "Give at least one result");
        }
        Map<String, CatalogueTest> catalogue = byCode();
        Set<String> ordered = new HashSet<>(repository.itemsOf(order.id()));
        Map<String, TestResultView> current = repository.resultsOfOrder(order.id()).stream()
                .filter(TestResultView::current)
                .collect(Collectors.toMap(TestResultView::testCode, Function.identity()));
        LocalDate today = LocalDate.now(clock);
        boolean adult = patient.isAdultOn(today);
        Instant now = now();
        Set<String> seen = new HashSet<>();
        List<Checked> checked = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String at = field.isEmpty() ? "" : field + "[" + i + "].";
            checked.add(check(lines.get(i), at, catalogue, ordered, current, seen, adult, now));
        }
        List<TestResultView> critical = new ArrayList<>();
        for (Checked c : checked) {
            UUID id = UUID.randomUUID();
            TestResultView old = current.get(c.test().code());
            repository.insertResult(id, order.id(), order.patientId(), c.test().code(), c.value(), c.unit(),
                    c.report(), c.range(), c.flag(), c.resultedAt(), source, user.signature(), user.username(), now,
                    old == null ? null : old.id(), old == null ? null : c.correctionReason(), c.test().version());
            TestResultView stored = repository.result(id).orElseThrow();
            events.publishEvent(RecordAccessed.created(user, AuditedRecord.TEST_RESULT, id, order.patientId(),
                    (old == null ? "filed " : "corrected to ") + stored.words() + " ("
                            + c.flag().label().toLowerCase() + ")"));
            if (c.flag().critical()) {
                critical.add(stored);
            }
        }
        Set<String> resulted = new HashSet<>(current.keySet());
        checked.forEach(c -> resulted.add(c.test().code()));
        if (resulted.containsAll(ordered) && order.status() != OrderStatus.RESULTED) {
            repository.setStatus(order.id(), OrderStatus.RESULTED);
        }
        for (TestResultView r : critical) {
            events.publishEvent(new CriticalResultReceived(r.id(), order.id(), order.patientId(),
                    r.words() + " (" + r.flag().label().toLowerCase() + ")", order.orderedByUsername()));
        }
        setAcknowledgementTask(user, order);
        return repository.order(order.id()).orElseThrow();
    }

    /** The ordering clinician's task to acknowledge the order's results: one open task per order while any await. */
    private void setAcknowledgementTask(CurrentUser user, DiagnosticsRepository.StoredOrder order) {
        List<TestResultView> waiting = repository.resultsOfOrder(order.id()).stream()
                .filter(TestResultView::toAcknowledge).toList();
        if (waiting.isEmpty() || order.acknowledgementTaskId() != null) {
            return;
        }
        boolean critical = waiting.stream().anyMatch(r -> r.flag().critical());
        boolean abnormal = waiting.stream().anyMatch(r -> r.flag().abnormal());
        String words = waiting.stream().map(r -> r.words() + (r.flag().abnormal()
                ? " (" + r.flag().label().toLowerCase() + ")" : "")).collect(Collectors.joining("; "));
        String title = (waiting.size() == 1 ? "Acknowledge the result: " : "Acknowledge the results: ") + words;
        if (title.length() > 200) {
            title = title.substring(0, 197) + "...";
        }
        TaskView task = tasks.create(user, new NewTask(order.patientId(), title,
                "Results filed by " + user.signature() + ". Open the patient's tests and results to acknowledge them.",
                assigneeFor(order, user), null,
                critical ? TaskPriority.URGENT : abnormal ? TaskPriority.HIGH : TaskPriority.ROUTINE,
                TaskOrigin.RESULT, order.id().toString()));
        repository.setAcknowledgementTask(order.id(), task.id());
    }

    /**
     * The ordering clinician, while they can see the task (active, with a worklist, their organisation still in the
     * care team); otherwise the team of the organisation filing the results, so a result is never refused, nor its
     * task lost, because the person who ordered it has moved on.
     */
    private TaskAssignee assigneeFor(DiagnosticsRepository.StoredOrder order, CurrentUser filing) {
        return security.findActiveUser(order.orderedByUsername())
                .filter(u -> u.can(Permission.SEE_WORKLIST))
                .filter(u -> !patients.inCareOf(u.organisationId(), List.of(order.patientId())).isEmpty())
                .map(u -> TaskAssignee.person(u.username()))
                .orElse(TaskAssignee.team(filing.organisationId()));
    }

    private record Checked(CatalogueTest test, BigDecimal value, String unit, String report, ReferenceRange range,
            ResultFlag flag, Instant resultedAt, String correctionReason) {
    }

    private Checked check(ResultLine line, String at, Map<String, CatalogueTest> catalogue, Set<String> ordered,
            Map<String, TestResultView> current, Set<String> seen, boolean adult, Instant now) {
        if (line == null || line.testCode() == null || line.testCode().isBlank()) {
            throw new InvalidInputException(at + "testCode", "Name the test the result is for");
        }
        String code = line.testCode().strip().toUpperCase();
        CatalogueTest test = catalogue.get(code);
        if (test == null) {
            throw new InvalidInputException(at + "testCode", "'" + line.testCode() + "' is not a test in the"
                    + " catalogue: nothing was filed");
        }
        if (!ordered.contains(code)) {
            throw new InvalidInputException(at + "testCode", test.name() + " was not ordered on this order");
        }
        if (!seen.add(code)) {
            throw new InvalidInputException(at + "testCode", test.name() + " is given twice");
        }
        String correction = optional(at + "correctionReason", "The reason for the correction",
                line.correctionReason(), REASON_MAX);
        if (current.containsKey(code) && correction == null) {
            throw new InvalidInputException(at + "correctionReason", test.name() + " already has a result ("
                    + current.get(code).words() + "): give the reason for correcting it; the earlier one is kept");
        }
        Instant resultedAt = notFuture(at + "resultedAt", "The time of the result", line.resultedAt(), now);
        if (!test.numeric()) {
            String report = required(at + "report", "The report", line.report(), REPORT_MAX);
            if (line.value() != null) {
                throw new InvalidInputException(at + "value", test.name() + " is reported in words, not as a number");
            }
            if (line.flag() == null || !line.flag().forReportInWords()) {
                throw new InvalidInputException(at + "flag", "Say whether the " + test.name()
                        + " is normal, abnormal or critical");
            }
            return new Checked(test, null, null, report, null, line.flag(), resultedAt, correction);
        }
        if (line.value() == null) {
            throw new InvalidInputException(at + "value", "Give the " + test.name() + " result as a number");
        }
        if (line.unit() == null || line.unit().isBlank()) {
            throw new InvalidInputException(at + "unit", "Give the unit of the " + test.name() + " result ("
                    + test.unit() + "): a number without its unit is not filed");
        }
        if (!line.unit().strip().equalsIgnoreCase(test.unit())) {
            throw new InvalidInputException(at + "unit", test.name() + " is reported in " + test.unit() + ", not "
                    + line.unit().strip() + ": check the report; nothing was filed");
        }
        if (line.flag() != null) {
            throw new InvalidInputException(at + "flag", "A numeric result is flagged by its range and critical"
                    + " limits, not by hand");
        }
        ReferenceRange range = line.referenceLow() != null || line.referenceHigh() != null
                ? new ReferenceRange(line.referenceLow(), line.referenceHigh()) : test.range(adult);
        if (range.empty()) {
            throw new InvalidInputException(at + "referenceLow", "The catalogue has no " + (adult ? "adult" : "child")
                    + " reference range for " + test.name() + ": give the range printed by the lab");
        }
        if (range.low() != null && range.high() != null && range.low().compareTo(range.high()) > 0) {
            throw new InvalidInputException(at + "referenceHigh", "The reference range's high end is below its low"
                    + " end");
        }
        ResultFlag flag = ResultFlags.flag(line.value(), range.low(), range.high(), test.criticalLow(adult),
                test.criticalHigh(adult));
        return new Checked(test, line.value(), test.unit(), null, range, flag, resultedAt, correction);
    }

    private List<String> orderedCodes(List<String> asked, Map<String, CatalogueTest> catalogue) {
        if (asked == null || asked.isEmpty()) {
            throw new InvalidInputException("tests", "Choose at least one test");
        }
        Map<String, List<String>> panels = new LinkedHashMap<>();
        catalogue.values().stream().filter(t -> t.panelCode() != null)
                .forEach(t -> panels.computeIfAbsent(t.panelCode(), p -> new ArrayList<>()).add(t.code()));
        Set<String> codes = new LinkedHashSet<>();
        for (String raw : asked) {
            String code = raw == null ? "" : raw.strip().toUpperCase();
            if (panels.containsKey(code)) {
                codes.addAll(panels.get(code));
            } else if (catalogue.containsKey(code)) {
                codes.add(code);
            } else {
                throw new InvalidInputException("tests", "'" + raw + "' is not a test or panel in the catalogue");
            }
        }
        return List.copyOf(codes);
    }

    private void requireAdmitted(PatientId patient) {
        if (referrals.currentWard(patient).isEmpty()) {
            throw new RefusedException("This patient is not admitted to a virtual ward: tests are ordered for"
                    + " admitted patients");
        }
    }

    private DiagnosticsRepository.StoredOrder visibleLocked(CurrentUser user, UUID orderId) {
        DiagnosticsRepository.StoredOrder order = repository.lock(orderId).orElseThrow(() -> noSuchOrder(orderId));
        patients.requireVisible(user, order.patientId());
        return order;
    }

    private Map<String, CatalogueTest> byCode() {
        return repository.catalogue().stream()
                .collect(Collectors.toMap(CatalogueTest::code, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }

    private static NotFoundException noSuchOrder(UUID id) {
        return new NotFoundException("No test order with id " + id);
    }

    private static Instant notFuture(String field, String label, Instant given, Instant now) {
        if (given == null) {
            return now;
        }
        if (given.isAfter(now.plus(CLOCK_SKEW))) {
            throw new InvalidInputException(field, label + " must not be in the future");
        }
        return given.truncatedTo(ChronoUnit.MICROS);
    }

    private static String required(String field, String label, String text, int max) {
        String given = optional(field, label, text, max);
        if (given == null) {
            throw new InvalidInputException(field, label + " is required");
        }
        return given;
    }

    private static String optional(String field, String label, String text, int max) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String stripped = text.replace("\r\n", "\n").strip();
        if (stripped.length() > max) {
            throw new InvalidInputException(field, label + " must be at most " + max + " characters");
        }
        return stripped;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
