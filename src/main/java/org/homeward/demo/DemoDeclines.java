package org.homeward.demo;

import java.util.List;

/**
 * Reasons senior decision-makers give for declining demo referrals, against each ward's admission criteria (KLoE
 * 3.1, 3.4): too unwell for home, the wrong pathway, no acute medical need, or the patient's or family's choice.
 */
final class DemoDeclines {

    private static final List<String> FRAILTY_RESPIRATORY = List.of(
            "NEWS2 7 with a new oxygen requirement of 6 L/min: too unwell for Hospital at Home. Advised admission to "
                    + "the acute medical unit.",
            "Suspected neutropenic sepsis on chemotherapy: needs the acute oncology pathway in hospital.",
            "Chest pain with dynamic ECG changes: needs the acute coronary syndrome pathway, not a virtual ward.",
            "No acute medical need: the need is for social care. Referred to the transfer of care hub and rapid "
                    + "response reablement.",
            "The patient would prefer to be admitted to hospital after discussing the benefits and risks.",
            "Lives outside the service area (Somerset); referred on to the local virtual ward.",
            "Suspected hip fracture on examination: needs X-ray and orthopaedic review in the emergency department.",
            "Lives alone with no carer and needs one-to-one supervision overnight for delirium: admit to a ward.");
    private static final List<String> HEART_FAILURE = List.of(
            "Systolic blood pressure 82 mmHg and rising lactate, possible cardiogenic shock: needs the coronary care "
                    + "unit.",
            "New fast atrial fibrillation (rate 150) needing cardiac monitoring: admit to cardiology.",
            "Potassium 6.4 mmol/L: needs inpatient management.",
            "Breathlessness is from an exacerbation of COPD rather than heart failure: redirected to the Adult Frailty "
                    + "and Respiratory Virtual Ward.");
    private static final List<String> CHILDREN = List.of(
            "Oxygen need of 2 L/min with increased work of breathing (PEWS 5): needs admission to the children's ward.",
            "Bilirubin above the exchange transfusion threshold: needs inpatient intensive phototherapy.",
            "Safeguarding concern raised in the emergency department without an agreed plan yet: admit and involve "
                    + "the safeguarding team.",
            "Parents do not feel able to manage NG feeds at home at present: admitted to the children's ward instead.");

    private DemoDeclines() {
    }

    static List<String> forWard(DemoWard ward) {
        return switch (ward) {
            case FRAILTY_RESPIRATORY -> FRAILTY_RESPIRATORY;
            case HEART_FAILURE -> HEART_FAILURE;
            case CHILDREN -> CHILDREN;
        };
    }
}
