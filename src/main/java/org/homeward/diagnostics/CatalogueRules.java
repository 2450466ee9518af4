package org.homeward.diagnostics;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;
import org.homeward.shared.InvalidInputException;

/**
 * The rules a test in the catalogue keeps, so that the one flag rule ({@link ResultFlags#flag}) reads it as its
 * sources write it. Each refusal is an {@link InvalidInputException} naming the field.
 *
 * <ul>
 *   <li>A numeric test (blood test, point-of-care test) has a unit, as the lab reports it (UCUM style: mmol/L); a
 *       result without that unit is refused at entry. A test reported in words (microbiology, ECG, imaging) has no
 *       unit, no range and no limits: the person entering the report flags it.</li>
 *   <li>A reference range is read as printed by the lab, both ends normal (Pathology Harmony writes sodium 133-146
 *       mmol/L): its highest value must be above its lowest. Either end may be left out (CRP up to 5).</li>
 *   <li>Critical limits are at or below / at or above, as the Royal College of Pathologists writes them (<i>The
 *       communication of critical and unexpected pathology results</i>, G158, October 2017: potassium at or below 2.5
 *       or at or above 6.5 mmol/L). A limit at or inside the reference range would make a printed normal value
 *       critical, so the critical low limit must be below the range (below its lowest, else below its highest) and
 *       the critical high limit above it; the low limit below the high one.</li>
 *   <li>Adult and child (under 18, {@code PatientSummary.isAdultOn}) ranges and limits are checked each against their
 *       own band.</li>
 *   <li>The source of the range and limits is required: no value is kept without where it comes from.</li>
 * </ul>
 */
public final class CatalogueRules {

    static final int NAME_MAX = 100;
    static final int UNIT_MAX = 20;
    static final int SOURCE_MAX = 500;
    static final int REASON_MAX = 500;
    /** Numbers are kept below a thousand million, to at most six decimal places. */
    static final BigDecimal LARGEST = new BigDecimal("1000000000");
    static final int MAX_DECIMALS = 6;
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,29}");
    private static final Pattern NO_SPACE = Pattern.compile("\\S+");

    private CatalogueRules() {
    }

    /** A test's values as they pass the rules: text stripped, no unit or range for a test reported in words. */
    public record Checked(String name, TestKind kind, String unit, ReferenceRange adultRange, ReferenceRange childRange,
            BigDecimal criticalLow, BigDecimal criticalHigh, BigDecimal childCriticalLow, BigDecimal childCriticalHigh,
            String source) {
    }

    /** A new test's code in capitals: 2 to 30 capital letters, digits or underscores, starting with a letter. */
    public static String code(String given) {
        if (given == null || given.isBlank()) {
            throw new InvalidInputException("code", "Give the test a code, such as MAGNESIUM");
        }
        String code = given.strip().toUpperCase(Locale.ROOT);
        if (!CODE.matcher(code).matches()) {
            throw new InvalidInputException("code", "The code must be 2 to 30 capital letters, digits or underscores,"
                    + " starting with a letter, such as MAGNESIUM");
        }
        return code;
    }

    /** Checks a test as it should read; the first rule broken is refused, naming its field. */
    public static Checked check(SaveCatalogueTest c) {
        if (c == null) {
            throw new InvalidInputException("name", "Give the name of the test");
        }
        String name = text("name", "Give the name of the test", c.name(), NAME_MAX);
        if (c.kind() == null) {
            throw new InvalidInputException("kind", "Choose the kind of test: blood test, microbiology, ECG, imaging"
                    + " or point-of-care test");
        }
        if (c.kind().reportedInWords()) {
            return inWords(c, name);
        }
        String unit = text("unit", "Give the unit a " + c.kind().label().toLowerCase(Locale.ROOT)
                + " is reported in, such as mmol/L", c.unit(), UNIT_MAX);
        if (!NO_SPACE.matcher(unit).matches()) {
            throw new InvalidInputException("unit", "Write the unit without spaces, as the lab reports it, such as"
                    + " mmol/L");
        }
        ReferenceRange adult = range("adult", "adultLow", "adultHigh", c.adultLow(), c.adultHigh());
        limits("adult", adult, "criticalLow", c.criticalLow(), "criticalHigh", c.criticalHigh());
        ReferenceRange child = range("child", "childLow", "childHigh", c.childLow(), c.childHigh());
        limits("child", child, "childCriticalLow", c.childCriticalLow(), "childCriticalHigh", c.childCriticalHigh());
        String source = source(c.source());
        return new Checked(name, c.kind(), unit, adult, child, c.criticalLow(), c.criticalHigh(),
                c.childCriticalLow(), c.childCriticalHigh(), source);
    }

    /**
     * Refuses a change between a number with units and a report in words: the test's orders and results are of one
     * kind, so such a test is added anew instead.
     */
    public static void kindChange(TestKind from, TestKind to) {
        if (from.reportedInWords() != to.reportedInWords()) {
            throw new InvalidInputException("kind", "A test cannot change between a number with units and a report"
                    + " in words (" + from.label() + " to " + to.label() + "): its results are of one kind. Add a new"
                    + " test instead");
        }
    }

    /** The reason for a change: required, kept with the new version. */
    public static String reason(String given) {
        return text("reason", "Give the reason for the change: it is kept with the test's history", given,
                REASON_MAX);
    }

    private static Checked inWords(SaveCatalogueTest c, String name) {
        if (c.unit() != null && !c.unit().isBlank()) {
            throw new InvalidInputException("unit", "A test reported in words has no unit: leave the unit empty");
        }
        String[] fields = {"adultLow", "adultHigh", "criticalLow", "criticalHigh", "childLow", "childHigh",
            "childCriticalLow", "childCriticalHigh"};
        BigDecimal[] values = {c.adultLow(), c.adultHigh(), c.criticalLow(), c.criticalHigh(), c.childLow(),
            c.childHigh(), c.childCriticalLow(), c.childCriticalHigh()};
        for (int i = 0; i < fields.length; i++) {
            if (values[i] != null) {
                throw new InvalidInputException(fields[i], "A test reported in words has no reference range or"
                        + " critical limits: the person entering the report flags it normal, abnormal or critical");
            }
        }
        ReferenceRange none = new ReferenceRange(null, null);
        return new Checked(name, c.kind(), null, none, none, null, null, null, null, source(c.source()));
    }

    private static ReferenceRange range(String band, String lowField, String highField, BigDecimal low,
            BigDecimal high) {
        number(lowField, low);
        number(highField, high);
        if (low != null && high != null && high.compareTo(low) <= 0) {
            throw new InvalidInputException(highField, "The " + band + " reference range's highest value ("
                    + words(high) + ") must be above its lowest (" + words(low) + ")");
        }
        return new ReferenceRange(low, high);
    }

    private static void limits(String band, ReferenceRange range, String lowField, BigDecimal low, String highField,
            BigDecimal high) {
        number(lowField, low);
        number(highField, high);
        BigDecimal rangeLow = range.low() != null ? range.low() : range.high();
        BigDecimal rangeHigh = range.high() != null ? range.high() : range.low();
        if (low != null && rangeLow != null && low.compareTo(rangeLow) >= 0) {
            throw new InvalidInputException(lowField, "The " + band + " critical low limit (" + words(low)
                    + ") must be below the " + band + " reference range (" + range.words() + "): a value at the"
                    + " limit is critical, and the range's printed ends are normal");
        }
        if (high != null && rangeHigh != null && high.compareTo(rangeHigh) <= 0) {
            throw new InvalidInputException(highField, "The " + band + " critical high limit (" + words(high)
                    + ") must be above the " + band + " reference range (" + range.words() + "): a value at the"
                    + " limit is critical, and the range's printed ends are normal");
        }
        if (low != null && high != null && high.compareTo(low) <= 0) {
            throw new InvalidInputException(highField, "The " + band + " critical high limit (" + words(high)
                    + ") must be above the critical low limit (" + words(low) + ")");
        }
    }

    private static void number(String field, BigDecimal value) {
        if (value == null) {
            return;
        }
        if (value.abs().compareTo(LARGEST) >= 0) {
            throw new InvalidInputException(field, "Give a number below 1000000000");
        }
        if (value.stripTrailingZeros().scale() > MAX_DECIMALS) {
            throw new InvalidInputException(field, "Give the number to at most " + MAX_DECIMALS + " decimal places");
        }
    }

    private static String source(String given) {
        return text("source", "Name the source of the range and limits (Pathology Harmony, RCPath 2017 G158, or a"
                + " local choice and whose)", given, SOURCE_MAX);
    }

    private static String text(String field, String ask, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, ask);
        }
        String stripped = value.strip();
        if (stripped.length() > max) {
            throw new InvalidInputException(field, "must be at most " + max + " characters");
        }
        return stripped;
    }

    private static String words(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
