package org.homeward.audit.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.homeward.audit.AuditEntry;
import org.homeward.audit.AuditPage;
import org.homeward.audit.AuditQuery;
import org.homeward.audit.AuditService;
import org.homeward.security.CurrentUser;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Audit", description = "Who read or changed which record")
class AuditApiController {

    private final AuditService audit;

    AuditApiController(AuditService audit) {
        this.audit = audit;
    }

    @GetMapping("/api/v1/audit")
    @Operation(summary = "The audit trail, newest first (administrators and governance leads)")
    List<AuditEntry> search(CurrentUser user, @RequestParam(required = false) String username,
            @RequestParam(required = false) UUID patientId, @RequestParam(required = false) String action,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Integer limit) {
        return audit.search(user, new AuditQuery(username, patientId, action, from, to, limit));
    }

    @GetMapping("/api/v1/audit/pages")
    @Operation(summary = "One page of the audit trail (50 lines, newest first) with the total count; the patient may be"
            + " named by name, NHS number or date of birth (patients in your organisation's care only)")
    AuditPage page(CurrentUser user, @RequestParam(required = false) String username,
            @RequestParam(required = false) UUID patientId, @RequestParam(required = false) String patient,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "1") int page) {
        return audit.page(user, new AuditQuery(username, patientId, action, from, to, null), patient, page);
    }
}
