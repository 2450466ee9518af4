package org.homeward.medication;

/** How a medicine is given. */
public enum Route {
    ORAL("Oral"),
    INTRAVENOUS("Intravenous"),
    SUBCUTANEOUS("Subcutaneous"),
    INTRAMUSCULAR("Intramuscular"),
    NEBULISED("Nebulised"),
    INHALED("Inhaled"),
    NASOGASTRIC("Nasogastric"),
    TOPICAL("Topical"),
    RECTAL("Rectal");

    private final String label;

    Route(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
