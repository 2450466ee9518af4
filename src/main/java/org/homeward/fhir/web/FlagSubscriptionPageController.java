package org.homeward.fhir.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.homeward.fhir.DeliveryFailure;
import org.homeward.fhir.FlagSubscriptions;
import org.homeward.security.CurrentUser;
import org.homeward.security.Permission;
import org.homeward.shared.FormErrors;
import org.homeward.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrator's page of the organisation's alert subscribers (systems sent each raised or changed alert as a FHIR
 * Flag, see {@link FlagSubscriptions}): who is registered, the recent deliveries with those not delivered standing out
 * (tries, the last failure in words, the next try), a button to switch each off or on again, and a form to register
 * another. A switched-off subscriber's deliveries not yet delivered stay listed as not sent, apart from the failures
 * Homeward keeps retrying. Only the administrator's own organisation's subscribers and deliveries are shown; other
 * roles are refused (403).
 */
@Controller
class FlagSubscriptionPageController {

    /** How many of the newest deliveries the page shows. */
    static final int RECENT = 100;

    record SubscriberForm(
            @NotBlank(message = "is required: the http or https address the alerts are sent to")
            @Pattern(regexp = "(?i)https?://[^\\s/?#]+.*", message = "must be an http or https address, for example"
                    + " https://records.example.nhs.uk/flags")
            @Size(max = 500, message = "must be at most {max} characters") String endpoint,
            @NotBlank(message = "is required: 32 to 200 characters, shared with the receiving system only")
            @Size(min = 32, max = 200, message = "must be {min} to {max} characters") String secret) {
    }

    /**
     * A subscriber as the page shows it: {@code notDelivered} counts its failed deliveries being retried, {@code held}
     * those not sent because it is switched off.
     */
    record SubscriberRow(FlagSubscriptions.Subscription subscription, int notDelivered, int held) {
    }

    /** A delivery as the page shows it: its state, the alert change and the last failure in words. */
    record DeliveryRow(UUID id, UUID subscriptionId, String endpoint, String alertChange, Instant queuedAt,
            String state, String tagClass, boolean problem, boolean held, int attempts, String lastError, String lastErrorAsSent, Instant lastAttemptAt,
            Instant nextAttemptAt, Instant deliveredAt) {
    }

    private final FlagSubscriptions subscriptions;

    FlagSubscriptionPageController(FlagSubscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @GetMapping("/admin/fhir-subscriptions")
    String page(CurrentUser user, Model model) {
        user.require(Permission.MANAGE_FHIR_SUBSCRIPTIONS);
        model.addAttribute("form", new SubscriberForm(null, null));
        return show(user, model);
    }

    @PostMapping("/admin/fhir-subscriptions")
    String register(CurrentUser user, @Valid @ModelAttribute("form") SubscriberForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        user.require(Permission.MANAGE_FHIR_SUBSCRIPTIONS);
        if (!errors.hasErrors()) {
            try {
                FlagSubscriptions.Subscription added = subscriptions.register(user, form.endpoint(), form.secret());
                redirect.addFlashAttribute("message", "Registered " + added.endpoint() + ". It will be sent each"
                        + " alert raised or changed for your organisation's patients from now on.");
                return "redirect:/admin/fhir-subscriptions";
            } catch (InvalidInputException e) {
                FormErrors.add(errors, e);
            }
        }
        return show(user, model);
    }

    @PostMapping("/admin/fhir-subscriptions/{id}/switch-off")
    String switchOff(CurrentUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        FlagSubscriptions.Subscription off = subscriptions.switchOff(user, id);
        redirect.addFlashAttribute("message", "Switched off " + off.endpoint() + ". It is sent no alerts until you"
                + " switch it on again; alerts not yet delivered to it stay listed, not sent.");
        return "redirect:/admin/fhir-subscriptions";
    }

    @PostMapping("/admin/fhir-subscriptions/{id}/switch-on")
    String switchOn(CurrentUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        FlagSubscriptions.Subscription on = subscriptions.switchOn(user, id);
        redirect.addFlashAttribute("message", "Switched on " + on.endpoint() + ". Alerts not yet delivered to it are"
                + " sent now, and each alert raised or changed from now on; alerts raised or changed while it was off"
                + " are not sent.");
        return "redirect:/admin/fhir-subscriptions";
    }

    private String show(CurrentUser user, Model model) {
        List<FlagSubscriptions.Subscription> subscribers = subscriptions.subscriptions(user);
        Map<UUID, FlagSubscriptions.Subscription> byId = subscribers.stream()
                .collect(Collectors.toMap(FlagSubscriptions.Subscription::id, Function.identity()));
        List<DeliveryRow> deliveries = subscriptions.deliveries(user, false, RECENT).stream()
                .map(d -> row(d, byId.get(d.subscriptionId()))).toList();
        List<DeliveryRow> notDelivered = deliveries.stream().filter(DeliveryRow::problem).toList();
        model.addAttribute("subscribers", subscribers.stream().map(s -> new SubscriberRow(s,
                (int) deliveries.stream().filter(d -> d.problem() && d.subscriptionId().equals(s.id())).count(),
                (int) deliveries.stream().filter(d -> d.held() && d.subscriptionId().equals(s.id())).count()))
                .toList());
        model.addAttribute("deliveries", deliveries);
        model.addAttribute("notDelivered", notDelivered);
        model.addAttribute("recent", RECENT);
        return "fhir/subscriptions";
    }

    private static DeliveryRow row(FlagSubscriptions.Delivery d, FlagSubscriptions.Subscription to) {
        String endpoint = to == null ? "" : to.endpoint();
        boolean delivered = "DELIVERED".equals(d.status());
        String state;
        String tag;
        if (delivered) {
            state = "Delivered";
            tag = "nhsuk-tag--green";
        } else if (to != null && !to.active()) {
            state = "Not sent: the receiving system is switched off";
            tag = "nhsuk-tag--yellow";
        } else if (d.attempts() == 0) {
            state = "Waiting to be sent";
            tag = "nhsuk-tag--blue";
        } else {
            state = "Failed, will try again";
            tag = "nhsuk-tag--red";
        }
        boolean off = to != null && !to.active();
        return new DeliveryRow(d.id(), d.subscriptionId(), endpoint, alertChange(d.alertStatus()), d.createdAt(),
                state, tag, !delivered && !off && d.attempts() > 0, !delivered && off, d.attempts(),
                errorInWords(d.failure(), d.failureStatus(), d.failureSaid()), d.lastError(), d.lastAttemptAt(),
                d.nextAttemptAt(), d.deliveredAt());
    }

    /** What the Flag sent tells of the alert, from the alert's status when it was queued. */
    static String alertChange(String alertStatus) {
        return switch (alertStatus == null ? "" : alertStatus) {
            case "RAISED" -> "Alert raised";
            case "ACKNOWLEDGED" -> "Alert acknowledged";
            case "RESPONDED" -> "Alert responded to";
            case "CLOSED" -> "Alert closed";
            default -> "Alert changed";
        };
    }

    /**
     * A failed try in words an administrator can act on, from the kind of failure the sender kept (and, when the
     * receiving system answered, its HTTP status and what it said); null for none.
     */
    static String errorInWords(DeliveryFailure failure, Integer status, String said) {
        if (failure == null) {
            return null;
        }
        return switch (failure) {
            case ERROR_ANSWER -> {
                String code = status == null ? "" : String.valueOf(status);
                String meaning = switch (code) {
                    case "400", "422" -> "it could not accept what was sent";
                    case "401", "403" -> "it did not accept Homeward's signature or access; check the shared secret";
                    case "404" -> "nothing is at that address; check the address";
                    case "408", "429" -> "it was too busy";
                    default -> code.startsWith("5") ? "it had a fault or was busy" : "it refused what was sent";
                };
                yield "The receiving system answered with error " + code + ": " + meaning
                        + (said == null || said.isBlank() ? "." : ". It said: '" + said + "'.");
            }
            case NO_ANSWER -> unreachable("nothing answered at that address (the system may be down, or the address"
                    + " wrong)");
            case TIMED_OUT -> unreachable("it did not answer in time");
            case UNKNOWN_HOST -> unreachable("the address's host name is not known");
            case NO_SECURE_CONNECTION -> unreachable("a secure connection could not be made (check its certificate)");
            case UNUSABLE_ADDRESS -> unreachable("the address cannot be used");
            case CONNECTION_FAILED -> unreachable("the connection failed");
            case INTERRUPTED -> "Sending was interrupted while Homeward was stopping.";
        };
    }

    private static String unreachable(String why) {
        return "Could not reach the receiving system: " + why + ".";
    }
}
