package org.homeward.hl7v2.web;

import java.time.LocalDate;
import java.util.Map;
import org.homeward.hl7v2.Hl7MessageQuery;
import org.homeward.hl7v2.Hl7MessageService;
import org.homeward.hl7v2.Hl7Outcome;
import org.homeward.security.CurrentUser;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The inbound HL7 v2 messages for administrators, 50 a page, newest first, with the raw text of each. */
@Controller
class Hl7MessagePageController {

    /** ADT trigger events in words, for the page. */
    static final Map<String, String> EVENTS = Map.ofEntries(Map.entry("A01", "Admitted to hospital"),
            Map.entry("A02", "Moved ward in hospital"), Map.entry("A03", "Discharged from hospital"),
            Map.entry("A04", "Registered as an outpatient"), Map.entry("A08", "Details updated"),
            Map.entry("A11", "Admission cancelled"), Map.entry("A13", "Discharge cancelled"),
            Map.entry("A28", "Person added"), Map.entry("A31", "Person's details updated"),
            Map.entry("A40", "Duplicate record merged into the surviving one"));

    private final Hl7MessageService messages;

    Hl7MessagePageController(Hl7MessageService messages) {
        this.messages = messages;
    }

    @GetMapping("/admin/hl7v2")
    String messages(CurrentUser user, @RequestParam(required = false) String controlId,
            @RequestParam(required = false) String nhsNumber, @RequestParam(required = false) String event,
            @RequestParam(required = false) Hl7Outcome outcome,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "1") int page, Model model) {
        Hl7MessageQuery query = new Hl7MessageQuery(controlId, nhsNumber, event, outcome, from, to);
        model.addAttribute("query", query);
        model.addAttribute("result", messages.search(user, query, page));
        model.addAttribute("events", EVENTS);
        model.addAttribute("outcomes", Hl7Outcome.values());
        model.addAttribute("waiting", messages.waitingOutbound(user));
        return "hl7v2/messages";
    }
}
