package org.homeward.medication;

/** Whether a grab-bag item may still be used: the rule is {@link StockRules#expiry}. */
public enum ExpiryStatus {
    EXPIRED("Expired: do not use", "red"),
    EXPIRING_SOON("Expires within 30 days", "orange"),
    IN_DATE("In date", "green");

    private final String label;
    private final String colour;

    ExpiryStatus(String label, String colour) {
        this.label = label;
        this.colour = colour;
    }

    public String label() {
        return label;
    }

    /** The NHS.UK tag colour the pages show it in. */
    public String colour() {
        return colour;
    }

    /** Whether it is shown as a warning (expired or expiring soon). */
    public boolean warning() {
        return this != IN_DATE;
    }
}
