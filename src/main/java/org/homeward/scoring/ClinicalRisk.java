package org.homeward.scoring;

/** NEWS2 clinical risk and the response it triggers (RCP 2017, Chart 2). */
public enum ClinicalRisk {
    LOW("Low", "Ward-based response"),
    LOW_MEDIUM("Low-medium", "Urgent ward-based response"),
    MEDIUM("Medium", "Key threshold for urgent response"),
    HIGH("High", "Urgent or emergency response");

    private final String label;
    private final String response;

    ClinicalRisk(String label, String response) {
        this.label = label;
        this.response = response;
    }

    public String label() {
        return label;
    }

    public String response() {
        return response;
    }
}
