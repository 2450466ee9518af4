package org.homeward.medication;

import java.time.LocalDate;
import java.util.Optional;
import org.homeward.shared.OrganisationId;
import org.homeward.shared.PatientId;

/**
 * Which organisation's visiting team visits a patient on a day: the team a late dose's task goes to. The visit module,
 * which plans the visits, answers it; the medicines module only asks.
 */
public interface VisitingTeams {

    Optional<OrganisationId> visitingTeam(PatientId patient, LocalDate day);
}
