package org.homeward.ward.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.homeward.security.CurrentUser;
import org.homeward.shared.WardId;
import org.homeward.ward.CreateWard;
import org.homeward.ward.SetCareOrganisations;
import org.homeward.ward.WardCareOrganisation;
import org.homeward.ward.VirtualWard;
import org.homeward.ward.WardService;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/wards")
@Tag(name = "Virtual wards", description = "Pathways, capacity, operating hours")
class WardApiController {

    private final WardService wards;

    WardApiController(WardService wards) {
        this.wards = wards;
    }

    @GetMapping
    @Operation(summary = "All virtual wards")
    List<VirtualWard> wards() {
        return wards.wards();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One virtual ward")
    VirtualWard ward(@PathVariable WardId id) {
        return wards.ward(id);
    }

    @GetMapping("/{id}/care-organisations")
    @Operation(summary = "The organisations sharing the care of the ward's patients: the host and visiting teams")
    List<WardCareOrganisation> careOrganisations(@PathVariable WardId id) {
        return wards.careOrganisations(id);
    }

    @PutMapping("/{id}/care-organisations")
    @Operation(summary = "Set the organisations that visit and share the care of the ward's patients (the host's"
            + " administrator); admission puts them in the patient's care team")
    List<WardCareOrganisation> setCareOrganisations(CurrentUser user, @PathVariable WardId id,
            @Valid @RequestBody SetCareOrganisations body) {
        return wards.setCareOrganisations(user, id, body);
    }

    @PostMapping
    @Operation(summary = "Open a virtual ward (the hosting provider's administrator); must operate at least 08:00-20:00")
    ResponseEntity<VirtualWard> create(CurrentUser user, @Valid @RequestBody CreateWard body) {
        VirtualWard ward = wards.create(user, body);
        return ResponseEntity.created(URI.create("/api/v1/wards/" + ward.id())).body(ward);
    }
}
