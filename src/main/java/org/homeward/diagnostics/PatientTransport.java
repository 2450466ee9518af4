package org.homeward.diagnostics;

/** How a patient having imaging gets to it (KLoE 6.3), required on an imaging order. */
public enum PatientTransport {
    BOOKED("Transport booked"), FAMILY("Arranged by family"), NOT_NEEDED("Not needed");

    private final String label;

    PatientTransport(String label) {
        this.label = label;
    }

    /** In words, as pages show it. */
    public String label() {
        return label;
    }
}
