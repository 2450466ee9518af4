package org.homeward.medication.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.homeward.medication.CommunityPharmacy;
import org.homeward.medication.DischargeMedicines;
import org.homeward.medication.DischargeMedicinesService;
import org.homeward.medication.NominatePharmacy;
import org.homeward.security.CurrentUser;
import org.homeward.shared.AdmissionId;
import org.homeward.shared.PatientId;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The medicine changes of a stay: the draft while admitted, the discharge medicines record fixed at discharge for the
 * GP and the community pharmacy, and the patient's nominated community pharmacy.
 */
@RestController
@RequestMapping("/api/v1/patients/{id}")
@Tag(name = "Discharge medicines", description = "The medicine changes of a stay (the medicines taken before "
        + "admission with the reconciliation's decision on each; the prescriptions of the stay started, changed, "
        + "stopped or still prescribed) as a draft while the patient is admitted, and fixed at discharge as the "
        + "discharge medicines record of the admission, addressed to the GP practice and the nominated community "
        + "pharmacy (NHS England Discharge Medicines Service) and never changed. Read by the patient's care team, the "
        + "GP practice among it; other organisations get 404.")
class DischargeMedicinesApiController {

    private final DischargeMedicinesService dischargeMedicines;

    DischargeMedicinesApiController(DischargeMedicinesService dischargeMedicines) {
        this.dischargeMedicines = dischargeMedicines;
    }

    /** The nominated pharmacy, or none. */
    record NominatedPharmacy(CommunityPharmacy pharmacy) {
    }

    @GetMapping("/medicine-changes")
    @Operation(summary = "The draft medicine changes of the stay open now, as they would be fixed at discharge now "
            + "(409 when the patient is not admitted)")
    DischargeMedicines draft(CurrentUser user, @PathVariable PatientId id) {
        return dischargeMedicines.draft(user, id);
    }

    @GetMapping("/discharge-medicines")
    @Operation(summary = "The patient's discharge medicines records, newest discharge first")
    List<DischargeMedicines> records(CurrentUser user, @PathVariable PatientId id) {
        return dischargeMedicines.records(user, id);
    }

    @GetMapping("/discharge-medicines/{admissionId}")
    @Operation(summary = "The discharge medicines record of one admission (404 when it has none)")
    DischargeMedicines record(CurrentUser user, @PathVariable PatientId id, @PathVariable AdmissionId admissionId) {
        return dischargeMedicines.record(user, id, admissionId);
    }

    @GetMapping("/community-pharmacy")
    @Operation(summary = "The patient's nominated community pharmacy (pharmacy null when none)")
    NominatedPharmacy pharmacy(CurrentUser user, @PathVariable PatientId id) {
        return new NominatedPharmacy(dischargeMedicines.pharmacy(user, id).orElse(null));
    }

    @PutMapping("/community-pharmacy")
    @Operation(summary = "Record the patient's nominated community pharmacy (nurses, prescribers, pharmacists, "
            + "coordinators)", description = "name is required; odsCode is optional, F and four letters or digits "
            + "(FA123). An empty name removes the nomination. Each nomination is kept; the newest stands.")
    NominatedPharmacy nominate(CurrentUser user, @PathVariable PatientId id, @RequestBody NominatePharmacy body) {
        return new NominatedPharmacy(dischargeMedicines.nominatePharmacy(user, id, body).orElse(null));
    }
}
