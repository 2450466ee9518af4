package org.homeward.visit;

import java.time.LocalDate;
import java.util.Optional;
import org.homeward.medication.VisitingTeams;
import org.homeward.shared.OrganisationId;
import org.homeward.shared.PatientId;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organisation whose visiting team visits a patient on a day, for the medicines module's late-dose tasks: the team
 * whose day plan has the patient that day, else in the week before.
 */
@Component
class PlannedVisitingTeams implements VisitingTeams {

    private final DayPlanRepository plans;

    PlannedVisitingTeams(DayPlanRepository plans) {
        this.plans = plans;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<OrganisationId> visitingTeam(PatientId patient, LocalDate day) {
        return plans.visitingOrganisation(patient, day, day)
                .or(() -> plans.visitingOrganisation(patient, day.minusDays(7), day.minusDays(1)));
    }
}
