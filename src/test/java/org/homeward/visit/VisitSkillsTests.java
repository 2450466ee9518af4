package org.homeward.visit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.homeward.careplan.InterventionKind;
import org.homeward.shared.PatientId;
import org.homeward.shared.Skill;
import org.junit.jupiter.api.Test;

/** The one rule for the skills a visit needs, and the words for a visit nobody on shift may make. */
class VisitSkillsTests {

    private final VisitSkills rule = new VisitSkills(Set.of());

    @Test
    void aChildsIvDoseNeedsAnIvCompetentChildrensNurse() {
        assertThat(rule.needed(requirement(InterventionKind.IV_ANTIBIOTIC_DOSE, Skill.IV_COMPETENT_NURSE), true))
                .containsExactlyInAnyOrder(Skill.IV_COMPETENT_NURSE, Skill.PAEDIATRIC_NURSE);
        assertThat(VisitSkills.nobodyOnShift(Set.of(Skill.IV_COMPETENT_NURSE, Skill.PAEDIATRIC_NURSE)))
                .isEqualTo("No children's nurse on shift with the IV-competent nurse skill");
    }

    @Test
    void aChildsNursingVisitNeedsAChildrensNurseInsteadOfAnAdultNurse() {
        assertThat(rule.needed(requirement(InterventionKind.OBSERVATIONS, Skill.REGISTERED_NURSE), true))
                .containsExactly(Skill.PAEDIATRIC_NURSE);
        assertThat(VisitSkills.nobodyOnShift(Set.of(Skill.PAEDIATRIC_NURSE))).isEqualTo("No children's nurse on shift");
    }

    @Test
    void anAdultsVisitASeniorReviewAndAKindTheServiceAllowsKeepTheirOwnSkill() {
        assertThat(rule.needed(requirement(InterventionKind.IV_ANTIBIOTIC_DOSE, Skill.IV_COMPETENT_NURSE), false))
                .containsExactly(Skill.IV_COMPETENT_NURSE);
        assertThat(rule.needed(requirement(InterventionKind.REVIEW, Skill.SENIOR_CLINICIAN), true))
                .containsExactly(Skill.SENIOR_CLINICIAN);
        assertThat(new VisitSkills(Set.of(InterventionKind.CARER_SUPPORT))
                .needed(requirement(InterventionKind.CARER_SUPPORT, Skill.HEALTHCARE_SUPPORT_WORKER), true))
                .containsExactly(Skill.HEALTHCARE_SUPPORT_WORKER);
    }

    @Test
    void aChildIsUnderEighteenOnTheDayOfTheVisit() {
        assertThat(VisitSkills.child(17)).isTrue();
        assertThat(VisitSkills.child(18)).isFalse();
    }

    private static VisitRequirement requirement(InterventionKind kind, Skill skill) {
        Instant at = Instant.parse("2027-01-01T10:00:00Z");
        return new VisitRequirement("r", UUID.randomUUID(), new PatientId(UUID.randomUUID()), kind, null,
                Duration.ofMinutes(30), skill, 1, at, at.plusSeconds(3600), false, null, null, null);
    }
}
