package org.homeward.medication;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.homeward.patient.PatientService;
import org.homeward.patient.PatientSummary;
import org.homeward.security.CurrentUser;
import org.homeward.security.Permission;
import org.homeward.security.SecurityService;
import org.homeward.security.UserAccount;
import org.homeward.shared.AuditedRecord;
import org.homeward.shared.InputText;
import org.homeward.shared.InvalidInputException;
import org.homeward.shared.NotFoundException;
import org.homeward.shared.PatientId;
import org.homeward.shared.RecordAccessed;
import org.homeward.shared.RefusedException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Grab bags and their stock, and the controlled drugs register: the public API. A grab bag belongs to one organisation
 * (its visiting team's): only that organisation's staff see or use it (others get 404). Its pharmacist or coordinator
 * creates bags and restocks them ({@link Permission#MANAGE_GRAB_BAGS}); its nurses check and reseal them ({@link
 * Permission#CHECK_GRAB_BAGS}) and use from them at a visit ({@link Permission#USE_GRAB_BAGS}, {@link #useFromBag},
 * which the administration of a dose at a visit calls in its own transaction). Every change of a quantity is an
 * append-only movement with who, when and why; quantities never go below zero and expired stock is never used (the
 * rules are {@link StockRules}).
 *
 * <p>Controlled drugs (Misuse of Drugs Regulations 2001, regulations 19-20 and Schedule 6; NICE NG46 Controlled drugs:
 * safe use and management 2016) have their own register for each organisation, bag and medicine with the running
 * balance after each entry, written with each movement of a controlled drug; each administration and removal is
 * witnessed by a second registered clinician of the organisation ({@link ControlledDrugRules}); entries are never
 * edited, and a balance check that disagrees is recorded as a discrepancy with its reason.
 */
@Service
public class GrabBagService {

    public static final int LABEL_MAX = 100;
    public static final int KEPT_AT_MAX = 200;
    public static final int SEAL_MAX = 40;
    public static final int BATCH_MAX = 40;
    public static final int TEXT_MAX = 500;
    /** The most of one item a single movement may move: a grab bag holds tens of vials, never thousands. */
    public static final BigDecimal QUANTITY_MAX = new BigDecimal("1000");

    private final GrabBagRepository bags;
    private final FormularyService formulary;
    private final PatientService patients;
    private final SecurityService security;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    GrabBagService(GrabBagRepository bags, FormularyService formulary, PatientService patients,
            SecurityService security, ApplicationEventPublisher events, Clock clock) {
        this.bags = bags;
        this.formulary = formulary;
        this.patients = patients;
        this.security = security;
        this.events = events;
        this.clock = clock;
    }

    // reading -------------------------------------------------------------------------------------------------------

    /** The grab bags of the user's organisation, by label, each with its counts of expired and expiring items. */
    @Transactional(readOnly = true)
    public List<GrabBagSummary> bags(CurrentUser user) {
        user.require(Permission.SEE_GRAB_BAGS);
        List<GrabBagRepository.Bag> all = bags.bagsOf(user.organisationId());
        List<UUID> ids = all.stream().map(GrabBagRepository.Bag::id).toList();
        Map<UUID, List<GrabBagRepository.Item>> items = bags.itemsOfBags(ids).stream()
                .collect(Collectors.groupingBy(GrabBagRepository.Item::bagId));
        Map<UUID, Instant> checked = bags.lastChecked(ids);
        LocalDate today = today();
        return all.stream().map(b -> {
            List<GrabBagRepository.Item> in = items.getOrDefault(b.id(), List.of()).stream()
                    .filter(i -> i.quantity().signum() > 0).toList();
            int expired = (int) in.stream().filter(i -> StockRules.expiry(i.expiry(), today) == ExpiryStatus.EXPIRED)
                    .count();
            int soon = (int) in.stream()
                    .filter(i -> StockRules.expiry(i.expiry(), today) == ExpiryStatus.EXPIRING_SOON).count();
            return new GrabBagSummary(b.id(), b.label(), b.keptAt(), b.sealNumber(), b.sealed(), in.size(), expired,
                    soon, checked.get(b.id()));
        }).toList();
    }

    /** One grab bag of the user's organisation with its contents, movements, checks and seal history; others 404. */
    @Transactional
    public GrabBag bag(CurrentUser user, UUID id) {
        user.require(Permission.SEE_GRAB_BAGS);
        GrabBagRepository.Bag bag = bags.findBag(id).filter(b -> b.organisationId().equals(user.organisationId()))
                .orElseThrow(() -> notFound(id));
        events.publishEvent(RecordAccessed.read(user, AuditedRecord.GRAB_BAG, id, null, "viewed grab bag "
                + bag.label()));
        return view(bag, user);
    }

    /** Items in the organisation's bags expired or expiring within 30 days, nearest expiry first. */
    @Transactional(readOnly = true)
    public List<StockWarning> warnings(CurrentUser user) {
        user.require(Permission.SEE_GRAB_BAGS);
        LocalDate today = today();
        return bags.expiringBy(user.organisationId(), today.plusDays(StockRules.EXPIRY_WARNING_DAYS)).stream()
                .map(i -> new StockWarning(i.bagId(), i.bagLabel(), i.id(), i.medicine(), i.batch(), i.expiry(),
                        i.quantity(), StockRules.expiry(i.expiry(), today)))
                .toList();
    }

    /**
     * Items of the medicine in the user's organisation's bags that may be used now: not expired, quantity above zero,
     * nearest expiry first (so the oldest stock is used first).
     */
    @Transactional(readOnly = true)
    public List<BagItemView> usableItems(CurrentUser user, UUID formularyEntryId) {
        user.require(Permission.SEE_GRAB_BAGS);
        if (formularyEntryId == null) {
            throw new InvalidInputException("formularyEntryId", "Choose the medicine");
        }
        return bags.usable(user.organisationId(), formularyEntryId, today()).stream()
                .map(i -> new BagItemView(i.id(), i.bagId(), i.bagLabel(), i.medicine(), i.batch(), i.expiry(),
                        i.quantity()))
                .toList();
    }

    /**
     * The organisation's controlled drugs register, optionally of one medicine and one bag, each bag and medicine in
     * entry order with its running balance; audited. A patient the reader may no longer see is shown as withheld.
     */
    @Transactional
    public List<ControlledDrugRegisterEntry> register(CurrentUser user, UUID formularyEntryId, UUID bagId) {
        user.require(Permission.SEE_GRAB_BAGS);
        List<GrabBagRepository.RegisterRow> rows = bags.register(user.organisationId(), formularyEntryId, bagId);
        Map<UUID, String> labels = bags.bagsOf(user.organisationId()).stream()
                .collect(Collectors.toMap(GrabBagRepository.Bag::id, GrabBagRepository.Bag::label));
        Set<PatientId> patientIds = rows.stream().map(GrabBagRepository.RegisterRow::patientId)
                .filter(Objects::nonNull).collect(Collectors.toSet());
        Map<PatientId, PatientSummary> visible = new HashMap<>();
        patients.visibleSummaries(user, patientIds).forEach(s -> visible.put(s.id(), s));
        events.publishEvent(RecordAccessed.read(user, AuditedRecord.CONTROLLED_DRUG_REGISTER, bagId, null,
                "viewed the controlled drugs register (" + rows.size() + " entries)"));
        return rows.stream().map(r -> new ControlledDrugRegisterEntry(r.id(), r.bagId(), labels.get(r.bagId()),
                r.formularyEntryId(), r.medicine(), r.seq(), r.kind(), r.change(), r.balanceAfter(), r.counted(),
                r.discrepancy(), r.batch(), r.patientId(), patientWords(r.patientId(), visible), r.reason(),
                r.by().name(), r.witness() == null ? null : r.witness().name(), r.at())).toList();
    }

    // changing ------------------------------------------------------------------------------------------------------

    /** Creates a grab bag for the user's organisation, sealed when a seal number is given. */
    @Transactional
    public GrabBag create(CurrentUser user, NewGrabBag command) {
        user.require(Permission.MANAGE_GRAB_BAGS);
        if (command == null) {
            throw new InvalidInputException("label", "Give the bag's label");
        }
        String label = text("label", "the bag's label, such as IV bag 3 Dorchester", command.label(), LABEL_MAX);
        String keptAt = text("keptAt", "where the bag is kept", command.keptAt(), KEPT_AT_MAX);
        String seal = optional("sealNumber", "The seal number", command.sealNumber(), SEAL_MAX);
        if (bags.labelTaken(user.organisationId(), label)) {
            throw new RefusedException("Your organisation already has a grab bag called " + label
                    + ": give this one another label");
        }
        Instant now = now();
        GrabBagRepository.Bag bag = new GrabBagRepository.Bag(UUID.randomUUID(), user.organisationId(), label,
                keptAt, seal, seal != null);
        bags.insertBag(bag, actor(user), now);
        if (seal != null) {
            bags.insertSealEvent(bag.id(), SealEvent.Kind.SEALED, seal, "Created sealed", actor(user), now);
        }
        events.publishEvent(RecordAccessed.created(user, AuditedRecord.GRAB_BAG, bag.id(), null,
                "created grab bag " + label + " kept at " + keptAt));
        return view(bag, user);
    }

    /**
     * Puts stock in a bag: a formulary medicine with its batch, expiry and quantity (expired stock is refused). The
     * same medicine, batch and expiry adds to the item already there. A controlled drug's receipt is entered in the
     * register. A sealed bag is opened to restock it.
     */
    @Transactional
    public GrabBag restock(CurrentUser user, UUID bagId, RestockBag command) {
        user.require(Permission.MANAGE_GRAB_BAGS);
        GrabBagRepository.Bag bag = lockOwn(user, bagId);
        if (command == null || command.formularyEntryId() == null) {
            throw new InvalidInputException("formularyEntryId", "Choose the medicine from the formulary");
        }
        FormularyEntry medicine = formulary.find(command.formularyEntryId()).orElseThrow(() ->
                new InvalidInputException("formularyEntryId", "No medicine with this id is in the formulary"));
        String batch = text("batch", "the batch number", command.batch(), BATCH_MAX);
        if (command.expiry() == null) {
            throw new InvalidInputException("expiry", "Give the expiry date");
        }
        if (StockRules.expiry(command.expiry(), today()) == ExpiryStatus.EXPIRED) {
            throw new InvalidInputException("expiry", "This stock expired on " + command.expiry()
                    + ": expired stock is not put in a grab bag");
        }
        BigDecimal quantity = quantity(command.quantity());
        String reason = optional("reason", "The reason", command.reason(), TEXT_MAX);
        GrabBagRepository.Actor witness = null;
        if (command.witnessUsername() != null && !command.witnessUsername().isBlank()) {
            witness = witness(user, command.witnessUsername());
        }
        Instant now = now();
        GrabBagRepository.Item item = bags.findItem(bag.id(), medicine.id(), batch, command.expiry()).orElse(null);
        if (item == null) {
            item = new GrabBagRepository.Item(UUID.randomUUID(), bag.id(), bag.label(), bag.organisationId(),
                    medicine.id(), medicine.words(), medicine.controlledDrug(), batch, command.expiry(),
                    BigDecimal.ZERO);
            bags.insertItem(item, now);
        }
        open(bag, user, "Opened to restock", now);
        move(user, bag, item, StockMovementKind.RECEIVED, quantity, null, reason == null ? "Restocked" : reason,
                null, witness, now);
        events.publishEvent(RecordAccessed.created(user, AuditedRecord.STOCK_MOVEMENT, bag.id(), null,
                "restocked grab bag " + bag.label() + " with " + StockRules.plain(quantity) + " x " + item.medicine()
                        + " batch " + batch));
        return view(bags.findBag(bag.id()).orElseThrow(), user);
    }

    /**
     * Takes stock out of a bag other than for a patient: returned to the pharmacy or removed as expired, with the
     * reason; a controlled drug with a witness, entered in the register.
     */
    @Transactional
    public GrabBag remove(CurrentUser user, UUID bagId, UUID itemId, RemoveStock command) {
        user.require(Permission.MANAGE_GRAB_BAGS);
        GrabBagRepository.Bag bag = lockOwn(user, bagId);
        GrabBagRepository.Item item = bags.findItem(itemId).filter(i -> i.bagId().equals(bag.id()))
                .orElseThrow(() -> new NotFoundException("No item with id " + itemId + " in this grab bag"));
        if (command == null || (command.kind() != StockMovementKind.RETURNED
                && command.kind() != StockMovementKind.REMOVED_EXPIRED)) {
            throw new InvalidInputException("kind", "Choose why it is removed: returned to the pharmacy or removed "
                    + "as expired");
        }
        BigDecimal quantity = quantity(command.quantity());
        String reason = text("reason", "the reason it is removed", command.reason(), TEXT_MAX);
        GrabBagRepository.Actor witness = item.controlledDrug() ? witness(user, command.witnessUsername()) : null;
        Instant now = now();
        open(bag, user, "Opened to remove stock", now);
        move(user, bag, item, command.kind(), quantity.negate(), null, reason, null, witness, now);
        events.publishEvent(RecordAccessed.updated(user, AuditedRecord.STOCK_MOVEMENT, bag.id(), null,
                command.kind().label().toLowerCase() + ": " + StockRules.plain(quantity) + " x " + item.medicine()
                        + " batch " + item.batch() + " from grab bag " + bag.label() + ": " + reason));
        return view(bags.findBag(bag.id()).orElseThrow(), user);
    }

    /**
     * Uses a medicine from a grab bag for a patient at a visit: the public method the administration of a dose calls.
     * Joins the caller's transaction, so a failed administration writes nothing. Refused: an item of another
     * organisation's bag (404), a patient the user may not see (404), an expired item, more than is left, and for a
     * controlled drug no witness, the user as their own witness, or a witness who is not a registered clinician of the
     * organisation. A sealed bag is opened by the use. A controlled drug is entered in the register as administered to
     * the named patient, with the witness and the balance after.
     */
    @Transactional
    public BagUse useFromBag(CurrentUser user, UseFromBag command) {
        return useFromBag(user, null, command);
    }

    /** As {@link #useFromBag(CurrentUser, UseFromBag)}, from the bag named (an item of another bag is 404). */
    @Transactional
    public BagUse useFromBag(CurrentUser user, UUID bagId, UseFromBag command) {
        user.require(Permission.USE_GRAB_BAGS);
        if (command == null || command.bagItemId() == null) {
            throw new InvalidInputException("bagItemId", "Choose the grab-bag item the medicine is taken from");
        }
        GrabBagRepository.Item found = bags.findItem(command.bagItemId())
                .filter(i -> i.organisationId().equals(user.organisationId()))
                .filter(i -> bagId == null || i.bagId().equals(bagId))
                .orElseThrow(() -> new NotFoundException("No grab-bag item with id " + command.bagItemId()
                        + " in your organisation's bags"));
        if (command.patientId() == null) {
            throw new InvalidInputException("patientId", "Name the patient the medicine is for");
        }
        patients.requireVisible(user, command.patientId());
        BigDecimal quantity = quantity(command.quantity());
        String purpose = optional("purpose", "The purpose", command.purpose(), TEXT_MAX);
        GrabBagRepository.Bag bag = bags.lockBag(found.bagId()).orElseThrow();
        GrabBagRepository.Item item = bags.findItem(found.id()).orElseThrow();
        if (StockRules.expiry(item.expiry(), today()) == ExpiryStatus.EXPIRED) {
            throw new RefusedException(item.medicine() + " batch " + item.batch() + " in " + bag.label()
                    + " expired on " + item.expiry() + ": it must not be used. Take another batch and remove this "
                    + "one as expired");
        }
        StockRules.quantityAfter(item.quantity(), quantity.negate(), item.medicine());
        GrabBagRepository.Actor witness = null;
        if (item.controlledDrug()) {
            witness = witness(user, command.witnessUsername());
        } else if (command.witnessUsername() != null && !command.witnessUsername().isBlank()) {
            witness = witness(user, command.witnessUsername());
        }
        Instant now = now();
        open(bag, user, "Opened at a visit", now);
        GrabBagRepository.Movement movement = move(user, bag, item, StockMovementKind.USED, quantity.negate(),
                command.patientId(), purpose, null, witness, now);
        events.publishEvent(RecordAccessed.created(user, AuditedRecord.STOCK_MOVEMENT, movement.id(),
                command.patientId(), "used " + StockRules.plain(quantity) + " x " + item.medicine() + " batch "
                        + item.batch() + " from grab bag " + bag.label()
                        + (witness == null ? "" : ", witnessed by " + witness.name())));
        return new BagUse(movement.id(), bag.id(), bag.label(), item.formularyEntryId(), item.medicine(),
                item.batch(), item.expiry(), movement.after());
    }

    /**
     * Records a check of a bag: the seal found (its number and whether intact) and a count of every item the book shows
     * stock of. A count that differs from the book needs its reason: it is recorded as a discrepancy and the book
     * follows the count by an adjustment movement that names it (never silently). For a controlled drug a balance
     * check is entered in the register, a discrepancy when it disagrees.
     */
    @Transactional
    public GrabBag check(CurrentUser user, UUID bagId, GrabBagCheckToRecord command) {
        user.require(Permission.CHECK_GRAB_BAGS);
        GrabBagRepository.Bag bag = lockOwn(user, bagId);
        if (command == null || command.sealIntact() == null) {
            throw new InvalidInputException("sealIntact", "Say whether the seal was intact");
        }
        String sealFound = optional("sealFound", "The seal number found", command.sealFound(), SEAL_MAX);
        if (command.sealIntact() && sealFound == null) {
            throw new InvalidInputException("sealFound", "Give the number on the seal found");
        }
        String note = optional("note", "The note", command.note(), TEXT_MAX);
        List<GrabBagRepository.Item> items = bags.items(bag.id());
        Map<UUID, GrabBagRepository.Item> byId = new LinkedHashMap<>();
        items.forEach(i -> byId.put(i.id(), i));
        List<GrabBagCheckToRecord.ItemCount> counts = command.counts() == null ? List.of() : command.counts();
        Map<UUID, GrabBagCheckToRecord.ItemCount> counted = new LinkedHashMap<>();
        for (int n = 0; n < counts.size(); n++) {
            GrabBagCheckToRecord.ItemCount c = counts.get(n);
            String field = "counts[" + n + "]";
            if (c == null || c.itemId() == null || !byId.containsKey(c.itemId())) {
                throw new InvalidInputException(field + ".itemId", "Count an item of this bag");
            }
            if (counted.put(c.itemId(), c) != null) {
                throw new InvalidInputException(field + ".itemId", byId.get(c.itemId()).medicine()
                        + " batch " + byId.get(c.itemId()).batch() + " is counted twice");
            }
            if (c.counted() == null || c.counted().signum() < 0 || c.counted().compareTo(QUANTITY_MAX) > 0
                    || c.counted().scale() > 2) {
                throw new InvalidInputException(field + ".counted", "Give the number counted, 0 to "
                        + StockRules.plain(QUANTITY_MAX));
            }
            String reason = optional(field + ".reason", "The reason", c.reason(), TEXT_MAX);
            if (StockRules.discrepancy(byId.get(c.itemId()).quantity(), c.counted()) && reason == null) {
                GrabBagRepository.Item i = byId.get(c.itemId());
                throw new InvalidInputException(field + ".reason", "The count of " + i.medicine() + " batch "
                        + i.batch() + " (" + StockRules.plain(c.counted()) + ") differs from the book ("
                        + StockRules.plain(i.quantity()) + "): give the reason; it is recorded as a discrepancy");
            }
        }
        List<String> uncounted = items.stream().filter(i -> i.quantity().signum() > 0 && !counted.containsKey(i.id()))
                .map(i -> i.medicine() + " batch " + i.batch()).toList();
        if (!uncounted.isEmpty()) {
            throw new InvalidInputException("counts", "Count every item in the bag; not counted: "
                    + String.join("; ", uncounted));
        }
        boolean intact = StockRules.sealIntact(bag.sealed() ? bag.sealNumber() : null, sealFound, command.sealIntact());
        Instant now = now();
        UUID checkId = UUID.randomUUID();
        bags.insertCheck(checkId, bag.id(), sealFound, intact, note, actor(user), now);
        bags.insertSealEvent(bag.id(), intact ? SealEvent.Kind.FOUND_INTACT : SealEvent.Kind.FOUND_BROKEN, sealFound,
                intact ? null : sealWords(bag.sealNumber(), sealFound, command.sealIntact()), actor(user), now);
        if (!intact) {
            bags.setSeal(bag.id(), bag.sealNumber(), false);
        }
        Map<UUID, List<GrabBagRepository.Item>> controlled = new LinkedHashMap<>();
        int discrepancies = 0;
        for (GrabBagCheckToRecord.ItemCount c : counted.values()) {
            GrabBagRepository.Item item = byId.get(c.itemId());
            String reason = c.reason() == null || c.reason().isBlank() ? null : c.reason().strip();
            bags.insertCount(checkId, item.id(), item.quantity(), c.counted(), reason);
            if (item.controlledDrug()) {
                controlled.computeIfAbsent(item.formularyEntryId(), k -> new ArrayList<>()).add(item);
            }
            if (StockRules.discrepancy(item.quantity(), c.counted())) {
                discrepancies++;
                move(user, bag, item, StockMovementKind.CHECK_ADJUSTMENT, c.counted().subtract(item.quantity()), null,
                        "Counted " + StockRules.plain(c.counted()) + ", the book said "
                                + StockRules.plain(item.quantity()) + ": " + reason, checkId, null, now);
            }
        }
        for (List<GrabBagRepository.Item> medicine : controlled.values()) {
            balanceCheck(user, bag, medicine, counted, checkId, now);
        }
        events.publishEvent(RecordAccessed.created(user, AuditedRecord.GRAB_BAG, bag.id(), null, "checked grab bag "
                + bag.label() + ": seal " + (intact ? "intact" : "broken") + ", " + counted.size() + " item(s) counted, "
                + discrepancies + " discrepancy(ies)"));
        return view(bags.findBag(bag.id()).orElseThrow(), user);
    }

    /** Seals a bag again with a new numbered seal (a seal number is never reused on the same bag). */
    @Transactional
    public GrabBag reseal(CurrentUser user, UUID bagId, ResealBag command) {
        user.require(Permission.CHECK_GRAB_BAGS);
        GrabBagRepository.Bag bag = lockOwn(user, bagId);
        String seal = text("sealNumber", "the number of the new seal", command == null ? null : command.sealNumber(),
                SEAL_MAX);
        String reason = optional("reason", "The reason", command.reason(), TEXT_MAX);
        if (bag.sealed() && seal.equalsIgnoreCase(bag.sealNumber())) {
            throw new RefusedException("The bag is already sealed with seal " + seal);
        }
        if (bags.sealEvents(bag.id()).stream().anyMatch(e -> e.kind() == SealEvent.Kind.SEALED
                && seal.equalsIgnoreCase(e.sealNumber()))) {
            throw new InvalidInputException("sealNumber", "Seal " + seal + " has been used on this bag before: a "
                    + "new seal has a new number");
        }
        Instant now = now();
        bags.setSeal(bag.id(), seal, true);
        bags.insertSealEvent(bag.id(), SealEvent.Kind.SEALED, seal, reason, actor(user), now);
        events.publishEvent(RecordAccessed.updated(user, AuditedRecord.GRAB_BAG, bag.id(), null, "sealed grab bag "
                + bag.label() + " with seal " + seal));
        return view(bags.findBag(bag.id()).orElseThrow(), user);
    }

    // internals -----------------------------------------------------------------------------------------------------

    /**
     * Writes a movement and the item's new quantity (refused below zero), and for a controlled drug its register
     * entry with the running balance.
     */
    private GrabBagRepository.Movement move(CurrentUser user, GrabBagRepository.Bag bag, GrabBagRepository.Item item,
            StockMovementKind kind, BigDecimal change, PatientId patient, String reason, UUID checkId,
            GrabBagRepository.Actor witness, Instant at) {
        BigDecimal after = StockRules.quantityAfter(item.quantity(), change, item.medicine());
        GrabBagRepository.Movement movement = new GrabBagRepository.Movement(UUID.randomUUID(), bag.id(), item.id(),
                bag.organisationId(), kind, change, after, patient, reason, checkId, actor(user), witness, at);
        bags.insertMovement(movement);
        bags.setQuantity(item.id(), after);
        if (item.controlledDrug() && kind != StockMovementKind.CHECK_ADJUSTMENT) {
            enter(user, bag, item, kind.registerKind(), change, null, false, patient, movement.id(), reason, witness,
                    at);
        }
        return movement;
    }

    /** One balance check entry for a controlled drug in the bag: the total counted against the register's balance. */
    private void balanceCheck(CurrentUser user, GrabBagRepository.Bag bag, List<GrabBagRepository.Item> items,
            Map<UUID, GrabBagCheckToRecord.ItemCount> counted, UUID checkId, Instant at) {
        GrabBagRepository.Item first = items.get(0);
        BigDecimal total = items.stream().map(i -> counted.get(i.id()).counted()).reduce(BigDecimal.ZERO,
                BigDecimal::add);
        BigDecimal balance = bags.lastEntry(bag.id(), first.formularyEntryId())
                .map(GrabBagRepository.RegisterRow::balanceAfter).orElse(BigDecimal.ZERO);
        boolean disagrees = ControlledDrugRules.checkDisagrees(balance, total);
        String reasons = items.stream().map(i -> counted.get(i.id()).reason()).filter(r -> r != null && !r.isBlank())
                .map(String::strip).collect(Collectors.joining("; "));
        enter(user, bag, first, ControlledDrugEntryKind.CHECK, total.subtract(balance), total, disagrees, null, null,
                disagrees ? "Counted " + StockRules.plain(total) + ", the register said " + StockRules.plain(balance)
                        + ": " + reasons : "Balance checked: agrees", null, at);
    }

    private void enter(CurrentUser user, GrabBagRepository.Bag bag, GrabBagRepository.Item item,
            ControlledDrugEntryKind kind, BigDecimal change, BigDecimal counted, boolean discrepancy, PatientId patient,
            UUID movementId, String reason, GrabBagRepository.Actor witness, Instant at) {
        Optional<GrabBagRepository.RegisterRow> last = bags.lastEntry(bag.id(), item.formularyEntryId());
        BigDecimal balance = ControlledDrugRules.balanceAfter(
                last.map(GrabBagRepository.RegisterRow::balanceAfter).orElse(BigDecimal.ZERO), change);
        if (balance == null) {
            throw new RefusedException("The controlled drugs register for " + item.medicine() + " in " + bag.label()
                    + " would go below zero: check the bag and record the count");
        }
        bags.insertEntry(new GrabBagRepository.RegisterRow(UUID.randomUUID(), bag.organisationId(), bag.id(),
                item.formularyEntryId(), item.medicine(), last.map(r -> r.seq() + 1).orElse(1), kind, change, balance,
                counted, discrepancy, item.id(), item.batch(), patient, movementId, reason, actor(user), witness, at));
    }

    /** The witness's account, checked by {@link ControlledDrugRules#witnessRefusal}; refused naming the field. */
    private GrabBagRepository.Actor witness(CurrentUser user, String username) {
        String name = username == null ? null : username.strip();
        if (name != null && name.length() > 80) {
            throw new InvalidInputException("witnessUsername", "must be at most 80 characters");
        }
        UserAccount account = name == null || name.isEmpty() ? null
                : security.findActiveUser(name).orElse(null);
        String refusal = ControlledDrugRules.witnessRefusal(user.username(), name, account, user.organisationId());
        if (refusal != null) {
            throw new InvalidInputException("witnessUsername", refusal);
        }
        return new GrabBagRepository.Actor(account.username(), account.displayName());
    }

    private void open(GrabBagRepository.Bag bag, CurrentUser user, String why, Instant at) {
        if (bag.sealed()) {
            bags.setSeal(bag.id(), bag.sealNumber(), false);
            bags.insertSealEvent(bag.id(), SealEvent.Kind.OPENED, bag.sealNumber(), why, actor(user), at);
        }
    }

    private GrabBagRepository.Bag lockOwn(CurrentUser user, UUID bagId) {
        return bags.lockBag(bagId).filter(b -> b.organisationId().equals(user.organisationId()))
                .orElseThrow(() -> notFound(bagId));
    }

    private GrabBag view(GrabBagRepository.Bag bag, CurrentUser user) {
        LocalDate today = today();
        List<GrabBagItem> items = bags.items(bag.id()).stream().map(i -> new GrabBagItem(i.id(), i.formularyEntryId(),
                i.medicine(), i.controlledDrug(), i.batch(), i.expiry(), i.quantity(),
                StockRules.expiry(i.expiry(), today))).toList();
        return new GrabBag(bag.id(), bag.label(), bag.keptAt(), bag.sealNumber(), bag.sealed(),
                user.organisationName(), items, bags.movements(bag.id()), bags.checks(bag.id()),
                bags.sealEvents(bag.id()));
    }

    private static String sealWords(String recorded, String found, boolean looksIntact) {
        if (!looksIntact) {
            return "Seal found broken" + (found == null ? "" : " (" + found + ")");
        }
        return "Seal found (" + found + ") is not the one recorded (" + (recorded == null ? "none" : recorded) + ")";
    }

    private static String patientWords(PatientId id, Map<PatientId, PatientSummary> visible) {
        if (id == null) {
            return null;
        }
        PatientSummary s = visible.get(id);
        return s == null ? "A patient no longer in your organisation's care"
                : s.displayName() + " (NHS " + s.nhsNumber().formatted() + ")";
    }

    private static NotFoundException notFound(UUID id) {
        return new NotFoundException("No grab bag with id " + id + " in your organisation");
    }

    private static BigDecimal quantity(BigDecimal quantity) {
        if (quantity == null || quantity.signum() <= 0) {
            throw new InvalidInputException("quantity", "Give how many, above zero");
        }
        if (quantity.compareTo(QUANTITY_MAX) > 0) {
            throw new InvalidInputException("quantity", "must be at most " + StockRules.plain(QUANTITY_MAX));
        }
        if (quantity.stripTrailingZeros().scale() > 2) {
            throw new InvalidInputException("quantity", "must have at most 2 decimal places");
        }
        return quantity;
    }

    private static GrabBagRepository.Actor actor(CurrentUser user) {
        return new GrabBagRepository.Actor(user.username(), user.displayName());
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static String text(String field, String what, String text, int max) {
        return InputText.required(field, what, text, max);
    }

    private static String optional(String field, String label, String text, int max) {
        return InputText.optional(field, label, text, max);
    }
}
