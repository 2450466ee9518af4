package org.homeward.fhir.web;

import java.util.UUID;
import org.homeward.fhir.VirtualWardSummaries;
import org.homeward.security.CurrentUser;
import org.homeward.shared.AdmissionId;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The virtual-ward summary's PDF from the discharge summary page: for the care team, the GP's practice among them.
 * Before it is made (within minutes of the discharge) the page says so.
 */
@Controller
class VirtualWardSummaryPageController {

    private final VirtualWardSummaries summaries;

    VirtualWardSummaryPageController(VirtualWardSummaries summaries) {
        this.summaries = summaries;
    }

    @GetMapping("/admissions/{id}/virtual-ward-summary.pdf")
    ResponseEntity<byte[]> pdf(CurrentUser user, @PathVariable UUID id) {
        VirtualWardSummaries.Published summary = summaries.summary(user, new AdmissionId(id),
                "opened the virtual ward summary's PDF");
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("virtual-ward-summary-" + id + ".pdf").build().toString())
                .body(summary.pdf());
    }
}
