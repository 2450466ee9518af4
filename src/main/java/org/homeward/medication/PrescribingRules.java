package org.homeward.medication;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.homeward.shared.DateWords;

/**
 * The checks at prescribing, each in one method that every caller uses; pure (no Spring, no database, no clock), and
 * tested row by row in {@code PrescribingRulesTests}. A method answers empty when the check passes, or the finding: a
 * confirmable one (the prescriber may go on with a recorded reason) or a refusal.
 */
public final class PrescribingRules {

    /** A child's weight older than this many days is not used for a dose (refused until weighed again). */
    public static final int WEIGHT_VALID_DAYS = 7;
    /** Antimicrobial review window: from 48 hours after the start (UK Start Smart then Focus, PHE 2015). */
    public static final int ANTIMICROBIAL_REVIEW_FROM_HOURS = 48;
    /** Antimicrobial review window: to 72 hours after the start (UK Start Smart then Focus, PHE 2015). */
    public static final int ANTIMICROBIAL_REVIEW_TO_HOURS = 72;

    /** Severities of a penicillin allergy read as immediate hypersensitivity, for cross-sensitivity. */
    private static final Set<AllergySeverity> IMMEDIATE = EnumSet.of(AllergySeverity.SEVERE,
            AllergySeverity.LIFE_THREATENING);
    /** Classes that cross-react with a severe penicillin allergy (BNF, Cephalosporins; BNF, Carbapenems). */
    private static final Set<SubstanceClass> PENICILLIN_CROSS = EnumSet.of(SubstanceClass.CEPHALOSPORINS,
            SubstanceClass.CARBAPENEMS);

    private PrescribingRules() {
    }

    /**
     * Prescribing waits until the patient's allergies are recorded: a statement of no known allergies or at least one
     * allergy. Not recorded refuses, naming {@code allergies}; it cannot be confirmed past.
     */
    public static Optional<CheckFinding> allergiesRecorded(AllergyStatus status) {
        if (status == null || status == AllergyStatus.NOT_RECORDED) {
            return Optional.of(CheckFinding.refusal("allergies", "Record the patient's allergies first (or that they "
                    + "have no known allergies): a medicine cannot be prescribed while allergies are not recorded"));
        }
        return Optional.empty();
    }

    /**
     * Allergy conflict: an allergy in force (suspected or confirmed; entered-in-error ones are ignored) names the same
     * formulary medicine, the same substance class, or a substance whose name appears in the medicine's name; or
     * (cross-sensitivity) a severe or life-threatening penicillin allergy against a cephalosporin or carbapenem. The
     * BNF (Penicillins, allergy and cross-sensitivity) advises that a patient with immediate hypersensitivity to a
     * penicillin should not receive a cephalosporin or other beta-lactam unless essential; a severe or
     * life-threatening reaction is read as immediate hypersensitivity; a mild or moderate one is not cross-matched.
     */
    public static Optional<CheckFinding> allergyConflict(FormularyEntry entry, List<Allergy> allergies) {
        List<String> matches = allergies.stream().filter(a -> !a.enteredInError())
                .map(a -> conflict(entry, a)).flatMap(Optional::stream).toList();
        if (matches.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(CheckFinding.confirmable(PrescribingCheck.ALLERGY, "formularyEntryId",
                entry.name() + " conflicts with the patient's recorded allergy: " + String.join("; ", matches)
                        + ". Choose another medicine, or confirm with a reason"));
    }

    private static Optional<String> conflict(FormularyEntry entry, Allergy allergy) {
        String said = allergy.substance() + " (" + allergy.severity().label().toLowerCase() + ", "
                + allergy.reaction() + ")";
        if (entry.id().equals(allergy.formularyEntryId())) {
            return Optional.of(said);
        }
        if (allergy.substanceClass() != null && allergy.substanceClass() == entry.substanceClass()) {
            return Optional.of(said + ", the same class: " + allergy.substanceClass().label().toLowerCase());
        }
        if (namesTheMedicine(allergy.substance(), entry.name())) {
            return Optional.of(said);
        }
        if (allergy.substanceClass() == SubstanceClass.PENICILLINS && IMMEDIATE.contains(allergy.severity())
                && PENICILLIN_CROSS.contains(entry.substanceClass())) {
            return Optional.of(said + ", cross-sensitivity of a severe penicillin allergy with "
                    + entry.substanceClass().label().toLowerCase());
        }
        return Optional.empty();
    }

    /** Whether the allergy's substance (free text) is a word of the medicine's name, ignoring case. */
    static boolean namesTheMedicine(String substance, String medicine) {
        String s = substance.strip().toLowerCase(Locale.UK);
        if (s.length() < 3) {
            return false;
        }
        Set<String> words = new HashSet<>(List.of(medicine.toLowerCase(Locale.UK).split("[^a-z0-9-]+")));
        return words.contains(s) || medicine.toLowerCase(Locale.UK).startsWith(s + " ")
                || medicine.equalsIgnoreCase(substance.strip());
    }

    /**
     * Duplicate medicine: an active prescription (not stopped, not past its end) of the same formulary medicine by any
     * route, or of the same substance class by the same route.
     */
    public static Optional<CheckFinding> duplicate(FormularyEntry entry, SubstanceClass entryClass, Route route,
            List<Prescription> active, Instant now) {
        List<String> same = active.stream().filter(p -> p.activeAt(now))
                .filter(p -> p.formularyEntryId().equals(entry.id())
                        || (entryClass != null && p.route() == route && p.substanceClass() == entryClass))
                .map(p -> p.medicine() + " " + p.doseWords() + " " + p.route().label().toLowerCase())
                .toList();
        if (same.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(CheckFinding.confirmable(PrescribingCheck.DUPLICATE, "formularyEntryId",
                entry.name() + " duplicates an active prescription: " + String.join("; ", same)
                        + ". Stop or change that one, or confirm with a reason"));
    }

    /** The route must be one the formulary entry allows; refused naming {@code route}. */
    public static Optional<CheckFinding> routeAllowed(FormularyEntry entry, Route route) {
        if (route == null) {
            return Optional.of(CheckFinding.refusal("route", "Choose the route: " + routesInWords(entry)));
        }
        if (!entry.routes().contains(route)) {
            return Optional.of(CheckFinding.refusal("route", entry.name() + " is not given "
                    + route.label().toLowerCase() + " in the formulary: " + routesInWords(entry)));
        }
        return Optional.empty();
    }

    private static String routesInWords(FormularyEntry entry) {
        return entry.routes().stream().sorted().map(r -> r.label().toLowerCase()).collect(Collectors.joining(", "));
    }

    /**
     * The dose in the formulary entry's unit; refused naming {@code doseUnit} when the two do not convert (mL
     * against mg), and naming {@code dose} when it is missing or not above zero.
     */
    public static BigDecimal doseInEntryUnit(FormularyEntry entry, BigDecimal dose, DoseUnit unit) {
        if (dose == null || dose.signum() <= 0) {
            throw CheckFinding.refusal("dose", "Give the dose: a number above zero").asException();
        }
        if (unit == null) {
            throw CheckFinding.refusal("doseUnit", "Choose the dose unit (" + entry.doseUnit().label() + ")")
                    .asException();
        }
        return unit.convert(dose, entry.doseUnit()).orElseThrow(() -> CheckFinding.refusal("doseUnit",
                entry.name() + " is dosed in " + entry.doseUnit().label() + ", not " + unit.label()).asException());
    }

    /**
     * Adult dose outside the formulary's usual range per administration (the range's ends are inside it). No range
     * in the formulary: nothing to check against.
     */
    public static Optional<CheckFinding> adultDose(FormularyEntry entry, BigDecimal doseInEntryUnit) {
        BigDecimal min = entry.adultDoseMin();
        BigDecimal max = entry.adultDoseMax();
        boolean below = min != null && doseInEntryUnit.compareTo(min) < 0;
        boolean above = max != null && doseInEntryUnit.compareTo(max) > 0;
        if (!below && !above) {
            return Optional.empty();
        }
        return Optional.of(CheckFinding.confirmable(PrescribingCheck.DOSE_RANGE, "dose", "The dose "
                + plain(doseInEntryUnit) + " " + entry.doseUnit().label() + " is " + (below ? "below" : "above")
                + " the formulary's usual adult dose of " + range(min, max, entry.doseUnit().label()) + " for "
                + entry.name() + ". Correct it, or confirm with a reason"));
    }

    /**
     * A child's weight must be recorded and measured within the last {@value #WEIGHT_VALID_DAYS} days (the day
     * measured counts as day 0: measured 7 days ago is in, 8 days ago is out); refused naming {@code weight}.
     */
    public static Optional<CheckFinding> childWeight(Optional<Weight> latest, LocalDate today) {
        if (latest.isEmpty()) {
            return Optional.of(CheckFinding.refusal("weight", "Record the child's weight first: a child's dose is "
                    + "checked per kilogram against a weight from the last " + WEIGHT_VALID_DAYS + " days"));
        }
        LocalDate measured = latest.get().measuredOn();
        if (ChronoUnit.DAYS.between(measured, today) > WEIGHT_VALID_DAYS) {
            return Optional.of(CheckFinding.refusal("weight", "The child's last weight was measured on "
                    + DateWords.day(measured) + ", more than " + WEIGHT_VALID_DAYS + " days ago: weigh the child "
                    + "again and record it first"));
        }
        return Optional.empty();
    }

    /**
     * A child's dose per kilogram (mg per kg per administration, from the dose in mg and the weight) must be within
     * the formulary's child range, and the dose not above the child maximum dose (the ends are inside). An entry with
     * no child range cannot be checked: that is confirmable too, so a child's dose is never silently unchecked. A
     * dose not in a unit of mass cannot be checked per kilogram: likewise confirmable.
     */
    public static Optional<CheckFinding> childDose(FormularyEntry entry, BigDecimal doseInEntryUnit,
            BigDecimal weightKg) {
        Optional<BigDecimal> mg = entry.doseUnit().toMilligrams(doseInEntryUnit);
        if (entry.childDosePerKgMinMg() == null && entry.childDosePerKgMaxMg() == null || mg.isEmpty()) {
            return Optional.of(CheckFinding.confirmable(PrescribingCheck.CHILD_DOSE, "dose", "The formulary gives "
                    + "no dose per kilogram for a child for " + entry.name() + ": check the dose against the BNF for "
                    + "Children and confirm with a reason"));
        }
        BigDecimal perKg = dosePerKg(mg.get(), weightKg);
        BigDecimal min = entry.childDosePerKgMinMg();
        BigDecimal max = entry.childDosePerKgMaxMg();
        String unit = entry.doseUnit().label();
        if (entry.childMaxDose() != null && doseInEntryUnit.compareTo(entry.childMaxDose()) > 0) {
            return Optional.of(CheckFinding.confirmable(PrescribingCheck.CHILD_DOSE, "dose", "The dose "
                    + plain(doseInEntryUnit) + " " + unit + " is above the child maximum of "
                    + plain(entry.childMaxDose()) + " " + unit + " for " + entry.name()
                    + ". Correct it, or confirm with a reason"));
        }
        boolean below = min != null && perKg.compareTo(min) < 0;
        boolean above = max != null && perKg.compareTo(max) > 0;
        if (below || above) {
            return Optional.of(CheckFinding.confirmable(PrescribingCheck.CHILD_DOSE, "dose", "The dose is "
                    + plain(perKg) + " mg/kg for a weight of " + plain(weightKg) + " kg, "
                    + (below ? "below" : "above") + " the formulary's child dose of " + range(min, max, "mg/kg")
                    + " for " + entry.name() + ". Correct it, or confirm with a reason"));
        }
        return Optional.empty();
    }

    /** mg per kg, to 2 decimal places (half up). */
    public static BigDecimal dosePerKg(BigDecimal doseMg, BigDecimal weightKg) {
        return doseMg.divide(weightKg, 2, RoundingMode.HALF_UP);
    }

    /**
     * The set times of day: as many as the frequency takes, each different; answered in order of the day. Refused
     * naming {@code times} (or {@code frequency} when missing).
     */
    public static List<LocalTime> times(Frequency frequency, List<LocalTime> times) {
        if (frequency == null) {
            throw CheckFinding.refusal("frequency", "Choose how often it is given").asException();
        }
        List<LocalTime> given = times == null ? List.of() : times;
        if (given.stream().anyMatch(java.util.Objects::isNull)) {
            throw CheckFinding.refusal("times", "Each time of day must be a time such as 08:00").asException();
        }
        if (new HashSet<>(given).size() != given.size()) {
            throw CheckFinding.refusal("times", "The times of day must each be different").asException();
        }
        if (given.size() != frequency.timesPerDay()) {
            throw CheckFinding.refusal("times", frequency.timesPerDay() == 0
                    ? frequency.label() + " takes no set times of day"
                    : frequency.label() + " takes " + frequency.timesPerDay() + " set time(s) of day, not "
                            + given.size()).asException();
        }
        return given.stream().sorted().toList();
    }

    /**
     * The review date. An antimicrobial's must be 48 to 72 hours after the start (UK Start Smart then Focus, PHE 2015:
     * review at 48-72 hours, with the IV-to-oral switch): the dates on which start + 48 h and start + 72 h fall, both
     * included, in the service's time zone; absent, it is the date 48 hours after the start. Refused naming
     * {@code reviewOn}. Another medicine's review date is optional but not before the start.
     */
    public static LocalDate reviewOn(boolean antimicrobial, Instant startsAt, LocalDate reviewOn, ZoneId zone) {
        LocalDate startDay = startsAt.atZone(zone).toLocalDate();
        if (!antimicrobial) {
            if (reviewOn != null && reviewOn.isBefore(startDay)) {
                throw CheckFinding.refusal("reviewOn", "The review date must not be before the start ("
                        + DateWords.day(startDay) + ")").asException();
            }
            return reviewOn;
        }
        LocalDate from = startsAt.plus(ANTIMICROBIAL_REVIEW_FROM_HOURS, ChronoUnit.HOURS).atZone(zone).toLocalDate();
        LocalDate to = startsAt.plus(ANTIMICROBIAL_REVIEW_TO_HOURS, ChronoUnit.HOURS).atZone(zone).toLocalDate();
        if (reviewOn == null) {
            return from;
        }
        if (reviewOn.isBefore(from) || reviewOn.isAfter(to)) {
            throw CheckFinding.refusal("reviewOn", "An antimicrobial is reviewed 48 to 72 hours after it starts: "
                    + "choose a review date from " + DateWords.day(from) + " to " + DateWords.day(to)).asException();
        }
        return reviewOn;
    }

    /**
     * The antimicrobial review prompt on the chart, from the review date on (empty before it, for a stopped
     * prescription, and for a medicine that is not an antimicrobial): review the need, the choice and the route; an
     * intravenous one adds the IV-to-oral switch prompt (UK Start Smart then Focus, PHE 2015).
     */
    public static Optional<String> antimicrobialReviewPrompt(Prescription p, LocalDate today) {
        if (!p.antimicrobial() || p.stopped() || p.reviewOn() == null || today.isBefore(p.reviewOn())) {
            return Optional.empty();
        }
        String prompt = "Antimicrobial review due " + (today.equals(p.reviewOn()) ? "today" : "since "
                + DateWords.day(p.reviewOn())) + ": stop, continue, change or switch (Start Smart then Focus)";
        if (p.route() == Route.INTRAVENOUS) {
            prompt += ". Consider switching from intravenous to oral: is the patient improving, afebrile for 24 hours "
                    + "and able to take oral medicines?";
        }
        return Optional.of(prompt);
    }

    private static String range(BigDecimal min, BigDecimal max, String unit) {
        if (min != null && max != null) {
            return plain(min) + " to " + plain(max) + " " + unit;
        }
        return min != null ? "at least " + plain(min) + " " + unit : "at most " + plain(max) + " " + unit;
    }

    static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
