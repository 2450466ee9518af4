package org.homeward.hl7v2;

import ca.uhn.hl7v2.AcknowledgmentCode;
import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.model.v251.message.ACK;
import ca.uhn.hl7v2.model.v251.segment.PD1;
import ca.uhn.hl7v2.model.v251.segment.PID;
import ca.uhn.hl7v2.parser.PipeParser;
import ca.uhn.hl7v2.util.Terser;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.homeward.patient.PatientMerge;
import org.homeward.patient.PatientRecord;
import org.homeward.patient.PatientService;
import org.homeward.referral.ReferralService;
import org.homeward.security.CurrentUser;
import org.homeward.shared.DateWords;
import org.homeward.shared.PatientId;
import org.homeward.security.SecurityService;
import org.homeward.shared.ForbiddenException;
import org.homeward.shared.InvalidInputException;
import org.homeward.shared.NotFoundException;
import org.homeward.shared.RefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Store, then acknowledge. A message is applied in one transaction with its own row in {@code hl7_message}, and AA
 * is returned only after that transaction commits. A message that cannot be applied leaves no effects (the
 * transaction rolls back) and is stored with its error in a new transaction before AE or AR is returned. A repeat of
 * a control id already applied for the same sender is stored as a DUPLICATE and acknowledged AA without being applied
 * again; a repeat of a refused message is tried again, since nothing of it was applied.
 */
@Component
class AdtInbox {

    private static final Logger log = LoggerFactory.getLogger(AdtInbox.class);

    /** The events that create or update the patient. */
    static final Set<String> PATIENT_EVENTS = Set.of("A01", "A04", "A08", "A28", "A31");
    /** The events recorded on a pending step-down referral's inpatient stay (A01 also creates or updates the patient). */
    static final Set<String> STAY_EVENTS = AdtStay.KINDS.keySet();
    /** The event that merges a retired (duplicate) patient record into the surviving one. */
    static final String MERGE_EVENT = "A40";

    private final AdtPatients patients;
    private final PatientService patientService;
    private final ReferralService referrals;
    private final Hl7MessageRepository messages;
    private final SecurityService security;
    private final Hl7v2Properties properties;
    private final TransactionTemplate applying;
    private final TransactionTemplate recording;
    private final Clock clock;

    AdtInbox(AdtPatients patients, PatientService patientService, ReferralService referrals,
            Hl7MessageRepository messages, SecurityService security, Hl7v2Properties properties,
            PlatformTransactionManager transactions, Clock clock) {
        this.patients = patients;
        this.patientService = patientService;
        this.referrals = referrals;
        this.messages = messages;
        this.security = security;
        this.properties = properties;
        this.applying = new TransactionTemplate(transactions);
        this.applying.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.recording = new TransactionTemplate(transactions);
        this.recording.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** MSH as Homeward keys messages by. */
    record Header(String application, String facility, String controlId, String type, String event, String version) {

        static Header of(Message message) throws HL7Exception {
            Terser t = new Terser(message);
            return new Header(blank(t.get("/MSH-3-1")), blank(t.get("/MSH-4-1")), blank(t.get("/MSH-10")),
                    blank(t.get("/MSH-9-1")), blank(t.get("/MSH-9-2")), blank(t.get("/MSH-12")));
        }

        static Header of(Segment msh) {
            try {
                return new Header(blank(Terser.get(msh, 3, 0, 1, 1)), blank(Terser.get(msh, 4, 0, 1, 1)),
                        blank(Terser.get(msh, 10, 0, 1, 1)), blank(Terser.get(msh, 9, 0, 1, 1)),
                        blank(Terser.get(msh, 9, 0, 2, 1)), blank(Terser.get(msh, 12, 0, 1, 1)));
            } catch (HL7Exception e) {
                return unknown();
            }
        }

        static Header unknown() {
            return new Header("", "", "", "", "", "");
        }

        private static String blank(String value) {
            return value == null ? "" : value.trim();
        }
    }

    /** Applies a parsed message and returns the acknowledgement to send; never throws. */
    Message receive(Message message, String raw) {
        Instant receivedAt = clock.instant();
        Header header = headerOf(message);
        try {
            Optional<Hl7MessageView> original = messages.applied(header.application(), header.facility(),
                    header.controlId());
            if (original.isPresent()) {
                return duplicate(message, raw, header, receivedAt, original.get());
            }
            Plan plan = plan(message, header);
            return applying.execute(status -> apply(plan, message, raw, header, receivedAt));
        } catch (DuplicateKeyException e) {
            // the same control id was being applied on another connection at the same moment: it committed first
            return messages.applied(header.application(), header.facility(), header.controlId())
                    .map(first -> duplicate(message, raw, header, receivedAt, first))
                    .orElseGet(() -> refuse(message, raw, header, receivedAt, AdtRefusal.error(
                            ErrorCode.APPLICATION_RECORD_LOCKED, "MSH", 10,
                            "another message with this control id was being applied at the same time; send it again")));
        } catch (AdtRefusal e) {
            return refuse(message, raw, header, receivedAt, e);
        } catch (InvalidInputException e) {
            return refuse(message, raw, header, receivedAt, AdtRefusal.error(ErrorCode.DATA_TYPE_ERROR, "PID", 0,
                    e.field() + ": " + e.getMessage()));
        } catch (RefusedException | ForbiddenException | NotFoundException e) {
            return refuse(message, raw, header, receivedAt, AdtRefusal.error(ErrorCode.APPLICATION_INTERNAL_ERROR,
                    null, 0, e.getMessage()));
        } catch (RuntimeException e) {
            log.error("HL7 v2 message {} from {} could not be applied", header.controlId(), header.application(), e);
            return refuse(message, raw, header, receivedAt, AdtRefusal.error(ErrorCode.APPLICATION_INTERNAL_ERROR,
                    null, 0, "Homeward could not apply the message because of an internal error (reference "
                            + header.controlId() + "); it was not applied: send it again later"));
        }
    }

    private static Header headerOf(Message message) {
        try {
            return Header.of(message);
        } catch (HL7Exception e) {
            return Header.unknown();
        }
    }

    /** What a message asks for, read and checked before the applying transaction starts. */
    private record Plan(CurrentUser engine, AdtPatient patient, Optional<PatientRecord> existing, AdtStay stay,
            Merge merge) {
    }

    /** An A40's two records: the survivor (PID-3) and the retired one (MRG-1), both known to be in the engine's care. */
    private record Merge(PatientId survivor, PatientId retired, AdtMerge mrg) {
    }

    private Plan plan(Message message, Header header) {
        if (!"ADT".equals(header.type())) {
            throw AdtRefusal.rejected(ErrorCode.UNSUPPORTED_MESSAGE_TYPE, "MSH", 9,
                    "Homeward takes ADT messages only, not " + header.type());
        }
        if (header.controlId().isEmpty()) {
            throw AdtRefusal.rejected(ErrorCode.REQUIRED_FIELD_MISSING, "MSH", 10,
                    "MSH-10 message control id is required");
        }
        if (!PATIENT_EVENTS.contains(header.event()) && !STAY_EVENTS.contains(header.event())
                && !MERGE_EVENT.equals(header.event())) {
            throw AdtRefusal.rejected(ErrorCode.UNSUPPORTED_EVENT_CODE, "MSH", 9, "ADT^" + header.event()
                    + " is not an event Homeward takes (it takes A01, A02, A03, A04, A08, A11, A13, A28, A31 and A40)");
        }
        CurrentUser engine = engine();
        AdtPatient patient = readPatient(message);
        if (MERGE_EVENT.equals(header.event())) {
            return new Plan(engine, patient, Optional.empty(), null, merge(engine, patient, message, header));
        }
        AdtStay stay = STAY_EVENTS.contains(header.event())
                ? AdtStay.read(message, header.event(), clock.instant(), clock.getZone()) : null;
        return new Plan(engine, patient, patients.find(engine, patient), stay, null);
    }

    /**
     * An A40's records, found before the applying transaction: the survivor by PID-3's NHS number, the retired record
     * by MRG-1's NHS number (else by the trust's local number, as the messages applied from this facility carried
     * it). An unknown survivor is refused rather than created from the A40: a merge names two records Homeward holds,
     * and registering one on the way would hide a wrong NHS number.
     */
    private Merge merge(CurrentUser engine, AdtPatient survivor, Message message, Header header) {
        AdtMerge mrg = AdtMerge.read(message);
        PatientId survivorId = patientService.idInCareOf(engine, survivor.nhsNumber())
                .orElseThrow(() -> AdtRefusal.error(ErrorCode.UNKNOWN_KEY_IDENTIFIER, "PID", 3, "PID-3: no patient"
                        + " with NHS number " + survivor.nhsNumber().formatted() + " in your organisation's care, so"
                        + " there is no surviving record to merge into (an A40 does not register a patient: send an"
                        + " A28 first); nothing was merged"));
        PatientId retiredId;
        if (mrg.nhsNumber() != null) {
            if (mrg.nhsNumber().equals(survivor.nhsNumber())) {
                throw AdtRefusal.error(ErrorCode.DATA_TYPE_ERROR, "MRG", 1, "MRG-1 names the surviving record"
                        + " itself (NHS number " + survivor.nhsNumber().formatted() + ", as PID-3): a record cannot"
                        + " be merged into itself; nothing was merged");
            }
            retiredId = patientService.idInCareOf(engine, mrg.nhsNumber())
                    .orElseThrow(() -> unknownRetired(mrg));
        } else {
            List<UUID> found = messages.patientsWithLocalNumber(header.facility(), mrg.localNumber());
            if (found.size() > 1) {
                throw AdtRefusal.error(ErrorCode.UNKNOWN_KEY_IDENTIFIER, "MRG", 1, "MRG-1: local number "
                        + mrg.localNumber() + " was carried by messages for " + found.size() + " different patients;"
                        + " send the retired record's NHS number in MRG-1; nothing was merged");
            }
            retiredId = found.stream().map(PatientId::new).findFirst().orElseThrow(() -> unknownRetired(mrg));
            if (retiredId.equals(survivorId)) {
                throw AdtRefusal.error(ErrorCode.DATA_TYPE_ERROR, "MRG", 1, "MRG-1: local number "
                        + mrg.localNumber() + " is the surviving record's (NHS number "
                        + survivor.nhsNumber().formatted() + "); send the retired record's NHS number in MRG-1;"
                        + " nothing was merged");
            }
        }
        return new Merge(survivorId, retiredId, mrg);
    }

    private static AdtRefusal unknownRetired(AdtMerge mrg) {
        return AdtRefusal.error(ErrorCode.UNKNOWN_KEY_IDENTIFIER, "MRG", 1, "MRG-1: no patient with " + mrg.words()
                + " in your organisation's care, so there is no retired record to merge; nothing was merged");
    }

    /** Applies an A40 in the message's transaction; a refusal of the merge names MRG-1, the record to be retired. */
    private String applyMerge(Plan plan, String source) {
        try {
            PatientMerge done = patientService.merge(plan.engine(), plan.merge().survivor(), plan.merge().retired(),
                    source);
            String retired = "NHS number " + done.retired().nhsNumber().formatted();
            String survivor = "NHS number " + done.survivor().nhsNumber().formatted();
            return done.alreadyMerged()
                    ? "the record of " + retired + " was already merged into " + survivor + " on "
                            + DateWords.dateTime(done.mergedAt(), clock.getZone()) + ": nothing changed"
                    : "merged the record of " + retired + " into " + survivor + " with its history";
        } catch (RefusedException | ForbiddenException | NotFoundException e) {
            throw AdtRefusal.error(ErrorCode.APPLICATION_INTERNAL_ERROR, "MRG", 1, "MRG-1: " + e.getMessage());
        }
    }

    private Message apply(Plan plan, Message message, String raw, Header header, Instant receivedAt) {
        UUID id = UUID.randomUUID();
        messages.insert(row(id, raw, header, receivedAt, Hl7Outcome.APPLIED, null, null, null, plan.engine(), null));
        String source = "HL7 ADT^" + header.event() + " " + header.controlId() + " from " + header.application();
        PatientId patient = plan.existing().map(p -> p.summary().id()).orElse(null);
        List<String> done = new ArrayList<>();
        if (plan.merge() != null) {
            patient = plan.merge().survivor();
            done.add(applyMerge(plan, source));
        }
        if (PATIENT_EVENTS.contains(header.event())) {
            AdtPatients.Upserted upserted = patients.createOrUpdate(plan.engine(), plan.patient(), plan.existing(),
                    source);
            patient = upserted.patient();
            done.add(upserted.whatWasDone());
        }
        if (plan.stay() != null) {
            done.add(patient == null ? "the patient is not known to Homeward: nothing to record"
                    : referrals.recordInpatientEvent(plan.engine(), patient, plan.stay().kind(),
                            plan.stay().occurredAt(), plan.stay().ward(), source)
                            .map(stay -> "recorded on step-down referral " + stay.referralId().value() + ": "
                                    + plan.stay().kind().label().toLowerCase() + " at "
                                    + DateWords.dateTime(plan.stay().occurredAt(), clock.getZone()))
                            .orElse("the patient has no pending step-down referral: nothing to record"));
        }
        Message ack = ack(message, AcknowledgmentCode.AA, null);
        messages.recordApplied(id, plan.patient().nhsNumber().value(), plan.patient().localNumber(),
                patient == null ? null : patient.value(), String.join("; ", done), encode(ack));
        return ack;
    }

    private static AdtPatient readPatient(Message message) {
        try {
            Terser t = new Terser(message);
            PID pid = (PID) t.getSegment("/.PID");
            PD1 pd1 = hasPd1(t) ? (PD1) t.getSegment("/.PD1") : null;
            return AdtPatient.read(pid, pd1);
        } catch (HL7Exception | ClassCastException e) {
            throw AdtRefusal.rejected(ErrorCode.SEGMENT_SEQUENCE_ERROR, "PID", 0,
                    "The message's PID segment could not be read: " + e.getMessage());
        }
    }

    private static boolean hasPd1(Terser t) {
        try {
            return !t.getSegment("/.PD1").isEmpty();
        } catch (HL7Exception e) {
            return false;
        }
    }

    private CurrentUser engine() {
        String username = properties.inbound().actsAs();
        if (username == null || username.isBlank()) {
            throw AdtRefusal.error(ErrorCode.APPLICATION_INTERNAL_ERROR, null, 0,
                    "Homeward has no integration engine account configured (homeward.hl7v2.inbound.acts-as)");
        }
        return security.findActiveUser(username).map(CurrentUser::of)
                .orElseThrow(() -> AdtRefusal.error(ErrorCode.APPLICATION_INTERNAL_ERROR, null, 0,
                        "The integration engine account " + username + " does not exist or is disabled"));
    }

    private UUID engineOrganisation() {
        String username = properties.inbound().actsAs();
        try {
            return username == null ? null
                    : security.findActiveUser(username).map(a -> a.organisationId().value()).orElse(null);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private Message duplicate(Message message, String raw, Header header, Instant receivedAt,
            Hl7MessageView original) {
        Message ack = ack(message, AcknowledgmentCode.AA, null);
        setText(ack, "Already applied on " + original.receivedAt() + "; not applied again");
        recording.executeWithoutResult(status -> messages.insert(row(UUID.randomUUID(), raw, header, receivedAt,
                Hl7Outcome.DUPLICATE, "repeat of control id " + header.controlId() + " applied on "
                        + original.receivedAt(), null, original, null, encode(ack))));
        return ack;
    }

    private Message refuse(Message message, String raw, Header header, Instant receivedAt, AdtRefusal refusal) {
        Message ack = ack(message, refusal.code(), refusal);
        Hl7Outcome outcome = refusal.code() == AcknowledgmentCode.AR ? Hl7Outcome.REJECTED : Hl7Outcome.ERROR;
        try {
            recording.executeWithoutResult(status -> messages.insert(row(UUID.randomUUID(), raw, header, receivedAt,
                    outcome, refusal.getMessage(), refusal.location(), null, null, encode(ack))));
        } catch (RuntimeException e) {
            // the database is unreachable: say the message was not taken, so the engine sends it again
            log.error("HL7 v2 message {} could not be stored", header.controlId(), e);
            return ack(message, AcknowledgmentCode.AE, AdtRefusal.error(ErrorCode.APPLICATION_INTERNAL_ERROR, null, 0,
                    "Homeward could not store the message; it was not applied: send it again later"));
        }
        return ack;
    }

    private Hl7MessageView row(UUID id, String raw, Header h, Instant receivedAt, Hl7Outcome outcome, String error,
            String location, Hl7MessageView original, CurrentUser engine, String ack) {
        return new Hl7MessageView(id, receivedAt, h.application(), h.facility(), h.controlId(), h.type(), h.event(),
                h.version(), outcome, outcome.label(), error, location,
                original == null ? null : original.nhsNumber(), original == null ? null : original.localNumber(),
                original == null ? null : original.patientId(), engine == null ? properties.inbound().actsAs()
                        : engine.username(), engine == null ? engineOrganisation() : engine.organisationId().value(),
                null, ack == null ? null : ack.contains("MSA|AA") ? "AA"
                        : ack.contains("MSA|AR") ? "AR" : ack.contains("MSA|AE") ? "AE" : null, raw, ack);
    }

    /** Stores a message HAPI could not parse (truncated, wrong segment order, not HL7) and returns the AR to send. */
    String rejectUnparsed(HapiContext hapi, String raw, String hapiAck, Exception cause) {
        Instant receivedAt = clock.instant();
        Header header;
        try {
            header = Header.of(hapi.getPipeParser().getCriticalResponseData(raw));
        } catch (HL7Exception | RuntimeException e) {
            header = Header.unknown();
        }
        String why = "The message could not be read as HL7 v2: " + cause.getMessage();
        String ack = reject(hapi, hapiAck, header.controlId(), why, cause);
        Header h = header;
        try {
            recording.executeWithoutResult(status -> messages.insert(row(UUID.randomUUID(), raw == null ? "" : raw,
                    h, receivedAt, Hl7Outcome.REJECTED, why.length() > 2000 ? why.substring(0, 2000) : why,
                    location(cause), null, null, ack)));
        } catch (RuntimeException e) {
            log.error("an unreadable HL7 v2 message could not be stored", e);
        }
        return ack;
    }

    /**
     * HAPI's own error acknowledgement, made AR (the message is refused as it stands) with the reason in ERR; or, when
     * HAPI could make none because not even the header could be read (a message not starting with MSH), a new one.
     */
    private static String reject(HapiContext hapi, String hapiAck, String controlId, String why, Exception cause) {
        PipeParser parser = hapi.getPipeParser();
        if (hapiAck != null) {
            try {
                Message ack = parser.parse(hapiAck);
                Terser t = new Terser(ack);
                t.set("/MSA-1", "AR");
                t.set("/MSA-3", why.length() > 80 ? why.substring(0, 80) : why);
                t.set("/ERR-8", why);
                return parser.encode(ack);
            } catch (HL7Exception | RuntimeException e) {
                // made anew below
            }
        }
        try {
            ACK ack = hapi.newMessage(ACK.class);
            ack.initQuickstart("ACK", null, "P");
            HL7Exception error = cause instanceof HL7Exception e ? e
                    : new HL7Exception(why, ErrorCode.SEGMENT_SEQUENCE_ERROR);
            error.populateResponse(ack, AcknowledgmentCode.AR, 0);
            Terser t = new Terser(ack);
            t.set("/MSA-2", controlId);
            t.set("/MSA-3", why.length() > 80 ? why.substring(0, 80) : why);
            t.set("/ERR-8", why);
            return parser.encode(ack);
        } catch (HL7Exception | IOException | RuntimeException e) {
            return "MSH|^~\\&|||||||ACK|" + UUID.randomUUID() + "|P|2.5.1\rMSA|AR|" + controlId
                    + "\rERR|||100^Segment sequence error^HL70357|E";
        }
    }

    private static String location(Exception cause) {
        if (cause instanceof HL7Exception e && e.getLocation() != null && e.getLocation().getSegmentName() != null) {
            return e.getLocation().getSegmentName() + "^1"
                    + (e.getLocation().getField() > 0 ? "^" + e.getLocation().getField() : "");
        }
        return null;
    }

    private static Message ack(Message message, AcknowledgmentCode code, AdtRefusal refusal) {
        try {
            Message ack = message.generateACK(code, refusal == null ? null : refusal.asHl7Exception());
            if (refusal != null) {
                setText(ack, refusal.getMessage());
            }
            return ack;
        } catch (HL7Exception | IOException e) {
            throw new IllegalStateException("could not make an acknowledgement", e);
        }
    }

    private static void setText(Message ack, String text) {
        try {
            new Terser(ack).set("/MSA-3", text.length() > 80 ? text.substring(0, 80) : text);
        } catch (HL7Exception e) {
            // MSA-3 is a courtesy copy of ERR's text; the ACK stands without it
        }
    }

    private static String encode(Message message) {
        try {
            return message.encode();
        } catch (HL7Exception e) {
            return null;
        }
    }
}
