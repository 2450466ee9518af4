package org.homeward.careplan;

/**
 * The ReSPECT form's clinical recommendation on the focus of care in an emergency: the scale from sustaining life to
 * comfort in the 'clinical recommendations for emergency care and treatment' section of the Resuscitation Council UK
 * ReSPECT form, version 3 (2020), https://www.resus.org.uk/respect. Homeward records which end of the scale (or the
 * balance between them) the form recommends; the form itself, held by the patient, is the authority.
 */
public enum RespectPriority {
    PRIORITISE_SUSTAINING_LIFE("Prioritise sustaining life"),
    BALANCE("Balance sustaining life with comfort"),
    PRIORITISE_COMFORT("Prioritise comfort");

    private final String label;

    RespectPriority(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
