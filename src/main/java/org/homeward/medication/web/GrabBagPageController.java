package org.homeward.medication.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.homeward.medication.ControlledDrugRegisterEntry;
import org.homeward.medication.FormularyEntry;
import org.homeward.medication.FormularyService;
import org.homeward.medication.GrabBag;
import org.homeward.medication.GrabBagCheckToRecord;
import org.homeward.medication.GrabBagService;
import org.homeward.medication.GrabBagSummary;
import org.homeward.medication.NewGrabBag;
import org.homeward.medication.RemoveStock;
import org.homeward.medication.ResealBag;
import org.homeward.medication.RestockBag;
import org.homeward.medication.StockMovementKind;
import org.homeward.security.CurrentUser;
import org.homeward.security.Permission;
import org.homeward.shared.FormErrors;
import org.homeward.shared.InvalidInputException;
import org.homeward.shared.RefusedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DirectFieldBindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The grab bag pages: the organisation's bags with the expiry warnings of its stock (and the form to create a bag),
 * one bag's contents with the restock, removal, check and reseal forms and its history, and the controlled drugs
 * register. Each form posts to its own address and comes back to its page.
 */
@Controller
class GrabBagPageController {

    private final GrabBagService bags;
    private final FormularyService formulary;

    GrabBagPageController(GrabBagService bags, FormularyService formulary) {
        this.bags = bags;
        this.formulary = formulary;
    }

    record BagForm(String label, String keptAt, String sealNumber) {
    }

    record RestockForm(UUID formularyEntryId, String batch, LocalDate expiry, BigDecimal quantity, String reason,
            String witnessUsername) {
    }

    record RemoveForm(UUID itemId, StockMovementKind kind, BigDecimal removeQuantity, String removeReason,
            String removeWitness) {
    }

    record CheckForm(String sealFound, Boolean sealIntact, String note) {
    }

    record SealForm(String sealNumber, String sealReason) {
    }

    /** The kinds of removal offered on the page. */
    static final List<StockMovementKind> REMOVALS = List.of(StockMovementKind.REMOVED_EXPIRED,
            StockMovementKind.RETURNED);

    @GetMapping("/grab-bags")
    String list(CurrentUser user, Model model) {
        List<GrabBagSummary> all = bags.bags(user);
        model.addAttribute("bags", all);
        model.addAttribute("warnings", bags.warnings(user));
        if (!model.containsAttribute("bagForm")) {
            model.addAttribute("bagForm", new BagForm(null, null, null));
        }
        return "medication/grab-bags";
    }

    @PostMapping("/grab-bags")
    String create(CurrentUser user, @ModelAttribute("bagForm") BagForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        user.require(Permission.MANAGE_GRAB_BAGS);
        if (!errors.hasErrors()) {
            try {
                GrabBag made = bags.create(user, new NewGrabBag(form.label(), form.keptAt(), form.sealNumber()));
                redirect.addFlashAttribute("message", "Created " + made.label());
                return "redirect:/grab-bags/" + made.id();
            } catch (InvalidInputException | RefusedException e) {
                FormErrors.add(errors, e);
            }
        }
        return list(user, model);
    }

    @GetMapping("/grab-bags/{id}")
    String bag(CurrentUser user, @PathVariable UUID id, Model model) {
        GrabBag bag = bags.bag(user, id);
        model.addAttribute("bag", bag);
        model.addAttribute("removals", REMOVALS);
        model.addAttribute("stocked", bag.items().stream().filter(i -> i.quantity().signum() > 0).toList());
        if (user.can(Permission.MANAGE_GRAB_BAGS)) {
            model.addAttribute("formulary", formulary.formulary(user));
        }
        if (!model.containsAttribute("restockForm")) {
            model.addAttribute("restockForm", new RestockForm(null, null, null, null, null, null));
        }
        if (!model.containsAttribute("removeForm")) {
            model.addAttribute("removeForm", new RemoveForm(null, null, null, null, null));
        }
        if (!model.containsAttribute("checkForm")) {
            model.addAttribute("checkForm", new CheckForm(bag.sealed() ? bag.sealNumber() : null, null, null));
        }
        if (!model.containsAttribute("sealForm")) {
            model.addAttribute("sealForm", new SealForm(null, null));
        }
        return "medication/grab-bag";
    }

    @PostMapping("/grab-bags/{id}/items")
    String restock(CurrentUser user, @PathVariable UUID id, @ModelAttribute("restockForm") RestockForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        return act(user, id, errors, model, redirect, Map.of(), () -> bags.restock(user, id, new RestockBag(
                form.formularyEntryId(), form.batch(), form.expiry(), form.quantity(), form.reason(),
                form.witnessUsername())), "Stock added", "restock");
    }

    @PostMapping("/grab-bags/{id}/removals")
    String remove(CurrentUser user, @PathVariable UUID id, @ModelAttribute("removeForm") RemoveForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors() && form.itemId() == null) {
            errors.rejectValue("itemId", "required", "Choose the item to remove");
        }
        return act(user, id, errors, model, redirect, Map.of("quantity", "removeQuantity", "reason", "removeReason",
                "witnessUsername", "removeWitness"), () -> bags.remove(user, id, form.itemId(), new RemoveStock(
                        form.kind(), form.removeQuantity(), form.removeReason(), form.removeWitness())),
                "Stock removed", "remove");
    }

    /** The check form: the seal, and a count and a reason for each item, read by hand (one pair per item). */
    @PostMapping("/grab-bags/{id}/checks")
    String check(CurrentUser user, @PathVariable UUID id, @RequestParam MultiValueMap<String, String> p, Model model,
            RedirectAttributes redirect) {
        String intact = p.getFirst("sealIntact");
        CheckForm form = new CheckForm(p.getFirst("sealFound"), intact == null || intact.isBlank() ? null
                : Boolean.valueOf(intact), p.getFirst("note"));
        BindingResult errors = new DirectFieldBindingResult(form, "checkForm");
        List<GrabBagCheckToRecord.ItemCount> counts = new ArrayList<>();
        for (String key : p.keySet()) {
            if (!key.startsWith("count-")) {
                continue;
            }
            String typed = p.getFirst(key);
            UUID itemId;
            try {
                itemId = UUID.fromString(key.substring("count-".length()));
            } catch (IllegalArgumentException e) {
                continue;
            }
            BigDecimal counted = null;
            if (typed != null && !typed.isBlank()) {
                try {
                    counted = new BigDecimal(typed.strip());
                } catch (NumberFormatException e) {
                    errors.reject("counted", "A count must be a number, such as 4");
                }
            }
            if (counted != null) {
                counts.add(new GrabBagCheckToRecord.ItemCount(itemId, counted, p.getFirst("reason-" + itemId)));
            }
        }
        model.addAttribute("checkForm", form);
        model.addAttribute("typedCounts", p.toSingleValueMap());
        return act(user, id, errors, model, redirect, Map.of(), () -> bags.check(user, id, new GrabBagCheckToRecord(
                form.sealFound(), form.sealIntact(), form.note(), counts)), "Check recorded", "checks");
    }

    @PostMapping("/grab-bags/{id}/seal")
    String seal(CurrentUser user, @PathVariable UUID id, @ModelAttribute("sealForm") SealForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        return act(user, id, errors, model, redirect, Map.of("reason", "sealReason"), () -> bags.reseal(user, id,
                new ResealBag(form.sealNumber(), form.sealReason())), "Bag sealed", "seal");
    }

    @GetMapping("/controlled-drugs")
    String register(CurrentUser user, @RequestParam(required = false) UUID medicine,
            @RequestParam(required = false) UUID bag, Model model) {
        List<ControlledDrugRegisterEntry> entries = bags.register(user, medicine, bag);
        model.addAttribute("entries", entries);
        model.addAttribute("bags", bags.bags(user));
        model.addAttribute("medicines", formulary.formulary(user).stream().filter(FormularyEntry::controlledDrug)
                .toList());
        model.addAttribute("medicine", medicine);
        model.addAttribute("bag", bag);
        return "medication/controlled-drugs";
    }

    private String act(CurrentUser user, UUID id, BindingResult errors, Model model, RedirectAttributes redirect,
            Map<String, String> fieldNames, Supplier<GrabBag> change, String done, String anchor) {
        if (!errors.hasErrors()) {
            try {
                change.get();
                redirect.addFlashAttribute("message", done);
                return "redirect:/grab-bags/" + id + "#" + anchor;
            } catch (InvalidInputException e) {
                FormErrors.add(errors, new InvalidInputException(fieldNames.getOrDefault(e.field(), e.field()),
                        e.getMessage()));
            } catch (RefusedException e) {
                FormErrors.add(errors, e);
            }
        }
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + errors.getObjectName(), errors);
        return bag(user, id, model);
    }
}
