package org.homeward.medication;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.homeward.shared.DateWords;

/**
 * The one rule for the medicine changes of a stay, as the discharge summary tells them to the GP and to the patient's
 * community pharmacy. Sources: NICE NG5 Medicines optimisation (2015), recommendations 1.3.1 and 1.3.8 on sharing
 * complete and accurate information about medicines at transfers of care (the medicines started, stopped or changed,
 * with the reasons); the Royal Pharmaceutical Society, Keeping patients safe when they transfer between care providers
 * (2012); NHS England, the Discharge Medicines Service of the NHS Community Pharmacy Contractual Framework (since 15
 * February 2021), which sends the discharge medicines to the patient's community pharmacy.
 *
 * <ul>
 * <li>Each medicine taken before admission is shown with the reconciliation's standing decision: continued, stopped,
 * changed (before and after dose) or withheld, with its reason and who decided; one with no decision is shown as
 * needing a check, never left out.</li>
 * <li>Each prescription of the stay is followed through its changes (a change stops a prescription and writes the new
 * one linked to it) and shown once: started with the prescriber and indication, each change from the old dose to the
 * new with who and why, and where it stands at the time asked: stopped (with the reason), course completed (its end
 * time passed), or still prescribed.</li>
 * <li>A still prescribed medicine given by the visiting team (intravenous, subcutaneous or intramuscular: the GP and
 * the community pharmacy cannot simply continue it) is shown as still prescribed at discharge, to check: the
 * prescriber must stop it or say how it continues. Any other is shown as started, to continue after discharge.</li>
 * </ul>
 */
public final class DischargeMedicinesRules {

    /** The routes by which the visiting team gives a medicine: no GP or community pharmacy continues them as they are. */
    static final Set<Route> GIVEN_BY_THE_TEAM = EnumSet.of(Route.INTRAVENOUS, Route.SUBCUTANEOUS,
            Route.INTRAMUSCULAR);

    private static final String CHANGED_PREFIX = "Changed: ";

    private DischargeMedicinesRules() {
    }

    /** Every medicine of the stay: those taken before admission first, in the order listed, then those prescribed. */
    public static List<MedicineChange> changes(List<ReconciliationMedicine> beforeAdmission,
            List<Prescription> duringStay, Instant at, ZoneId zone) {
        List<MedicineChange> all = new ArrayList<>(beforeAdmission(beforeAdmission, zone));
        all.addAll(duringStay(duringStay, at, zone));
        return List.copyOf(all);
    }

    /** The medicines taken before admission with the reconciliation's standing decision on each. */
    public static List<MedicineChange> beforeAdmission(List<ReconciliationMedicine> medicines, ZoneId zone) {
        List<MedicineChange> rows = new ArrayList<>();
        for (ReconciliationMedicine m : medicines) {
            MedicineBeforeAdmission first = m.listed().get(0);
            String before = first.dose() + ", " + first.frequency() + " (" + first.route() + ")";
            List<String> history = new ArrayList<>();
            for (MedicineBeforeAdmission listed : m.listed()) {
                history.add("Listed in " + listed.source().label() + ": " + listed.dose() + ", " + listed.frequency()
                        + " (" + listed.route() + ")");
            }
            ReconciliationDecisionMade d = m.decision();
            if (d == null) {
                history.add("No decision was recorded in the medicines reconciliation");
                rows.add(new MedicineChange(MedicineChange.Section.BEFORE_ADMISSION, MedicineChangeKind.NOT_DECIDED,
                        m.name(), before, null, "No decision recorded: check with the patient whether to take it",
                        null, history));
                continue;
            }
            history.add(d.words() + " (" + d.decidedBy() + ", " + DateWords.day(d.decidedAt().atZone(zone)
                    .toLocalDate()) + ")");
            MedicineChangeKind kind = switch (d.decision()) {
                case CONTINUED -> MedicineChangeKind.CONTINUED;
                case STOPPED -> MedicineChangeKind.STOPPED;
                case CHANGED -> MedicineChangeKind.CHANGED;
                case WITHHELD -> MedicineChangeKind.WITHHELD;
            };
            String after = switch (d.decision()) {
                case CONTINUED -> before;
                case CHANGED -> d.newDose() + ", " + d.newFrequency();
                case STOPPED, WITHHELD -> null;
            };
            rows.add(new MedicineChange(MedicineChange.Section.BEFORE_ADMISSION, kind, m.name(), before, after,
                    d.reason(), d.decidedBy(), history));
        }
        return rows;
    }

    /**
     * The prescriptions of the stay, each followed through its changes to where it stands at {@code at}, in the order
     * first prescribed.
     */
    public static List<MedicineChange> duringStay(List<Prescription> prescriptions, Instant at, ZoneId zone) {
        Map<UUID, Prescription> byId = new HashMap<>();
        prescriptions.forEach(p -> byId.put(p.id(), p));
        List<Prescription> firsts = prescriptions.stream()
                .filter(p -> p.replaces() == null || !byId.containsKey(p.replaces()))
                .sorted((a, b) -> a.prescribedAt().compareTo(b.prescribedAt())).toList();
        List<MedicineChange> rows = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (Prescription first : firsts) {
            List<Prescription> chain = new ArrayList<>();
            for (Prescription p = first; p != null && seen.add(p.id()); p = byId.get(p.replacedBy())) {
                chain.add(p);
                if (p.replacedBy() == null) {
                    break;
                }
            }
            rows.add(course(chain, at, zone));
        }
        return rows;
    }

    /** Where the last prescription of a course stands at {@code at}. */
    public static MedicineChangeKind standing(Prescription last, Instant at) {
        if (last.stopped()) {
            return MedicineChangeKind.STOPPED_DURING_STAY;
        }
        if (last.endsAt() != null && !last.endsAt().isAfter(at)) {
            return MedicineChangeKind.COURSE_COMPLETED;
        }
        return GIVEN_BY_THE_TEAM.contains(last.route()) ? MedicineChangeKind.STILL_PRESCRIBED_CHECK
                : MedicineChangeKind.STARTED;
    }

    private static MedicineChange course(List<Prescription> chain, Instant at, ZoneId zone) {
        Prescription first = chain.get(0);
        Prescription last = chain.get(chain.size() - 1);
        List<String> history = new ArrayList<>();
        history.add("Started " + dosing(first) + " on " + day(first.prescribedAt(), zone) + " by "
                + first.prescribedBy().words() + ", for " + first.indication());
        for (int i = 1; i < chain.size(); i++) {
            Prescription before = chain.get(i - 1);
            Prescription now = chain.get(i);
            history.add("Changed from " + dosing(before) + " to " + dosing(now) + " on " + day(now.prescribedAt(), zone)
                    + " by " + now.prescribedBy().words() + ": " + changeReason(before));
        }
        MedicineChangeKind kind = standing(last, at);
        String reason;
        String by;
        String after;
        switch (kind) {
            case STOPPED_DURING_STAY -> {
                history.add("Stopped on " + day(last.stoppedAt(), zone) + " by " + last.stoppedBy() + ": "
                        + last.stopReason());
                reason = last.stopReason();
                by = last.stoppedBy();
                after = null;
            }
            case COURSE_COMPLETED -> {
                history.add("Course ended on " + day(last.endsAt(), zone));
                reason = "Course completed";
                by = last.prescribedBy().words();
                after = null;
            }
            case STILL_PRESCRIBED_CHECK -> {
                history.add("Still prescribed at discharge and given by the visiting team ("
                        + last.route().label().toLowerCase() + "): the prescriber must say whether it continues");
                reason = last.indication();
                by = last.prescribedBy().words();
                after = dosing(last);
            }
            default -> {
                reason = last.indication();
                by = last.prescribedBy().words();
                after = dosing(last);
            }
        }
        return new MedicineChange(MedicineChange.Section.DURING_STAY, kind, last.medicine(), dosing(first), after,
                reason, by, history);
    }

    /** '2 g intravenous, once daily'. */
    static String dosing(Prescription p) {
        return p.medicine() + " " + p.doseWords() + " " + p.route().label().toLowerCase() + ", "
                + p.frequency().label().toLowerCase();
    }

    private static String changeReason(Prescription replaced) {
        String reason = replaced.stopReason() == null ? "" : replaced.stopReason();
        return reason.startsWith(CHANGED_PREFIX) ? reason.substring(CHANGED_PREFIX.length()) : reason;
    }

    private static String day(Instant at, ZoneId zone) {
        return DateWords.day(at.atZone(zone).toLocalDate());
    }
}
