package org.homeward.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.homeward.medication.DoseUnit;
import org.homeward.medication.FormularyEntry;
import org.homeward.medication.FormularyService;
import org.homeward.medication.GrabBag;
import org.homeward.medication.GrabBagCheckToRecord;
import org.homeward.medication.GrabBagItem;
import org.homeward.medication.GrabBagService;
import org.homeward.medication.NewGrabBag;
import org.homeward.medication.ResealBag;
import org.homeward.medication.RestockBag;
import org.homeward.medication.Route;
import org.homeward.medication.SaveFormularyEntry;
import org.homeward.security.CurrentUser;
import org.homeward.security.UserAccount;

/**
 * The demo's grab bags, through the medication module's services: the community provider's coordinator keeps an IV
 * bag at each visiting base (Bridport, Dorchester, Poole) stocked with the formulary's injectable medicines
 * (ceftriaxone, amoxicillin, furosemide) with batches and expiry dates, one batch of ceftriaxone at Poole expiring
 * within 30 days so the warning shows, each bag sealed; and a symptom-control bag at Dorchester holding morphine
 * sulfate 10 mg/1 mL injection, a controlled drug, received with a witness (the register's opening balance). The
 * Dorchester IV bag has this morning's check by the senior nurse, every count agreeing. The acute trust's pharmacist,
 * who keeps the service's formulary, adds morphine to it (the demo formulary had no controlled drug).
 */
final class DemoGrabBags {

    /** Where the morphine entry's dose range comes from. */
    static final String MORPHINE_SOURCE = "BNF, Morphine, Indications and dose (pain in palliative care, by "
            + "subcutaneous injection: 2.5-5 mg when required; NICE NG31 Care of dying adults in the last days of "
            + "life 1.8 for anticipatory prescribing); 10 mg/1 mL ampoule";

    private DemoGrabBags() {
    }

    static void write(GrabBagService bags, FormularyService formularyService, Map<String, UserAccount> staff,
            LocalDate today) {
        CurrentUser pharmacist = CurrentUser.of(staff.get("pharmacist"));
        CurrentUser coordinator = CurrentUser.of(staff.get("coordinator"));
        CurrentUser nurse = CurrentUser.of(staff.get("nurse"));
        List<FormularyEntry> formulary = formularyService.formulary(pharmacist);
        FormularyEntry ceftriaxone = find(formulary, "Ceftriaxone", "powder for solution for injection");
        FormularyEntry amoxicillin = find(formulary, "Amoxicillin", "powder for solution for injection");
        FormularyEntry furosemide = find(formulary, "Furosemide", "solution for injection");
        FormularyEntry morphine = formularyService.add(pharmacist, new SaveFormularyEntry("Morphine sulfate",
                "solution for injection", "10 mg/1 mL ampoule", EnumSet.of(Route.SUBCUTANEOUS, Route.INTRAVENOUS),
                DoseUnit.MG, new BigDecimal("2.5"), new BigDecimal("10"), null, null, null, true, true, true, false,
                null, null, null, MORPHINE_SOURCE, null));

        GrabBag bridport = bags.create(coordinator, new NewGrabBag("IV bag 1, Bridport",
                "Bridport base, treatment room cupboard", null));
        stock(bags, coordinator, bridport, ceftriaxone, "CX6F21", today.plusMonths(7), 6);
        stock(bags, coordinator, bridport, furosemide, "FU3K08", today.plusMonths(11), 10);
        bags.reseal(coordinator, bridport.id(), new ResealBag("HW-004112", "Stocked"));

        GrabBag dorchester = bags.create(coordinator, new NewGrabBag("IV bag 2, Dorchester",
                "Dorchester base, treatment room cupboard", null));
        stock(bags, coordinator, dorchester, ceftriaxone, "CX6F21", today.plusMonths(7), 8);
        stock(bags, coordinator, dorchester, amoxicillin, "AX2B44", today.plusMonths(5), 9);
        stock(bags, coordinator, dorchester, furosemide, "FU3K08", today.plusMonths(11), 10);
        GrabBag stocked = bags.reseal(coordinator, dorchester.id(), new ResealBag("HW-004113", "Stocked"));
        bags.check(nurse, dorchester.id(), new GrabBagCheckToRecord("HW-004113", true, "Morning check",
                stocked.items().stream().map(DemoGrabBags::agrees).toList()));
        bags.reseal(nurse, dorchester.id(), new ResealBag("HW-004120", "Checked this morning"));

        GrabBag poole = bags.create(coordinator, new NewGrabBag("IV bag 3, Poole", "Poole base, drugs room", null));
        stock(bags, coordinator, poole, ceftriaxone, "CX5D09", today.plusDays(19), 4);
        stock(bags, coordinator, poole, ceftriaxone, "CX6F21", today.plusMonths(7), 6);
        stock(bags, coordinator, poole, amoxicillin, "AX2B44", today.plusMonths(5), 9);
        stock(bags, coordinator, poole, furosemide, "FU2J30", today.plusMonths(2), 10);
        bags.reseal(coordinator, poole.id(), new ResealBag("HW-004114", "Stocked"));

        GrabBag symptoms = bags.create(coordinator, new NewGrabBag("Symptom control bag, Dorchester",
                "Dorchester base, controlled drugs cupboard (locked)", null));
        bags.restock(coordinator, symptoms.id(), new RestockBag(morphine.id(), "MS7C15", today.plusMonths(14),
                new BigDecimal("10"), "Opening balance: received from the acute trust's pharmacy", "nurse"));
        bags.reseal(coordinator, symptoms.id(), new ResealBag("HW-004115", "Stocked"));
    }

    private static void stock(GrabBagService bags, CurrentUser by, GrabBag bag, FormularyEntry medicine, String batch,
            LocalDate expiry, int quantity) {
        bags.restock(by, bag.id(), new RestockBag(medicine.id(), batch, expiry, new BigDecimal(quantity),
                "Pharmacy top-up", null));
    }

    private static GrabBagCheckToRecord.ItemCount agrees(GrabBagItem item) {
        return new GrabBagCheckToRecord.ItemCount(item.id(), item.quantity(), null);
    }

    private static FormularyEntry find(List<FormularyEntry> formulary, String name, String form) {
        return formulary.stream().filter(e -> e.name().equals(name) && e.form().equals(form)).findFirst()
                .orElseThrow(() -> new IllegalStateException("The demo formulary has no " + name + " " + form));
    }
}
