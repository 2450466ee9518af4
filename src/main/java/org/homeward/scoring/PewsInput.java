package org.homeward.scoring;

import java.time.LocalDate;

/**
 * One set of national PEWS observations with the escalation trigger criteria. Vital signs may be missing
 * ({@code null}); the result is then partial.
 *
 * @param bloodPressureDerogation why systolic BP was not measured, instead of a value
 * @param otherDerogationScore with derogation OTHER: the score the nurse chose, 0 or 4
 * @param carerConcernLevel with carer answer WORSE: the level the clinician judged from the carer's words; when not
 *     yet judged, MEDIUM is assumed (see the scoring README)
 * @param clinicalIntuitionLevel the level of a nurse's clinical-intuition concern, or {@code null} for none
 * @param specificConcernLevel the level of any other specific concern, or {@code null} for none
 */
public record PewsInput(LocalDate dateOfBirth, LocalDate observedOn, Double respiratoryRatePerMinute,
        RespiratoryDistress respiratoryDistress, Double oxygenSaturationPercent, OxygenDevice oxygenDevice,
        Double oxygenPercent, Double oxygenLitresPerMinute, Double heartRatePerMinute,
        Double systolicBloodPressureMmHg, BloodPressureDerogation bloodPressureDerogation, Integer otherDerogationScore,
        Double capillaryRefillSeconds, Avpu avpu, boolean suspectedSepsis, boolean suspectedSepticShock,
        boolean abnormalPupils, CarerAnswer carerAnswer, PewsEscalationLevel carerConcernLevel,
        PewsEscalationLevel clinicalIntuitionLevel, PewsEscalationLevel specificConcernLevel) {
}
