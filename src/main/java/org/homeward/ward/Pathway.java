package org.homeward.ward;

/** Clinical pathways a virtual ward may serve. */
public enum Pathway {
    ADULT_FRAILTY("Adult frailty"),
    RESPIRATORY("Respiratory"),
    HEART_FAILURE("Heart failure"),
    PAEDIATRICS("Paediatrics"),
    GENERAL_MEDICINE("General medicine"),
    OPAT_ACUTE_INFECTION("Acute infection / IV therapy");

    private final String label;

    Pathway(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
