package org.homeward.observation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.homeward.observation.HomeLinkService;
import org.homeward.security.CurrentUser;
import org.homeward.shared.PatientId;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Issuing a home readings link over the API. A REST controller of its own (it was a method on the home page's
 * controller), so that its refusals are problem details like the rest of the API, not the HTML error page.
 */
@RestController
@Tag(name = "Observations", description = "Readings from devices, nurses, patients and carers")
class HomeLinkApiController {

    private final HomeLinkService links;

    HomeLinkApiController(HomeLinkService links) {
        this.links = links;
    }

    record IssuedLink(String url) {
    }

    @PostMapping({"/api/v1/patients/{id}/home-link", "/api/v1/patients/{id}/home-links"})
    @Operation(summary = "Issue a personal link through which the patient or a carer sends readings from home; "
            + "the link is shown once and its secret is never stored; the patient's previous link stops working")
    ResponseEntity<IssuedLink> issue(CurrentUser user, @PathVariable PatientId id) {
        String url = UriComponentsBuilder.fromPath("/home/{token}").buildAndExpand(links.issue(user, id)).toUriString();
        return ResponseEntity.status(201).body(new IssuedLink(url));
    }

    record Revocation(String reason) {
    }

    @PostMapping("/api/v1/patients/{id}/home-links/revocation")
    @Operation(summary = "Revoke the patient's home readings link, with the reason: it answers as an unknown link from "
            + "now on")
    ResponseEntity<Void> revoke(CurrentUser user, @PathVariable PatientId id,
            @org.springframework.web.bind.annotation.RequestBody(required = false) Revocation body) {
        links.revoke(user, id, body == null ? null : body.reason());
        return ResponseEntity.noContent().build();
    }

    @org.springframework.web.bind.annotation.GetMapping("/api/v1/patients/{id}/home-links")
    @Operation(summary = "Whether the patient has a working home readings link, who issued it and until when (never "
            + "the link itself)")
    ResponseEntity<HomeLinkService.ActiveLink> active(CurrentUser user, @PathVariable PatientId id) {
        return links.activeLink(user, id).map(ResponseEntity::ok).orElse(ResponseEntity.noContent().build());
    }
}
