package org.homeward.security.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import org.homeward.security.CurrentUser;
import org.homeward.security.Permission;
import org.homeward.security.RegisterSystemClient;
import org.homeward.security.SystemClient;
import org.homeward.security.SystemClientScopes;
import org.homeward.security.SystemClientService;
import org.homeward.shared.FormErrors;
import org.homeward.shared.InvalidInputException;
import org.homeward.shared.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The administrator's page of the organisation's system clients (device platforms and integration engines that use
 * the FHIR API with OAuth 2.0 client credentials, see {@link SystemClientService}): each client with the account it
 * acts as, its scopes in words, its key-set address and whether it is active or revoked; a form to register another,
 * after which the client id is shown with what the platform needs next; and revocation, asked for on a page of its
 * own (it is immediate and cannot be undone) before it is done. Only the administrator's own organisation's clients
 * are shown; other roles are refused (403).
 */
@Controller
class SystemClientPageController {

    static final String PAGE = "/admin/system-clients";

    record SystemClientForm(
            @NotBlank(message = "is required: what the system is, such as Doccla remote monitoring")
            @Size(max = 200, message = "must be at most {max} characters") String name,
            @NotBlank(message = "is required: the username of an active account of your organisation")
            @Size(max = 80, message = "must be at most {max} characters") String actsAs,
            @NotEmpty(message = "must include at least one: tick what the system may do, such as Write Observation")
            @Size(max = 50, message = "must be at most {max}") List<String> scopes,
            @NotBlank(message = "is required: the address where the system publishes its public keys")
            @Size(max = 500, message = "must be at most {max} characters") String jwkSetUrl) {

        SystemClientForm {
            scopes = scopes == null ? List.of() : List.copyOf(scopes);
        }
    }

    /** A scope the form offers: its words, as the page shows it, and the scope itself, as the platform asks for it. */
    record ScopeChoice(String scope, String words) {
    }

    /** A client as the page lists it, its scopes in words. */
    record ClientRow(SystemClient client, String scopes) {
    }

    private final SystemClientService clients;

    SystemClientPageController(SystemClientService clients) {
        this.clients = clients;
    }

    @GetMapping(PAGE)
    String page(CurrentUser user, Model model) {
        user.require(Permission.MANAGE_SYSTEM_CLIENTS);
        model.addAttribute("form", new SystemClientForm(null, null, null, null));
        return show(user, model);
    }

    @PostMapping(PAGE)
    String register(CurrentUser user, @Valid @ModelAttribute("form") SystemClientForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        user.require(Permission.MANAGE_SYSTEM_CLIENTS);
        if (!errors.hasErrors()) {
            try {
                SystemClient added = clients.register(user, new RegisterSystemClient(form.name(), form.actsAs(),
                        form.scopes(), form.jwkSetUrl()));
                // page sessions are kept in the database: the flash carries plain text only
                redirect.addFlashAttribute("registeredId", added.clientId());
                redirect.addFlashAttribute("registeredName", added.name());
                redirect.addFlashAttribute("registeredScopes", inWords(added.scopes()));
                redirect.addFlashAttribute("registeredScopeParameter", String.join(" ", added.scopes()));
                return "redirect:" + PAGE + "#registered";
            } catch (InvalidInputException e) {
                FormErrors.add(errors, e);
            }
        }
        return show(user, model);
    }

    /** The confirmation step: what revoking the client means, with the button that does it. */
    @GetMapping(PAGE + "/{clientId}/revoke")
    String confirmRevoke(CurrentUser user, @PathVariable String clientId, Model model) {
        user.require(Permission.MANAGE_SYSTEM_CLIENTS);
        SystemClient client = clients.clients(user).stream().filter(c -> c.clientId().equals(clientId)).findFirst()
                .orElseThrow(() -> new NotFoundException("Your organisation has no system client with that client id"));
        if (client.revokedAt() != null) {
            return "redirect:" + PAGE;
        }
        model.addAttribute("client", client);
        model.addAttribute("scopes", inWords(client.scopes()));
        return "security/revoke-system-client";
    }

    @PostMapping(PAGE + "/{clientId}/revocation")
    String revoke(CurrentUser user, @PathVariable String clientId, RedirectAttributes redirect) {
        user.require(Permission.MANAGE_SYSTEM_CLIENTS);
        SystemClient revoked = clients.revoke(user, clientId);
        redirect.addFlashAttribute("message", "Revoked " + revoked.name() + ". It gets no new token, and any token it"
                + " holds is refused at its next use.");
        return "redirect:" + PAGE;
    }

    private String show(CurrentUser user, Model model) {
        model.addAttribute("clients", clients.clients(user).stream()
                .map(c -> new ClientRow(c, inWords(c.scopes()))).toList());
        model.addAttribute("choices", SystemClientScopes.allowed().stream()
                .map(s -> new ScopeChoice(s, inWords(s))).toList());
        String root = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
        model.addAttribute("tokenEndpoint", root + "/oauth2/token");
        model.addAttribute("smartConfiguration", root + "/fhir/.well-known/smart-configuration");
        return "security/system-clients";
    }

    /** 'system/Observation.write' -> 'Write Observation'; 'system/*.read' -> 'Read every type'. */
    static String inWords(String scope) {
        if (SystemClientScopes.READ_ALL.equals(scope)) {
            return "Read every type";
        }
        if (scope != null && scope.startsWith("system/")) {
            String rest = scope.substring("system/".length());
            if (rest.endsWith(".read")) {
                return "Read " + rest.substring(0, rest.length() - ".read".length());
            }
            if (rest.endsWith(".write")) {
                return "Write " + rest.substring(0, rest.length() - ".write".length());
            }
        }
        return scope;
    }

    /** A client's scopes in words, in the order registered: 'Write Observation, Read Patient'. */
    static String inWords(List<String> scopes) {
        List<String> words = new ArrayList<>();
        for (String scope : scopes) {
            words.add(inWords(scope));
        }
        return String.join(", ", words);
    }
}
