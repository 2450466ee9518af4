package org.homeward.scoring;

import java.time.Duration;

/**
 * Minimum monitoring frequency and clinical response (RCP NEWS2 2017, Chart 4). Where the chart gives a range
 * ("4-6-hourly") the shorter interval is used.
 *
 * @param minimumInterval the longest time allowed before the next set; {@link Duration#ZERO} means continuous
 */
public record News2Response(String monitoring, Duration minimumInterval, String clinicalResponse) {

    static final News2Response SCORE_ZERO = new News2Response("Minimum 12-hourly", Duration.ofHours(12),
            "Continue routine NEWS monitoring");
    static final News2Response LOW = new News2Response("Minimum 4-6-hourly", Duration.ofHours(4),
            "Inform registered nurse, who must assess the patient. Registered nurse decides whether increased "
                    + "frequency of clinical monitoring or an escalation of care is required");
    static final News2Response RED_SCORE = new News2Response("Minimum 1-hourly", Duration.ofHours(1),
            "Registered nurse to inform medical team caring for the patient, who will review and decide whether "
                    + "escalation of care is necessary");
    static final News2Response URGENT = new News2Response("Minimum 1-hourly", Duration.ofHours(1),
            "Registered nurse to immediately inform the medical team caring for the patient. Registered nurse to "
                    + "request urgent assessment by a clinician or team with core competencies in the care of acutely "
                    + "ill patients. Provide clinical care in an environment with monitoring facilities");
    static final News2Response EMERGENCY = new News2Response("Continuous monitoring of vital signs", Duration.ZERO,
            "Registered nurse to immediately inform the medical team caring for the patient, at least at specialist "
                    + "registrar level. Emergency assessment by a team with critical care competencies, including "
                    + "practitioners with advanced airway management skills. Consider transfer of care to a level 2 "
                    + "or 3 clinical care facility (HDU or ICU). Clinical care in an environment with monitoring facilities");
}
