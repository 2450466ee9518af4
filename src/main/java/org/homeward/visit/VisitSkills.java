package org.homeward.visit;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.homeward.careplan.InterventionKind;
import org.homeward.shared.Skill;

/**
 * The one rule for which skills a visit needs (issue 9): the skill of its requirement, except that a child's
 * hands-on visit needs a children's nurse instead of a registered nurse or support worker, and a children's nurse
 * who is IV-competent for an IV visit. A visit is a child's when the patient is under 18 on the day of the visit (the
 * age, not the ward, decides: a 17-year-old on an adult ward is still a child). Hands-on visits are those whose skill
 * is a nurse's or a support worker's; a senior clinician's review, physiotherapy and a pharmacist's review keep their
 * own skill. The service may list visit kinds adult-trained staff may make for children
 * ({@code homeward.visits.child-visits-by-adult-staff}, none by default).
 */
final class VisitSkills {

    static final int ADULT_AGE = org.homeward.patient.PatientSummary.ADULT_FROM_AGE;

    private static final Set<Skill> HANDS_ON = EnumSet.of(Skill.REGISTERED_NURSE, Skill.IV_COMPETENT_NURSE,
            Skill.HEALTHCARE_SUPPORT_WORKER, Skill.PAEDIATRIC_NURSE);

    private final Set<InterventionKind> adultStaffMayMake;

    VisitSkills(Set<InterventionKind> adultStaffMayMake) {
        this.adultStaffMayMake = adultStaffMayMake.isEmpty() ? EnumSet.noneOf(InterventionKind.class)
                : EnumSet.copyOf(adultStaffMayMake);
    }

    static boolean child(int ageOnVisitDay) {
        return !org.homeward.patient.PatientSummary.isAdult(ageOnVisitDay);
    }

    /** Every skill the staff member making this visit needs. */
    Set<Skill> needed(VisitRequirement requirement, boolean child) {
        Skill own = requirement.skill();
        if (!child || !HANDS_ON.contains(own) || adultStaffMayMake.contains(requirement.kind())) {
            return EnumSet.of(own);
        }
        // a children's nurse is a registered nurse: only a competence beyond that (IV) is needed as well
        return own == Skill.IV_COMPETENT_NURSE ? EnumSet.of(Skill.IV_COMPETENT_NURSE, Skill.PAEDIATRIC_NURSE)
                : EnumSet.of(Skill.PAEDIATRIC_NURSE);
    }

    /** Why nobody on shift can make a visit needing these skills: words for the coordinator and the API. */
    static String nobodyOnShift(Set<Skill> needed) {
        Set<Skill> others = EnumSet.copyOf(needed);
        boolean childrensNurse = others.remove(Skill.PAEDIATRIC_NURSE);
        String rest = others.stream().map(Skill::label).collect(Collectors.joining(" and "));
        if (childrensNurse) {
            return others.isEmpty() ? "No children's nurse on shift"
                    : "No children's nurse on shift with the " + rest + " skill";
        }
        return "No one on shift with the " + rest + " skill";
    }

    /** Why a visit someone on shift could make was still left unplaced rather than given to someone without its skill. */
    static String nobodyFree(Set<Skill> needed) {
        Set<Skill> others = EnumSet.copyOf(needed);
        boolean childrensNurse = others.remove(Skill.PAEDIATRIC_NURSE);
        String rest = others.stream().map(Skill::label).collect(Collectors.joining(" and "));
        String who = childrensNurse ? (others.isEmpty() ? "No children's nurse" : "No children's nurse with the "
                + rest + " skill") : "No one with the " + rest + " skill";
        return who + " is free to make it in its window; it was not given to staff without the skill";
    }
}
