package org.homeward.fhir.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.homeward.fhir.FlagSubscriptions;
import org.homeward.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "FHIR subscriptions", description = "Your organisation's systems that receive its patients' alerts as FHIR"
        + " Flags (rest-hook, body signed with HMAC-SHA256), and their deliveries")
class FlagSubscriptionApiController {

    record RegisterSubscription(
            @NotBlank(message = "is required: the http or https address the Flags are POSTed to")
            @Size(max = 500, message = "must be at most {max} characters") String endpoint,
            @NotBlank(message = "is required: 32 to 200 characters shared with the subscriber only")
            @Size(min = 32, max = 200, message = "must be {min} to {max} characters") String secret) {
    }

    private final FlagSubscriptions subscriptions;

    FlagSubscriptionApiController(FlagSubscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @PostMapping("/api/v1/fhir-subscriptions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register a system of your organisation to receive its patients' raised and changed alerts as"
            + " FHIR Flags (administrators); each body is signed: X-Homeward-Signature: sha256=<hex HMAC-SHA256 of the"
            + " body with the secret>")
    FlagSubscriptions.Subscription register(CurrentUser user, @Valid @RequestBody RegisterSubscription body) {
        return subscriptions.register(user, body.endpoint(), body.secret());
    }

    @GetMapping("/api/v1/fhir-subscriptions")
    @Operation(summary = "Your organisation's registered subscribers (administrators)")
    List<FlagSubscriptions.Subscription> list(CurrentUser user) {
        return subscriptions.subscriptions(user);
    }

    @PostMapping("/api/v1/fhir-subscriptions/{subscriptionId}/deactivation")
    @Operation(summary = "Switch a subscriber of your organisation off (administrators; audited): no alert is queued for"
            + " it from now on and its deliveries not yet delivered are not sent, but stay listed, until it is switched"
            + " on again; switching off one that is off changes nothing")
    FlagSubscriptions.Subscription switchOff(CurrentUser user, @PathVariable UUID subscriptionId) {
        return subscriptions.switchOff(user, subscriptionId);
    }

    @PostMapping("/api/v1/fhir-subscriptions/{subscriptionId}/activation")
    @Operation(summary = "Switch a subscriber of your organisation on again (administrators; audited): alerts raised or"
            + " changed from now on are queued for it, and its deliveries not yet delivered are sent at once, in order;"
            + " alerts raised or changed while it was off are not sent to it")
    FlagSubscriptions.Subscription switchOn(CurrentUser user, @PathVariable UUID subscriptionId) {
        return subscriptions.switchOn(user, subscriptionId);
    }

    @GetMapping("/api/v1/fhir-subscriptions/deliveries")
    @Operation(summary = "Deliveries to your organisation's subscribers, newest first (administrators): waiting=true for"
            + " those not yet delivered, each with its attempts, next try and the last failure")
    List<FlagSubscriptions.Delivery> deliveries(CurrentUser user, @RequestParam(defaultValue = "false") boolean waiting,
            @RequestParam(defaultValue = "100") int limit) {
        return subscriptions.deliveries(user, waiting, limit);
    }
}
