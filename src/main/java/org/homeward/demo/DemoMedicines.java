package org.homeward.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.homeward.careplan.AddIntervention;
import org.homeward.careplan.InterventionKind;
import org.homeward.medication.AllergyCertainty;
import org.homeward.medication.AllergyService;
import org.homeward.medication.AllergySeverity;
import org.homeward.medication.DoseUnit;
import org.homeward.medication.FormularyEntry;
import org.homeward.medication.FormularyService;
import org.homeward.medication.Frequency;
import org.homeward.medication.Prescribe;
import org.homeward.medication.Prescription;
import org.homeward.medication.PrescribingCheck;
import org.homeward.medication.PrescriptionService;
import org.homeward.medication.ReactionKind;
import org.homeward.medication.RecordAllergy;
import org.homeward.medication.RecordWeight;
import org.homeward.medication.Route;
import org.homeward.medication.SaveFormularyEntry;
import org.homeward.medication.ScreenPrescription;
import org.homeward.medication.ScreeningStatus;
import org.homeward.medication.SubstanceClass;
import org.homeward.referral.Intervention;
import org.homeward.security.CurrentUser;
import org.homeward.security.UserAccount;
import org.homeward.shared.PatientId;

/**
 * The demo's medicines, through the medication module's services: the pharmacist's formulary of the medicines the
 * scenarios use; for every patient admitted now, allergies or a statement of no known allergies (recorded by the
 * ward's nurse), a weight for each child, and prescriptions by the ward's consultant following the scenario and the
 * times of the IV visits on the care plan (IV furosemide twice daily for heart failure; IV amoxicillin 8-hourly for
 * pneumonia, IV ceftazidime 8-hourly for bronchiectasis, otherwise IV ceftriaxone once daily; nebulised salbutamol,
 * with ipratropium for adults; oxygen); all screened by the pharmacist except those of every third child on the
 * children's ward, whose screening tasks are on the pharmacist's worklist (the adult wards' boards keep no open
 * screening task, as their board round demo expects).
 *
 * <p>Doses are entered from the BNF and BNF for Children monographs named in each entry's dose source (Indications and
 * dose), as a pharmacist would key them; the ranges are per administration. A dm+d code is given only where a UK Core
 * example in {@code reference/fhir-uk-core/examples} gives it (amoxicillin 500 mg capsules, doxycycline 100 mg
 * capsules, clarithromycin 500 mg tablets: VMP ids in the UK Core MedicationRequest examples); every other entry has
 * none, since no source to hand gives its code. Ceftriaxone is added for intravenous use and then changed, with the
 * reason, to add the intramuscular route (two versions on its formulary page); on each ward one penicillin allergy is
 * corrected with the reason and one allergy recorded on the wrong record is marked entered in error. Children's weights are estimated by age with the APLS formulae (the
 * demo has no scales). Only patients admitted now are given allergies: discharged demo patients have none recorded.
 */
final class DemoMedicines {

    private static final String UK_CORE = "UK Core STU2 example ";

    private DemoMedicines() {
    }

    /** The formulary entries by a short key. */
    record Formulary(Map<String, FormularyEntry> entries) {
        FormularyEntry get(String key) {
            return entries.get(key);
        }
    }

    static Formulary formulary(FormularyService formulary, CurrentUser pharmacist) {
        Map<String, FormularyEntry> e = new java.util.LinkedHashMap<>();
        // first added for intravenous use only, then changed (version 2) to add the intramuscular route
        FormularyEntry ceftriaxone = formulary.add(pharmacist, entry("Ceftriaxone", "powder for solution for injection",
                "2 g vial", EnumSet.of(Route.INTRAVENOUS), DoseUnit.G, "1", "4", "50", "80", "4", true, true,
                SubstanceClass.CEPHALOSPORINS, null, null,
                "BNF, Ceftriaxone, Indications and dose; BNFc, Ceftriaxone (child: 50-80 mg/kg once daily, max 4 g)"));
        SaveFormularyEntry withIntramuscular = entry("Ceftriaxone", "powder for solution for injection", "2 g vial",
                EnumSet.of(Route.INTRAVENOUS, Route.INTRAMUSCULAR), DoseUnit.G, "1", "4", "50", "80", "4", true, true,
                SubstanceClass.CEPHALOSPORINS, null, null, ceftriaxone.doseSource());
        e.put("ceftriaxone", formulary.change(pharmacist, ceftriaxone.id(), withReason(withIntramuscular,
                "Intramuscular route added for patients without venous access: the BNF gives ceftriaxone by deep "
                        + "intramuscular injection, doses over 1 g divided between more than one site")));
        e.put("amoxicillin-iv", formulary.add(pharmacist, entry("Amoxicillin", "powder for solution for injection",
                "1 g vial", EnumSet.of(Route.INTRAVENOUS), DoseUnit.MG, "500", "1000", "20", "60", "2000", true, true,
                SubstanceClass.PENICILLINS, null, null,
                "BNF, Amoxicillin, Indications and dose (IV, every 8 hours); BNFc, Amoxicillin (IV, every 8 hours)")));
        e.put("ceftazidime", formulary.add(pharmacist, entry("Ceftazidime", "powder for solution for injection",
                "2 g vial", EnumSet.of(Route.INTRAVENOUS), DoseUnit.G, "1", "2", null, null, null, true, true,
                SubstanceClass.CEPHALOSPORINS, null, null, "BNF, Ceftazidime, Indications and dose")));
        e.put("furosemide", formulary.add(pharmacist, entry("Furosemide", "solution for injection",
                "10 mg/mL ampoule", EnumSet.of(Route.INTRAVENOUS), DoseUnit.MG, "20", "120", null, null, null, false,
                false, SubstanceClass.LOOP_DIURETICS, null, null,
                "BNF, Furosemide, Indications and dose (oedema in heart failure, by intravenous injection)")));
        e.put("salbutamol", formulary.add(pharmacist, entry("Salbutamol", "nebuliser liquid", "2.5 mg/2.5 mL",
                EnumSet.of(Route.NEBULISED), DoseUnit.MG, "2.5", "5", null, null, null, false, false,
                SubstanceClass.BETA2_AGONISTS, null, null,
                "BNF, Salbutamol, Indications and dose (by inhalation of nebulised solution); BNFc gives a "
                        + "child's dose by age, not per kg")));
        e.put("ipratropium", formulary.add(pharmacist, entry("Ipratropium bromide", "nebuliser liquid",
                "250 micrograms/mL", EnumSet.of(Route.NEBULISED), DoseUnit.MICROGRAM, "250", "500", null, null, null,
                false, false, SubstanceClass.ANTIMUSCARINIC_BRONCHODILATORS, null, null,
                "BNF, Ipratropium bromide, Indications and dose (by inhalation of nebulised solution)")));
        e.put("oxygen", formulary.add(pharmacist, entry("Oxygen", "medical gas (concentrator or cylinder)",
                "100%", EnumSet.of(Route.INHALED), DoseUnit.LITRES_PER_MINUTE, "0.5", "4", null, null, null, false,
                false, SubstanceClass.MEDICAL_GASES, null, null,
                "BNF, Oxygen; BTS guideline for oxygen use in healthcare and emergency settings (2017): titrated to "
                        + "the target saturation range")));
        e.put("amoxicillin-oral", formulary.add(pharmacist, entry("Amoxicillin", "capsules", "500 mg",
                EnumSet.of(Route.ORAL), DoseUnit.MG, "500", "1000", null, null, null, true, false,
                SubstanceClass.PENICILLINS, "39732411000001106", UK_CORE + "UKCore-MedicationRequest-Amoxicillin-Example",
                "BNF, Amoxicillin, Indications and dose (by mouth)")));
        e.put("doxycycline", formulary.add(pharmacist, entry("Doxycycline", "capsules", "100 mg",
                EnumSet.of(Route.ORAL), DoseUnit.MG, "100", "200", null, null, null, true, false,
                SubstanceClass.TETRACYCLINES, "41948311000001104",
                UK_CORE + "UKCore-MedicationRequest-Doxycycline-Example",
                "BNF, Doxycycline, Indications and dose (200 mg on the first day, then 100 mg daily)")));
        e.put("clarithromycin", formulary.add(pharmacist, entry("Clarithromycin", "tablets", "500 mg",
                EnumSet.of(Route.ORAL), DoseUnit.MG, "250", "500", null, null, null, true, false,
                SubstanceClass.MACROLIDES, "41946511000001109",
                UK_CORE + "UKCore-MedicationRequest-Clarithromycin-Example",
                "BNF, Clarithromycin, Indications and dose (by mouth)")));
        return new Formulary(e);
    }

    private static SaveFormularyEntry entry(String name, String form, String strength, EnumSet<Route> routes,
            DoseUnit unit, String adultMin, String adultMax, String childMin, String childMax, String childMaxDose,
            boolean antimicrobial, boolean timeCritical, SubstanceClass cls, String dmd, String dmdSource,
            String doseSource) {
        return new SaveFormularyEntry(name, form, strength, routes, unit, dec(adultMin), dec(adultMax), dec(childMin),
                dec(childMax), dec(childMaxDose), timeCritical, routes.contains(Route.INTRAVENOUS), false,
                antimicrobial, cls, dmd, dmdSource, doseSource, null);
    }

    private static SaveFormularyEntry withReason(SaveFormularyEntry e, String reason) {
        return new SaveFormularyEntry(e.name(), e.form(), e.strength(), e.routes(), e.doseUnit(), e.adultDoseMin(),
                e.adultDoseMax(), e.childDosePerKgMinMg(), e.childDosePerKgMaxMg(), e.childMaxDose(), e.timeCritical(),
                e.secondChecker(), e.controlledDrug(), e.antimicrobial(), e.substanceClass(), e.dmdCode(),
                e.dmdSource(), e.doseSource(), reason);
    }

    private static BigDecimal dec(String value) {
        return value == null ? null : new BigDecimal(value);
    }

    /** Allergies, weights, prescriptions and screening for every patient admitted now, following the scenario. */
    static void write(AllergyService allergies, FormularyService formularyService, PrescriptionService prescriptions,
            DemoPlan plan, Map<String, UserAccount> staff, List<PatientId> ids) {
        CurrentUser pharmacist = CurrentUser.of(staff.get("pharmacist"));
        Formulary formulary = formulary(formularyService, pharmacist);
        Map<Integer, List<AddIntervention>> visits = new java.util.HashMap<>();
        plan.carePlans().forEach(c -> visits.put(c.episode(), c.interventions()));
        LocalDate today = plan.now().toLocalDate();
        for (DemoStay stay : DemoStay.of(plan)) {
            if (!stay.current()) {
                continue;
            }
            PatientId patient = ids.get(stay.episode());
            CurrentUser nurse = CurrentUser.of(staff.get(stay.nurse()));
            CurrentUser consultant = CurrentUser.of(staff.get(stay.consultant()));
            boolean onPenicillin = stay.needs(Intervention.IV_THERAPY) && !stay.heartFailure()
                    && stay.is("pneumonia") && !stay.is("bronchiectasis");
            allergiesOf(allergies, nurse, patient, stay, onPenicillin);
            BigDecimal weight = null;
            if (stay.child()) {
                weight = weightByAge(stay.plan().patient().details().dateOfBirth(), today);
                allergies.recordWeight(nurse, patient, new RecordWeight(weight, today));
            }
            List<Prescription> made = new ArrayList<>();
            if (stay.needs(Intervention.IV_THERAPY)) {
                made.add(ivMedicine(prescriptions, consultant, patient, stay, formulary, weight,
                        ivTimes(visits.getOrDefault(stay.episode(), List.of()))));
            }
            if (stay.needs(Intervention.NEBULISERS)) {
                List<LocalTime> four = times("08:00", "12:00", "16:00", "20:00");
                made.add(prescriptions.prescribe(consultant, patient, new Prescribe(formulary.get("salbutamol").id(),
                        new BigDecimal(stay.child() ? "2.5" : "5"), DoseUnit.MG, Route.NEBULISED,
                        Frequency.FOUR_TIMES_DAILY, four, null, null, "Bronchospasm: " + condition(stay), null,
                        stay.child() ? List.of(new Prescribe.Override(PrescribingCheck.CHILD_DOSE,
                                "BNFc doses nebulised salbutamol by age: 2.5 mg")) : List.of())));
                if (!stay.child()) {
                    made.add(prescriptions.prescribe(consultant, patient, new Prescribe(
                            formulary.get("ipratropium").id(), new BigDecimal("500"), DoseUnit.MICROGRAM,
                            Route.NEBULISED, Frequency.FOUR_TIMES_DAILY, four, null, null,
                            "Bronchospasm: " + condition(stay), null, List.of())));
                }
            }
            if (stay.needs(Intervention.OXYGEN)) {
                made.add(prescriptions.prescribe(consultant, patient, new Prescribe(formulary.get("oxygen").id(),
                        new BigDecimal(stay.child() ? "0.5" : "2"), DoseUnit.LITRES_PER_MINUTE, Route.INHALED,
                        Frequency.CONTINUOUS, List.of(), null, null, (stay.child() ? "Target SpO2 92% or above: "
                                : "Target SpO2 88-92% or as the consultant set: ") + condition(stay), null,
                        stay.child() ? List.of(new Prescribe.Override(PrescribingCheck.CHILD_DOSE,
                                "Oxygen is titrated to the target saturation, not dosed per kg (BTS 2017)"))
                                : List.of())));
            }
            if (!stay.child() || stay.onWard() % 3 != 0) {
                for (Prescription p : made) {
                    prescriptions.screen(pharmacist, p.id(), new ScreenPrescription(ScreeningStatus.SCREENED,
                            null));
                }
            }
        }
    }

    /**
     * Allergies as the scenarios have them; on each ward the first patient's penicillin allergy is corrected once the
     * nurse has read the GP record (the earlier wording kept), and the fourth patient's aspirin allergy, recorded on the
     * wrong record, is marked entered in error before no known allergies is recorded.
     */
    private static void allergiesOf(AllergyService allergies, CurrentUser nurse, PatientId patient, DemoStay stay,
            boolean onPenicillin) {
        if (stay.onWard() % 6 != 1) {
            if (stay.onWard() == 4) {
                var aspirin = allergies.record(nurse, patient, new RecordAllergy("Aspirin", null, null,
                        "Wheeze after aspirin", AllergySeverity.MODERATE, AllergyCertainty.SUSPECTED,
                        ReactionKind.ADVERSE_REACTION, null));
                allergies.enterInError(nurse, aspirin.id(), "Recorded on this patient's record by mistake: the "
                        + "wheeze after aspirin is a relative's, who was at the visit");
            }
            allergies.recordNoKnownAllergies(nurse, patient);
        } else if (onPenicillin) {
            allergies.record(nurse, patient, new RecordAllergy("Codeine", null, SubstanceClass.OPIOIDS,
                    "Vomiting and drowsiness after codeine for a fracture", AllergySeverity.MILD,
                    AllergyCertainty.CONFIRMED, ReactionKind.ADVERSE_REACTION, null));
        } else if (stay.onWard() == 1) {
            var penicillin = allergies.record(nurse, patient, new RecordAllergy("Penicillin", null,
                    SubstanceClass.PENICILLINS, "Rash with amoxicillin", AllergySeverity.MODERATE,
                    AllergyCertainty.SUSPECTED, ReactionKind.ALLERGY, null));
            allergies.correct(nurse, penicillin.id(), penicillin(
                    "The GP record describes the reaction (2019) and codes it as a confirmed penicillin allergy"));
        } else {
            allergies.record(nurse, patient, penicillin(null));
        }
    }

    private static RecordAllergy penicillin(String reason) {
        return new RecordAllergy("Penicillin", null, SubstanceClass.PENICILLINS,
                "Itchy rash on the trunk two days into a course of amoxicillin", AllergySeverity.MODERATE,
                AllergyCertainty.CONFIRMED, ReactionKind.ALLERGY, reason);
    }

    private static Prescription ivMedicine(PrescriptionService prescriptions, CurrentUser consultant,
            PatientId patient, DemoStay stay, Formulary formulary, BigDecimal weightKg, List<LocalTime> planned) {
        String key;
        BigDecimal dose;
        DoseUnit unit = DoseUnit.MG;
        Frequency frequency;
        List<LocalTime> times;
        if (stay.heartFailure()) {
            key = "furosemide";
            dose = new BigDecimal("80");
            frequency = Frequency.TWICE_DAILY;
            times = planned.size() == 2 ? planned : times("08:00", "14:00");
        } else if (stay.is("pneumonia", "bronchiectasis")) {
            key = stay.is("bronchiectasis") ? "ceftazidime" : "amoxicillin-iv";
            dose = stay.is("bronchiectasis") ? new BigDecimal("2000")
                    : weightKg == null ? new BigDecimal("1000") : perKg(weightKg, 30, 2000);
            frequency = Frequency.EVERY_8_HOURS;
            times = planned.size() == 3 ? planned : times("06:00", "14:00", "22:00");
        } else {
            key = "ceftriaxone";
            dose = weightKg == null ? new BigDecimal("2000") : perKg(weightKg, 50, 4000);
            frequency = Frequency.ONCE_DAILY;
            times = planned.size() == 1 ? planned : times("09:00");
        }
        return prescriptions.prescribe(consultant, patient, new Prescribe(formulary.get(key).id(), dose, unit,
                Route.INTRAVENOUS, frequency, times, null, null, condition(stay), null, List.of()));
    }

    /** mg per kg rounded up to the next 10 mg (so never below the range), not above the maximum. */
    private static BigDecimal perKg(BigDecimal weightKg, int mgPerKg, int maxMg) {
        BigDecimal mg = weightKg.multiply(BigDecimal.valueOf(mgPerKg)).divide(BigDecimal.TEN, 0, RoundingMode.CEILING)
                .multiply(BigDecimal.TEN);
        return mg.min(BigDecimal.valueOf(maxMg));
    }

    /** The times of the IV dose visits on the care plan, in order, each once. */
    private static List<LocalTime> ivTimes(List<AddIntervention> visits) {
        TreeSet<LocalTime> times = new TreeSet<>();
        visits.stream().filter(v -> v.kind() == InterventionKind.IV_ANTIBIOTIC_DOSE
                        || v.kind() == InterventionKind.IV_MEDICINE_DOSE)
                .filter(v -> v.times() != null).forEach(v -> v.times().forEach(t -> times.add(LocalTime.parse(t))));
        return List.copyOf(times);
    }

    /**
     * A child's weight estimated by age (APLS: 0.5 x months + 4 under 1 year; 2 x years + 8 from 1 to 5; 3 x years + 7
     * from 6 to 12; the same line, at most 70 kg, for older children).
     */
    static BigDecimal weightByAge(LocalDate born, LocalDate today) {
        Period age = Period.between(born, today);
        int years = age.getYears();
        double kg = years < 1 ? 0.5 * age.toTotalMonths() + 4 : years <= 5 ? 2 * years + 8 : Math.min(70, 3 * years + 7);
        return BigDecimal.valueOf(kg).setScale(1, RoundingMode.HALF_UP);
    }

    private static String condition(DemoStay stay) {
        String condition = stay.plan().referral().presentingCondition();
        return condition.length() > 200 ? condition.substring(0, 200) : condition;
    }

    private static List<LocalTime> times(String... times) {
        return java.util.Arrays.stream(times).map(LocalTime::parse).toList();
    }
}
