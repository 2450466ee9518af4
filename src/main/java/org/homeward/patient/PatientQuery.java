package org.homeward.patient;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a patient search means, read from the words a person typed. Every part must match (never any part), so a
 * looser query finds more patients only by leaving parts out, never by matching a different person on one word:
 * <ul>
 *   <li>ten digits, with or without spaces or hyphens ("943 476 5919"): the NHS number, exactly;</li>
 *   <li>a date ("15/03/1941", "15-3-1941", "1941-03-15", "15 March 1941", "15 Mar 1941"): the date of birth, exactly;</li>
 *   <li>every other word: a part of the name, anywhere in "given family", in any order ("robinson sheila", "Sheil");
 *       a query that reads as a postcode also matches the postcode.</li>
 * </ul>
 */
record PatientQuery(String nhsNumber, LocalDate dateOfBirth, List<String> nameWords, String postcode) {

    private static final DateTimeFormatter[] DATES = {
        formatter("d/M/uuuu"), formatter("d-M-uuuu"), formatter("d.M.uuuu"), formatter("uuuu-M-d"),
        formatter("d MMMM uuuu"), formatter("d MMM uuuu")};

    private static DateTimeFormatter formatter(String pattern) {
        return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern).toFormatter(Locale.UK)
                .withResolverStyle(ResolverStyle.STRICT);
    }

    static PatientQuery parse(String text) {
        String trimmed = text.trim().replaceAll("\\s+", " ");
        String digits = trimmed.replaceAll("[\\s-]", "");
        if (digits.matches("\\d{10}")) {
            return new PatientQuery(digits, null, List.of(), null);
        }
        LocalDate wholeDate = date(trimmed).orElse(null);
        if (wholeDate != null) {
            return new PatientQuery(null, wholeDate, List.of(), null);
        }
        LocalDate dateOfBirth = null;
        List<String> words = new ArrayList<>();
        // a written-out date inside the words ("Robinson 15 March 1941"): try three words at a time first
        String[] parts = trimmed.split(" ");
        for (int i = 0; i < parts.length; i++) {
            if (i + 2 < parts.length && dateOfBirth == null) {
                Optional<LocalDate> written = date(parts[i] + " " + parts[i + 1] + " " + parts[i + 2]);
                if (written.isPresent()) {
                    dateOfBirth = written.get();
                    i += 2;
                    continue;
                }
            }
            Optional<LocalDate> typed = dateOfBirth == null ? date(parts[i]) : Optional.empty();
            if (typed.isPresent()) {
                dateOfBirth = typed.get();
            } else {
                String word = parts[i].toLowerCase(Locale.UK).replace("%", "").replace("_", "").replace("\\", "");
                if (!word.isEmpty()) {
                    words.add(word);
                }
            }
        }
        String compact = trimmed.replace(" ", "").toUpperCase(Locale.UK);
        String postcode = compact.matches("[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}") ? compact : null;
        return new PatientQuery(null, dateOfBirth, List.copyOf(words), postcode);
    }

    private static Optional<LocalDate> date(String text) {
        for (DateTimeFormatter format : DATES) {
            try {
                return Optional.of(LocalDate.parse(text, format));
            } catch (DateTimeException notThisFormat) {
                // try the next format
            }
        }
        return Optional.empty();
    }

    boolean isEmpty() {
        return nhsNumber == null && dateOfBirth == null && nameWords.isEmpty() && postcode == null;
    }
}
