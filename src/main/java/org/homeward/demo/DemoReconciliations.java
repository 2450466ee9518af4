package org.homeward.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.homeward.medication.DischargeMedicinesService;
import org.homeward.medication.MedicineBeforeAdmissionToAdd;
import org.homeward.medication.NominatePharmacy;
import org.homeward.medication.ReconciliationDecision;
import org.homeward.medication.ReconciliationDecisionToRecord;
import org.homeward.medication.ReconciliationService;
import org.homeward.medication.ReconciliationSource;
import org.homeward.medication.ReconciliationSourceToRecord;
import org.homeward.security.CurrentUser;
import org.homeward.security.UserAccount;
import org.homeward.shared.PatientId;

/**
 * Each admitted demo patient's medicines reconciliation, done through the medication module as the team would, right
 * after admission and before any discharge: the ward's nurse lists the patient's own supply at the first visit (a
 * parent's account for a child), the pharmacist adds the GP record, decides on each medicine and verifies, most within
 * 24 hours of admission (6 to 19 hours after). Patients admitted too recently to have got that far are in progress or
 * not started; one current patient is overdue (listed from both sources, not yet decided on). The medicines follow
 * the scenario: heart failure (oral furosemide withheld while IV furosemide is given at home; a ramipril frequency
 * discrepancy settled by changing it), chests (inhalers continued), frailty (night sedation withheld for falls and
 * delirium), children (the parent says none, or a salbutamol inhaler for wheeze).
 *
 * <p>Every demo discharge fixes a discharge medicines record through the discharge itself (the medication module
 * listens); the first heart-failure patient to be discharged has also nominated a community pharmacy (recorded by the
 * ward's nurse at the first visit), so their record is addressed to the GP practice and that pharmacy.
 */
final class DemoReconciliations {

    private static final String PHARMACIST = "pharmacist";

    private final ReconciliationService reconciliations;
    private final DischargeMedicinesService dischargeMedicines;
    private final Map<String, UserAccount> staff;
    private final Instant now;
    private boolean overdueChosen;
    private boolean pharmacyNominated;

    DemoReconciliations(ReconciliationService reconciliations, DischargeMedicinesService dischargeMedicines,
            Map<String, UserAccount> staff, Instant now) {
        this.reconciliations = reconciliations;
        this.dischargeMedicines = dischargeMedicines;
        this.staff = staff;
        this.now = now;
    }

    /** Right after the admission, before any discharge of the episode. */
    void afterAdmission(int index, EpisodePlan episode, PatientId patient) {
        Instant admitted = episode.admission().admittedAt();
        Instant dischargedAt = episode.discharge() == null ? null : episode.discharge().dischargedAt();
        Instant end = dischargedAt == null ? now : dischargedAt;
        Instant listed = admitted.plus(Duration.ofHours(2));
        Instant checked = admitted.plus(Duration.ofHours(4));
        Instant verified = admitted.plus(Duration.ofHours(6 + index % 14));
        boolean overdue = dischargedAt == null && !overdueChosen && admitted.isBefore(now.minus(Duration.ofHours(26)))
                && admitted.isAfter(now.minus(Duration.ofHours(72)));
        if (overdue) {
            overdueChosen = true;
        }
        CurrentUser nurse = user(nurseOf(episode.ward()));
        CurrentUser pharmacist = user(PHARMACIST);
        String condition = episode.referral().presentingCondition().toLowerCase(Locale.UK);
        if (listed.isAfter(end)) {
            return;
        }
        if (dischargedAt != null && !pharmacyNominated && episode.ward() == DemoWard.HEART_FAILURE) {
            pharmacyNominated = true;
            dischargeMedicines.nominatePharmacy(nurse, patient, new NominatePharmacy(
                    "Harbourside Pharmacy, 14 Quay Street, Poole", "FHP14"));
        }
        List<Line> lines = lines(episode.ward(), condition);
        if (lines.isEmpty()) {
            reconciliations.recordSource(nurse, patient, new ReconciliationSourceToRecord(
                    ReconciliationSource.PATIENT_OR_CARER, "Parent: no regular medicines"));
        }
        for (Line line : lines) {
            if (line.ownSupply() != null) {
                reconciliations.addMedicine(nurse, patient, line.ownSupply(), listed);
            }
        }
        if (checked.isAfter(end)) {
            return;
        }
        for (Line line : lines) {
            if (line.gpRecord() != null) {
                reconciliations.addMedicine(pharmacist, patient, line.gpRecord(), checked);
            }
        }
        if (overdue) {
            return;
        }
        if (verified.isAfter(end)) {
            return;
        }
        Instant decided = verified.minus(Duration.ofMinutes(20));
        for (Line line : lines) {
            reconciliations.decide(pharmacist, patient, line.decision(), decided);
        }
        reconciliations.verify(pharmacist, patient, verified);
    }

    /** One medicine: as the patient's own supply and the GP record list it (either may be missing), and the decision. */
    private record Line(MedicineBeforeAdmissionToAdd ownSupply, MedicineBeforeAdmissionToAdd gpRecord,
            ReconciliationDecisionToRecord decision) {
    }

    private static List<Line> lines(DemoWard ward, String condition) {
        return switch (ward) {
            case HEART_FAILURE -> List.of(
                    both("Furosemide 40 mg tablets", "40 mg", "By mouth", "Once a day, in the morning",
                            ReconciliationDecision.WITHHELD, "Withheld while IV furosemide is given at home; "
                                    + "restart by mouth when the IV course ends"),
                    new Line(own("Ramipril 2.5 mg capsules", "2.5 mg", "By mouth", "Twice a day"),
                            gp("Ramipril 2.5 mg capsules", "2.5 mg", "By mouth", "Once a day"),
                            new ReconciliationDecisionToRecord("Ramipril 2.5 mg capsules",
                                    ReconciliationDecision.CHANGED, "GP record is current: the patient had been "
                                            + "taking it twice a day in error; explained to the patient",
                                    "2.5 mg", "Once a day")),
                    both("Bisoprolol 2.5 mg tablets", "2.5 mg", "By mouth", "Once a day",
                            ReconciliationDecision.CONTINUED, null));
            case FRAILTY_RESPIRATORY -> condition.contains("copd") || condition.contains("bronchiectasis")
                    || condition.contains("pneumonia") || condition.contains("influenza")
                    ? List.of(both("Salbutamol 100 micrograms/dose inhaler", "2 puffs", "Inhaled",
                                    "When needed, up to four times a day", ReconciliationDecision.CONTINUED, null),
                            both("Tiotropium 2.5 micrograms/dose inhaler", "2 puffs", "Inhaled", "Once a day",
                                    ReconciliationDecision.CONTINUED, null),
                            both("Amlodipine 5 mg tablets", "5 mg", "By mouth", "Once a day",
                                    ReconciliationDecision.CONTINUED, null))
                    : List.of(both("Amlodipine 5 mg tablets", "5 mg", "By mouth", "Once a day",
                                    ReconciliationDecision.CONTINUED, null),
                            both("Paracetamol 500 mg tablets", "1 g", "By mouth", "Four times a day",
                                    ReconciliationDecision.CONTINUED, null),
                            both("Zopiclone 3.75 mg tablets", "3.75 mg", "By mouth", "At night",
                                    ReconciliationDecision.WITHHELD, "Falls risk and confusion: withheld while on the "
                                            + "virtual ward; review at discharge"));
            case CHILDREN -> condition.contains("wheez") || condition.contains("asthma")
                    || condition.contains("bronchiolitis")
                    ? List.of(new Line(new MedicineBeforeAdmissionToAdd(ReconciliationSource.PATIENT_OR_CARER,
                                    "Salbutamol 100 micrograms/dose inhaler with spacer", "2 puffs", "Inhaled",
                                    "When needed", "Parent's account"), null,
                            new ReconciliationDecisionToRecord("Salbutamol 100 micrograms/dose inhaler with spacer",
                                    ReconciliationDecision.CONTINUED, null, null, null)))
                    : List.of();
        };
    }

    private static Line both(String medicine, String dose, String route, String frequency,
            ReconciliationDecision decision, String reason) {
        return new Line(own(medicine, dose, route, frequency), gp(medicine, dose, route, frequency),
                new ReconciliationDecisionToRecord(medicine, decision, reason, null, null));
    }

    private static MedicineBeforeAdmissionToAdd own(String medicine, String dose, String route, String frequency) {
        return new MedicineBeforeAdmissionToAdd(ReconciliationSource.OWN_SUPPLY, medicine, dose, route, frequency,
                null);
    }

    private static MedicineBeforeAdmissionToAdd gp(String medicine, String dose, String route, String frequency) {
        return new MedicineBeforeAdmissionToAdd(ReconciliationSource.GP_RECORD, medicine, dose, route, frequency,
                "Summary Care Record");
    }

    private static String nurseOf(DemoWard ward) {
        return switch (ward) {
            case CHILDREN -> "nurse3";
            case HEART_FAILURE -> "nurse4";
            case FRAILTY_RESPIRATORY -> "nurse";
        };
    }

    private CurrentUser user(String username) {
        return CurrentUser.of(staff.get(username));
    }
}
