package org.homeward.medication.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.homeward.medication.BagItemView;
import org.homeward.medication.BagUse;
import org.homeward.medication.ControlledDrugRegisterEntry;
import org.homeward.medication.GrabBag;
import org.homeward.medication.GrabBagCheckToRecord;
import org.homeward.medication.GrabBagService;
import org.homeward.medication.GrabBagSummary;
import org.homeward.medication.NewGrabBag;
import org.homeward.medication.RemoveStock;
import org.homeward.medication.ResealBag;
import org.homeward.medication.RestockBag;
import org.homeward.medication.StockWarning;
import org.homeward.medication.UseFromBag;
import org.homeward.security.CurrentUser;
import org.homeward.shared.PatientId;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Grab bags, their stock and checks, and the controlled drugs register of the user's organisation. */
@RestController
@Tag(name = "Grab bags and stock", description = "A visiting team's grab bags: contents with batch and expiry, seal "
        + "numbers, every movement of stock (received, used for a patient, returned, removed expired, check "
        + "adjustment), checks with their discrepancies, and the controlled drugs register with its running balance. "
        + "Only the bag's organisation sees or uses a bag; others get 404.")
class GrabBagApiController {

    private final GrabBagService bags;

    GrabBagApiController(GrabBagService bags) {
        this.bags = bags;
    }

    /** A use from a bag as the API takes it: the item is in the path. */
    record UseBody(BigDecimal quantity, UUID patientId, String witnessUsername, String purpose) {
    }

    @GetMapping("/api/v1/grab-bags")
    @Operation(summary = "Your organisation's grab bags, each with its seal and counts of expired and expiring items")
    List<GrabBagSummary> bags(CurrentUser user) {
        return bags.bags(user);
    }

    @PostMapping("/api/v1/grab-bags")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a grab bag for your organisation (pharmacist or coordinator)",
            description = "label (unique in the organisation) and keptAt are required; sealNumber seals it.")
    GrabBag create(CurrentUser user, @RequestBody NewGrabBag body) {
        return bags.create(user, body);
    }

    @GetMapping("/api/v1/grab-bags/warnings")
    @Operation(summary = "Items in your organisation's bags expired or expiring within 30 days, nearest first")
    List<StockWarning> warnings(CurrentUser user) {
        return bags.warnings(user);
    }

    @GetMapping("/api/v1/grab-bags/usable-items")
    @Operation(summary = "Items of one medicine in your organisation's bags that may be used now, nearest expiry first")
    List<BagItemView> usable(CurrentUser user, @RequestParam UUID formularyEntryId) {
        return bags.usableItems(user, formularyEntryId);
    }

    @GetMapping("/api/v1/grab-bags/{id}")
    @Operation(summary = "A grab bag: contents with expiry status, movements, checks and the seal's history")
    GrabBag bag(CurrentUser user, @PathVariable UUID id) {
        return bags.bag(user, id);
    }

    @PostMapping("/api/v1/grab-bags/{id}/items")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Restock a bag: a formulary medicine with batch, expiry and quantity (pharmacist or "
            + "coordinator)", description = "Expired stock is refused. A controlled drug is entered in the register.")
    GrabBag restock(CurrentUser user, @PathVariable UUID id, @RequestBody RestockBag body) {
        return bags.restock(user, id, body);
    }

    @PostMapping("/api/v1/grab-bags/{id}/items/{itemId}/removals")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Take stock out of a bag: returned to the pharmacy or removed as expired, with the reason",
            description = "A controlled drug needs witnessUsername (a second clinician of the organisation).")
    GrabBag remove(CurrentUser user, @PathVariable UUID id, @PathVariable UUID itemId,
            @RequestBody RemoveStock body) {
        return bags.remove(user, id, itemId, body);
    }

    @PostMapping("/api/v1/grab-bags/{id}/items/{itemId}/uses")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Use a medicine from a bag for a patient at a visit (nurses)", description = "Refused: an "
            + "expired item, more than is left, a controlled drug without a witness or witnessed by yourself or by "
            + "someone who is not a clinician of your organisation.")
    BagUse use(CurrentUser user, @PathVariable UUID id, @PathVariable UUID itemId, @RequestBody UseBody body) {
        return bags.useFromBag(user, id, new UseFromBag(itemId, body == null ? null : body.quantity(),
                body == null || body.patientId() == null ? null : new PatientId(body.patientId()),
                body == null ? null : body.witnessUsername(), body == null ? null : body.purpose()));
    }

    @PostMapping("/api/v1/grab-bags/{id}/checks")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a check: the seal found and every item counted", description = "A count that differs "
            + "from the book needs its reason and is recorded as a discrepancy.")
    GrabBag check(CurrentUser user, @PathVariable UUID id, @RequestBody GrabBagCheckToRecord body) {
        return bags.check(user, id, body);
    }

    @PostMapping("/api/v1/grab-bags/{id}/seal")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Seal a bag again with a new numbered seal")
    GrabBag reseal(CurrentUser user, @PathVariable UUID id, @RequestBody ResealBag body) {
        return bags.reseal(user, id, body);
    }

    @GetMapping("/api/v1/controlled-drugs/register")
    @Operation(summary = "Your organisation's controlled drugs register, optionally of one medicine and one bag",
            description = "Each bag and medicine in entry order with the running balance after each entry.")
    List<ControlledDrugRegisterEntry> register(CurrentUser user, @RequestParam(required = false) UUID formularyEntryId,
            @RequestParam(required = false) UUID bagId) {
        return bags.register(user, formularyEntryId, bagId);
    }
}
