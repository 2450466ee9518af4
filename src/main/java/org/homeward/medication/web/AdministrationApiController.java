package org.homeward.medication.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.homeward.medication.Administration;
import org.homeward.medication.AdministrationService;
import org.homeward.medication.DoseLine;
import org.homeward.medication.RecordAdministration;
import org.homeward.security.CurrentUser;
import org.homeward.shared.PatientId;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The doses a patient's medicines chart calls for, and each recorded as given or not given. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Medicines given", description = "The doses each prescription with set times calls for on a day, with "
        + "where each stands (due, late, missed, given, not given), and the record of each dose given or not given "
        + "at the visit; never changed or deleted")
class AdministrationApiController {

    private final AdministrationService administrations;
    private final Clock clock;

    AdministrationApiController(AdministrationService administrations, Clock clock) {
        this.administrations = administrations;
        this.clock = clock;
    }

    @GetMapping("/patients/{id}/doses")
    @Operation(summary = "The patient's charted doses on a day (default today), in time order, each with its window "
            + "and state and what was recorded for it")
    List<DoseLine> doses(CurrentUser user, @PathVariable PatientId id, @RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return administrations.dosesOn(user, id, date == null ? LocalDate.now(clock) : date);
    }

    @PostMapping("/patients/{id}/medicine-administrations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a charted dose as given or not given, once (clinicians, seniors, pharmacists in the "
            + "care team)", description = "doseKey (from the doses list) and outcome GIVEN or NOT_GIVEN are required. "
            + "Given: dose and route as prescribed; site, batch and expiry for an injection or infusion; secondChecker "
            + "and secondCheckHow where the formulary asks for a second checker or for a controlled drug; givenAt "
            + "defaults to now. Not given: notGivenReason, with a note for some reasons. Refused with 409 for a "
            + "stopped prescription or a dose already recorded")
    Administration record(CurrentUser user, @PathVariable PatientId id, @RequestBody RecordAdministration body) {
        return administrations.record(user, id, body);
    }
}
