package org.homeward.medication;

/** Classes of substance for matching allergies to medicines (BNF chapter groupings). */
public enum SubstanceClass {
    PENICILLINS("Penicillins"),
    CEPHALOSPORINS("Cephalosporins"),
    CARBAPENEMS("Carbapenems"),
    MACROLIDES("Macrolides"),
    TETRACYCLINES("Tetracyclines"),
    QUINOLONES("Quinolones"),
    AMINOGLYCOSIDES("Aminoglycosides"),
    GLYCOPEPTIDES("Glycopeptides"),
    NITROIMIDAZOLES("Nitroimidazoles"),
    LINCOSAMIDES("Lincosamides"),
    SULFONAMIDES("Sulfonamides and trimethoprim"),
    LOOP_DIURETICS("Loop diuretics"),
    BETA2_AGONISTS("Beta2 agonists"),
    ANTIMUSCARINIC_BRONCHODILATORS("Antimuscarinic bronchodilators"),
    CORTICOSTEROIDS("Corticosteroids"),
    NSAIDS("Non-steroidal anti-inflammatory drugs"),
    OPIOIDS("Opioids"),
    PARACETAMOL("Paracetamol"),
    MEDICAL_GASES("Medical gases"),
    INTRAVENOUS_FLUIDS("Intravenous fluids"),
    ANTIEMETICS("Antiemetics");

    private final String label;

    SubstanceClass(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * The class a free-text substance names ('penicillin', 'Penicillins', 'cephalosporin'), ignoring case and a
     * plural s; empty when it names none (a single medicine such as 'amoxicillin' is matched by name instead).
     */
    public static java.util.Optional<SubstanceClass> named(String substance) {
        if (substance == null) {
            return java.util.Optional.empty();
        }
        String s = substance.strip().toLowerCase(java.util.Locale.UK);
        String singular = s.endsWith("s") ? s.substring(0, s.length() - 1) : s;
        return java.util.Arrays.stream(values()).filter(c -> {
            String l = c.label.toLowerCase(java.util.Locale.UK);
            return l.equals(s) || l.equals(singular + "s") || l.equals(singular);
        }).findFirst();
    }
}
