package org.homeward.hl7v2.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.UUID;
import org.homeward.hl7v2.Hl7MessagePage;
import org.homeward.hl7v2.Hl7MessageQuery;
import org.homeward.hl7v2.Hl7MessageService;
import org.homeward.hl7v2.Hl7MessageView;
import org.homeward.hl7v2.Hl7OutboundView;
import org.homeward.hl7v2.Hl7Outcome;
import org.homeward.security.CurrentUser;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "HL7 v2", description = "ADT messages received over MLLP from the trust's integration engine")
class Hl7MessageApiController {

    private final Hl7MessageService messages;

    Hl7MessageApiController(Hl7MessageService messages) {
        this.messages = messages;
    }

    @GetMapping("/api/v1/hl7v2/messages")
    @Operation(summary = "Inbound HL7 v2 messages from your organisation's integration engine, newest first, 50 a page"
            + " (administrators): filtered by control id (MSH-10), NHS number, trigger event (A01), outcome and the"
            + " days received")
    Hl7MessagePage search(CurrentUser user, @RequestParam(required = false) String controlId,
            @RequestParam(required = false) String nhsNumber, @RequestParam(required = false) String event,
            @RequestParam(required = false) Hl7Outcome outcome,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "1") int page) {
        return messages.search(user, new Hl7MessageQuery(controlId, nhsNumber, event, outcome, from, to), page);
    }

    @GetMapping("/api/v1/hl7v2/outbound")
    @Operation(summary = "Outbound ADT (A01 admitted, A03 discharged) your organisation's trust has not acknowledged yet,"
            + " oldest first, with how many times each was tried, the last error and the next try (administrators)")
    java.util.List<Hl7OutboundView> waitingOutbound(CurrentUser user) {
        return messages.waitingOutbound(user);
    }

    @GetMapping("/api/v1/hl7v2/messages/{id}")
    @Operation(summary = "One inbound HL7 v2 message: the raw text, what became of it and the acknowledgement sent")
    Hl7MessageView message(CurrentUser user, @PathVariable UUID id) {
        return messages.message(user, id);
    }
}
