package org.homeward.rota.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.homeward.rota.AddShift;
import org.homeward.rota.RotaService;
import org.homeward.rota.StaffShift;
import org.homeward.security.CurrentUser;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Staff shifts for visit planning; the API kept its paths and its "Visits" tag when they left the visit module. */
@RestController
@Tag(name = "Visits", description = "Interventions on a patient's plan and the home visits they call for")
class ShiftApiController {

    private final RotaService rota;

    ShiftApiController(RotaService rota) {
        this.rota = rota;
    }

    @PostMapping("/api/v1/shifts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a staff member's shift for visit planning (coordinators and seniors); times are local, "
            + "an out-of-hours shift may end the next morning")
    StaffShift addShift(CurrentUser user, @RequestBody AddShift command) {
        return rota.addShift(user, command);
    }

    @PostMapping("/api/v1/shifts/{id}/cancel")
    @Operation(summary = "Cancel a shift; it stays on record")
    StaffShift cancelShift(CurrentUser user, @PathVariable UUID id) {
        return rota.cancelShift(user, id);
    }

    @GetMapping("/api/v1/shifts")
    @Operation(summary = "The shifts starting on a day")
    List<StaffShift> shifts(CurrentUser user, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return rota.shifts(user, date);
    }
}
