package org.homeward.audit.web;

import java.time.LocalDate;
import java.util.UUID;
import org.homeward.audit.AuditQuery;
import org.homeward.audit.AuditService;
import org.homeward.security.CurrentUser;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit trail, 50 lines a page, newest first, with the patient named by name or NHS number. */
@Controller
class AuditPageController {

    private final AuditService audit;

    AuditPageController(AuditService audit) {
        this.audit = audit;
    }

    @GetMapping("/admin/audit")
    String audit(CurrentUser user, @RequestParam(required = false) String username,
            @RequestParam(required = false) UUID patientId, @RequestParam(required = false) String patient,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "1") int page, Model model) {
        AuditQuery query = new AuditQuery(username, patientId, action, from, to, null);
        model.addAttribute("query", query);
        model.addAttribute("result", audit.page(user, query, patient, page));
        return "audit/list";
    }
}
