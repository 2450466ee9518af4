package org.homeward.visit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.homeward.careplan.InterventionKind;
import org.homeward.medication.ScheduledDose;
import org.homeward.shared.Skill;

/**
 * The medicines chart drives the visits: each dose given at a home visit (intravenous, subcutaneous, intramuscular)
 * becomes a visit requirement in the dose's window, with the skill it needs. Pure: no database, no clock.
 *
 * <p>A hand-typed intervention stays for what is not a medicine. Where a care plan still has a hand-typed medicine
 * visit (an IV dose, an injection) for the patient whose window holds the charted dose's time, that visit is the
 * dose's visit: it is kept as planned (its skill, length, staff and any follow-up observations) and names the charted
 * medicine, and no second visit is added. Otherwise the charted dose makes its own visit. Doses of one patient due at
 * the same time share one visit.
 */
public final class DoseVisits {

    /** Kinds of hand-typed visits that give a medicine, which a charted dose takes over. */
    private static final List<InterventionKind> MEDICINE_KINDS = List.of(InterventionKind.IV_ANTIBIOTIC_DOSE,
            InterventionKind.IV_MEDICINE_DOSE, InterventionKind.INJECTION);

    private DoseVisits() {
    }

    /** The visit kind a charted dose makes: an IV antibiotic, another IV medicine, or an injection. */
    static InterventionKind kind(ScheduledDose dose) {
        return switch (dose.route()) {
            case INTRAVENOUS -> dose.antimicrobial() ? InterventionKind.IV_ANTIBIOTIC_DOSE
                    : InterventionKind.IV_MEDICINE_DOSE;
            default -> InterventionKind.INJECTION;
        };
    }

    /**
     * The skill a charted dose's visit needs: a children's nurse for a child (as the demo's and services' paediatric IV
     * visits are made), an IV-competent nurse for an intravenous dose, a registered nurse for an injection.
     */
    static Skill skill(ScheduledDose dose) {
        if (dose.child()) {
            return Skill.PAEDIATRIC_NURSE;
        }
        return dose.route() == org.homeward.medication.Route.INTRAVENOUS ? Skill.IV_COMPETENT_NURSE
                : Skill.REGISTERED_NURSE;
    }

    /** Each further dose given at the same visit adds this to its length (drawing up and giving another medicine). */
    static final Duration EACH_FURTHER_DOSE = Duration.ofMinutes(15);

    /**
     * The day's requirements with the charted doses given at a visit merged in (see the class comment), ordered by
     * earliest start as the day plan expects. Doses of one patient due at the same time are given at one visit: a
     * hand-typed visit holding that time names them all; else one visit for them all, in the window every one of them
     * allows, {@link #EACH_FURTHER_DOSE} longer for each dose after the first.
     */
    static List<VisitRequirement> merge(List<VisitRequirement> planned, List<ScheduledDose> doses) {
        List<VisitRequirement> result = new ArrayList<>(planned);
        java.util.Map<String, List<ScheduledDose>> sameVisit = new java.util.LinkedHashMap<>();
        for (ScheduledDose dose : doses) {
            if (dose.givenAtVisit()) {
                sameVisit.computeIfAbsent(dose.patientId().value() + "@" + dose.dueAt(), k -> new ArrayList<>())
                        .add(dose);
            }
        }
        for (List<ScheduledDose> together : sameVisit.values()) {
            ScheduledDose first = together.get(0);
            String medicines = String.join("; ", together.stream().map(ScheduledDose::medicine).toList());
            int taken = -1;
            for (int i = 0; i < result.size() && taken < 0; i++) {
                VisitRequirement r = result.get(i);
                if (r.patientId().equals(first.patientId()) && r.follows() == null && !r.urgent()
                        && MEDICINE_KINDS.contains(r.kind()) && !r.id().startsWith("dose/")
                        && !r.description().contains("(charted: ")
                        && !first.dueAt().isBefore(r.earliestStart()) && !first.dueAt().isAfter(r.latestStart())) {
                    taken = i;
                }
            }
            if (taken >= 0) {
                VisitRequirement r = result.get(taken);
                result.set(taken, new VisitRequirement(r.id(), r.interventionId(), r.patientId(), r.kind(),
                        r.description() + " (charted: " + medicines + ")", r.duration(), r.skill(), r.staffNeeded(),
                        r.earliestStart(), r.latestStart(), r.urgent(), r.follows(), r.minGap(), r.maxGap()));
                continue;
            }
            ScheduledDose lead = together.stream().filter(d -> kind(d) == InterventionKind.IV_ANTIBIOTIC_DOSE)
                    .findFirst().orElse(together.stream().filter(d -> d.route() == org.homeward.medication.Route
                            .INTRAVENOUS).findFirst().orElse(first));
            java.time.Instant earliest = together.stream().map(ScheduledDose::earliest)
                    .max(Comparator.naturalOrder()).orElseThrow();
            java.time.Instant latest = together.stream().map(ScheduledDose::latest)
                    .min(Comparator.naturalOrder()).orElseThrow();
            InterventionKind kind = kind(lead);
            Duration length = kind.usualDuration().plus(EACH_FURTHER_DOSE.multipliedBy(together.size() - 1));
            result.add(new VisitRequirement("dose/" + first.key(), first.prescriptionId(), first.patientId(), kind,
                    medicines, length, skill(lead), 1, earliest, latest, false, null, null, null));
        }
        result.sort(Comparator.comparing(VisitRequirement::earliestStart).thenComparing(VisitRequirement::id));
        return result;
    }
}
