package org.homeward.security.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.homeward.security.CurrentUser;
import org.homeward.security.SecurityService;
import org.homeward.shared.OrganisationId;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/organisations")
@Tag(name = "Organisations", description = "The GP practices a GP organisation covers")
class OrganisationApiController {

    private final SecurityService security;

    OrganisationApiController(SecurityService security) {
        this.security = security;
    }

    /** The practices to add to those the organisation covers. */
    record CoverPractices(@NotEmpty(message = "must name at least one GP practice code")
            @Size(max = 500, message = "must name at most {max} practices") List<String> practiceCodes) {
    }

    @PostMapping("/{id}/gp-practices")
    @Operation(summary = "Record GP practices (ODS codes) a GP organisation covers (its own administrator); their"
            + " patients' GP organisation joins the care team at referral and admission")
    List<String> coverPractices(CurrentUser user, @PathVariable OrganisationId id,
            @Valid @RequestBody CoverPractices body) {
        return security.coverPractices(user, id, body.practiceCodes());
    }
}
