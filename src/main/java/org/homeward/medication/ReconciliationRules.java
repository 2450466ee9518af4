package org.homeward.medication;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one rule for the discrepancies of a medicines reconciliation (NICE NG5 Medicines optimisation 2015,
 * recommendations 1.3 on identifying and resolving discrepancies; NICE QS120 statement 2). A discrepancy is:
 * <ul>
 * <li>a medicine listed by one source and not by another, when two or more sources were consulted;</li>
 * <li>the same medicine with a different dose, frequency or route between sources;</li>
 * <li>a medicine with no decision (continued, stopped, changed or withheld).</li>
 * </ul>
 * A difference between sources is resolved by a note saying which is right, or by a decision that settles it (stopped,
 * or changed to a stated dose and frequency); a medicine with no decision only by deciding. Each discrepancy's key
 * names the values that differ, so a new difference found later is a new discrepancy, not one already resolved.
 */
public final class ReconciliationRules {

    private ReconciliationRules() {
    }

    /** The listed medicines grouped as one medicine each (compared ignoring case and spacing), in the order first listed. */
    public static List<ReconciliationMedicine> medicines(List<MedicineBeforeAdmission> listed,
            Map<String, ReconciliationDecisionMade> decisions) {
        Map<String, List<MedicineBeforeAdmission>> byKey = new LinkedHashMap<>();
        for (MedicineBeforeAdmission m : listed) {
            byKey.computeIfAbsent(m.medicineKey(), k -> new ArrayList<>()).add(m);
        }
        return byKey.entrySet().stream().map(e -> new ReconciliationMedicine(e.getKey(),
                e.getValue().get(0).medicine(), List.copyOf(e.getValue()), decisions.get(e.getKey()))).toList();
    }

    /**
     * Every discrepancy of the reconciliation, resolved or not, medicine by medicine in the order first listed.
     *
     * @param listed the medicines each source lists
     * @param consulted every source consulted (those listing a medicine and those listing none)
     * @param decisions the standing decision per medicine key
     * @param resolutions the notes resolving discrepancies, by discrepancy key
     */
    public static List<ReconciliationDiscrepancy> discrepancies(List<MedicineBeforeAdmission> listed,
            Collection<ReconciliationSource> consulted, Map<String, ReconciliationDecisionMade> decisions,
            Map<String, ReconciliationResolution> resolutions) {
        Set<ReconciliationSource> sources = EnumSet.noneOf(ReconciliationSource.class);
        sources.addAll(consulted);
        listed.forEach(m -> sources.add(m.source()));
        List<ReconciliationDiscrepancy> found = new ArrayList<>();
        for (ReconciliationMedicine medicine : medicines(listed, decisions)) {
            ReconciliationDecisionMade decision = medicine.decision();
            if (sources.size() >= 2) {
                Set<ReconciliationSource> listing = medicine.listed().stream().map(MedicineBeforeAdmission::source)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(ReconciliationSource.class)));
                Set<ReconciliationSource> missing = EnumSet.copyOf(sources);
                missing.removeAll(listing);
                if (!missing.isEmpty()) {
                    found.add(between(ReconciliationDiscrepancy.Kind.NOT_IN_EVERY_SOURCE, medicine,
                            names(missing), medicine.name() + " is listed in " + names(listing)
                                    + " but not in " + names(missing),
                            decision, resolutions));
                }
            }
            differing(found, ReconciliationDiscrepancy.Kind.DIFFERENT_DOSE, "dose", medicine,
                    MedicineBeforeAdmission::dose, decision, resolutions);
            differing(found, ReconciliationDiscrepancy.Kind.DIFFERENT_FREQUENCY, "frequency", medicine,
                    MedicineBeforeAdmission::frequency, decision, resolutions);
            differing(found, ReconciliationDiscrepancy.Kind.DIFFERENT_ROUTE, "route", medicine,
                    MedicineBeforeAdmission::route, decision, resolutions);
            if (decision == null) {
                found.add(new ReconciliationDiscrepancy(key(ReconciliationDiscrepancy.Kind.NO_DECISION,
                        medicine.key(), ""), ReconciliationDiscrepancy.Kind.NO_DECISION, medicine.name(),
                        medicine.name() + " has no decision yet: continue, stop, change or withhold it", false, null));
            }
        }
        return found;
    }

    private static void differing(List<ReconciliationDiscrepancy> found, ReconciliationDiscrepancy.Kind kind,
            String what, ReconciliationMedicine medicine, Function<MedicineBeforeAdmission, String> value,
            ReconciliationDecisionMade decision, Map<String, ReconciliationResolution> resolutions) {
        // each distinct value (compared ignoring case and spacing) with the sources that give it
        Map<String, Set<ReconciliationSource>> sourcesByValue = new TreeMap<>();
        Map<String, String> shown = new LinkedHashMap<>();
        for (MedicineBeforeAdmission m : medicine.listed()) {
            String k = MedicineBeforeAdmission.key(value.apply(m));
            sourcesByValue.computeIfAbsent(k, x -> EnumSet.noneOf(ReconciliationSource.class)).add(m.source());
            shown.putIfAbsent(k, value.apply(m).strip());
        }
        if (sourcesByValue.size() < 2) {
            return;
        }
        String words = medicine.name() + ": the " + what + " differs between sources: " + sourcesByValue.entrySet()
                .stream().map(e -> shown.get(e.getKey()) + " (" + names(e.getValue()) + ")")
                .collect(Collectors.joining(", "));
        found.add(between(kind, medicine, String.join(" / ", sourcesByValue.keySet()), words, decision, resolutions));
    }

    private static ReconciliationDiscrepancy between(ReconciliationDiscrepancy.Kind kind,
            ReconciliationMedicine medicine, String what, String words, ReconciliationDecisionMade decision,
            Map<String, ReconciliationResolution> resolutions) {
        String key = key(kind, medicine.key(), what);
        ReconciliationResolution note = resolutions.get(key);
        if (note != null) {
            return new ReconciliationDiscrepancy(key, kind, medicine.name(), words, true,
                    "Resolved by " + note.resolvedBy() + ": " + note.note());
        }
        if (decision != null && decision.decision().settlesDifferences()) {
            return new ReconciliationDiscrepancy(key, kind, medicine.name(), words, true,
                    "Resolved by the decision: " + decision.words());
        }
        return new ReconciliationDiscrepancy(key, kind, medicine.name(), words, false, null);
    }

    private static String key(ReconciliationDiscrepancy.Kind kind, String medicineKey, String what) {
        String key = kind.name() + "|" + medicineKey + "|" + what;
        return key.length() <= 1000 ? key : key.substring(0, 1000);
    }

    /** Sources in words, in their usual order: GP record and Patient's own supply. */
    static String names(Collection<ReconciliationSource> sources) {
        List<String> labels = sources.stream().sorted().map(ReconciliationSource::label).toList();
        if (labels.size() == 1) {
            return labels.get(0);
        }
        return String.join(", ", labels.subList(0, labels.size() - 1)) + " and " + labels.get(labels.size() - 1);
    }
}
