package org.homeward.medication.web;

import java.util.List;
import org.homeward.medication.DischargeMedicines;
import org.homeward.medication.DischargeMedicinesService;
import org.homeward.patient.PatientService;
import org.homeward.security.CurrentUser;
import org.homeward.shared.AdmissionId;
import org.homeward.shared.PatientId;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The medicine changes page (the draft while the patient is admitted, to check the discharge summary against, and the
 * discharge medicines records of earlier stays) and the printable discharge medicines record of one admission,
 * addressed to the GP practice and the community pharmacy.
 */
@Controller
class DischargeMedicinesPageController {

    private final DischargeMedicinesService dischargeMedicines;
    private final PatientService patients;

    DischargeMedicinesPageController(DischargeMedicinesService dischargeMedicines, PatientService patients) {
        this.dischargeMedicines = dischargeMedicines;
        this.patients = patients;
    }

    @GetMapping("/patients/{id}/medicine-changes")
    String changes(CurrentUser user, @PathVariable PatientId id, Model model) {
        model.addAttribute("patient", patients.record(user, id));
        model.addAttribute("draft", dischargeMedicines.draftIfAdmitted(user, id).orElse(null));
        model.addAttribute("records", dischargeMedicines.records(user, id));
        return "medication/medicine-changes";
    }

    @GetMapping("/patients/{id}/discharge-medicines/{admissionId}")
    String record(CurrentUser user, @PathVariable PatientId id, @PathVariable AdmissionId admissionId, Model model) {
        model.addAttribute("patient", patients.record(user, id));
        List<DischargeMedicines> all = dischargeMedicines.records(user, id);
        model.addAttribute("record", all.stream().filter(r -> r.admissionId().equals(admissionId)).findFirst()
                .orElse(null));
        model.addAttribute("admissionId", admissionId);
        return "medication/discharge-medicines";
    }
}
