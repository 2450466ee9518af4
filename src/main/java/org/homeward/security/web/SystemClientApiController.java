package org.homeward.security.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.homeward.security.CurrentUser;
import org.homeward.security.RegisterSystemClient;
import org.homeward.security.SystemClient;
import org.homeward.security.SystemClientService;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/system-clients")
@Tag(name = "System clients", description = "Your organisation's device platforms and integration engines that use the"
        + " FHIR API with OAuth 2.0 client credentials and a signed JWT assertion (administrators)")
class SystemClientApiController {

    record RegisterClient(
            @NotBlank(message = "is required: what the system is, such as \"Doccla remote monitoring\"")
            @Size(max = 200, message = "must be at most {max} characters") String name,
            @NotBlank(message = "is required: the username of an active account of your organisation the client acts as")
            @Size(max = 80, message = "must be at most {max} characters") String actsAs,
            @NotEmpty(message = "must name at least one scope, such as system/Observation.write")
            @Size(max = 50, message = "must name at most {max} scopes") List<String> scopes,
            @NotBlank(message = "is required: the https address where the client publishes its public keys (JWKS)")
            @Size(max = 500, message = "must be at most {max} characters") String jwkSetUrl) {
    }

    private final SystemClientService clients;

    SystemClientApiController(SystemClientService clients) {
        this.clients = clients;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register a system client of your organisation (administrators; audited): it acts as the named"
            + " account, within its scopes (system/{Type}.read or .write, system/*.read), and authenticates at"
            + " POST /oauth2/token with grant_type=client_credentials and a JWT assertion (RS512, iss and sub its"
            + " client id, aud the token endpoint) signed with a key published at its jwkSetUrl")
    SystemClient register(CurrentUser user, @Valid @RequestBody RegisterClient body) {
        return clients.register(user, new RegisterSystemClient(body.name(), body.actsAs(), body.scopes(),
                body.jwkSetUrl()));
    }

    @GetMapping
    @Operation(summary = "Your organisation's system clients, revoked ones included (administrators)")
    List<SystemClient> list(CurrentUser user) {
        return clients.clients(user);
    }

    @PostMapping("/{clientId}/revocation")
    @Operation(summary = "Revoke a system client of your organisation at once (administrators; audited): it gets no"
            + " new token and the tokens it holds are refused at their next use")
    SystemClient revoke(CurrentUser user, @PathVariable String clientId) {
        return clients.revoke(user, clientId);
    }
}
