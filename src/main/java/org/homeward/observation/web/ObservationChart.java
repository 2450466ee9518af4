package org.homeward.observation.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.homeward.observation.ObservationParameter;
import org.homeward.observation.ScoredSet;
import org.homeward.scoring.Band;
import org.homeward.scoring.News2;
import org.homeward.scoring.News2Parameter;
import org.homeward.scoring.Pews;
import org.homeward.scoring.PewsAgeChart;
import org.homeward.scoring.PewsParameter;
import org.homeward.scoring.SpO2Scale;

/**
 * The observation chart as the RCP NEWS2 chart and the national PEWS charts lay it out: one row per parameter with
 * that parameter's score bands shaded (taken from the scoring module's own tables), then the score row, each set's
 * aggregate coloured by its risk. Coded parameters are drawn on an index axis with words for each step.
 *
 * @param rows the parameter rows, in the chart's order, then the score row last
 * @param axis the shared time axis
 */
record ObservationChart(List<Row> rows, TimeAxis axis) {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.UK);

    /** A band of the row from {@code from} to {@code to} on its y axis, scoring {@code score}. */
    record Shade(double from, double to, int score) {
    }

    /** A set's value: when (epoch ms), where on the y axis, the words shown ("On oxygen", "96%"), its colour step. */
    record Point(long x, double y, String text, int score) {
    }

    /**
     * @param categories words for each step of a coded row's index axis; empty for a numeric row
     * @param score whether this is the aggregate score row
     */
    record Row(String id, String label, double min, double max, List<Shade> shades, List<String> categories,
            List<Point> points, boolean score, String description) {

        Row(String id, String label, double min, double max, List<Shade> shades, List<String> categories,
                List<Point> points, boolean score, ZoneId zone) {
            this(id, label, min, max, shades, categories, points, score, describe(label, points, zone));
        }

        /** What a screen reader hears for the row's picture: the label and each value with its time. */
        private static String describe(String label, List<Point> points, ZoneId zone) {
            if (points.isEmpty()) {
                return label + ": not recorded in these sets";
            }
            StringBuilder text = new StringBuilder(label).append(": ");
            for (int i = 0; i < points.size(); i++) {
                Point p = points.get(i);
                text.append(i == 0 ? "" : "; ").append(p.text()).append(" at ")
                        .append(WHEN.format(java.time.Instant.ofEpochMilli(p.x()).atZone(zone)));
            }
            return text.toString();
        }
    }

    /** A NEWS2 row: the parameter stored, the Chart 1 row, the y range shown, and for coded rows the words. */
    private record News2Row(ObservationParameter parameter, News2Parameter chartRow, String label, double min,
            double max, List<String> codes) {
    }

    private record PewsRow(ObservationParameter parameter, PewsParameter chartRow, String label, double min, double max,
            List<String> codes) {
    }

    private static final List<String> NO_CODES = List.of();

    private static final List<News2Row> NEWS2_ROWS = List.of(
            new News2Row(ObservationParameter.RESPIRATORY_RATE, News2Parameter.RESPIRATION_RATE,
                    "Respiration rate (per minute)", 4, 36, NO_CODES),
            new News2Row(ObservationParameter.OXYGEN_SATURATION, News2Parameter.OXYGEN_SATURATION,
                    "Oxygen saturation (%)", 80, 100, NO_CODES),
            new News2Row(ObservationParameter.ON_OXYGEN, News2Parameter.AIR_OR_OXYGEN, "Air or oxygen", -0.5, 1.5,
                    List.of("false", "true")),
            new News2Row(ObservationParameter.SYSTOLIC_BLOOD_PRESSURE, News2Parameter.SYSTOLIC_BLOOD_PRESSURE,
                    "Systolic blood pressure (mmHg)", 70, 240, NO_CODES),
            new News2Row(ObservationParameter.HEART_RATE, News2Parameter.PULSE, "Pulse (per minute)", 30, 150,
                    NO_CODES),
            new News2Row(ObservationParameter.CONSCIOUSNESS, News2Parameter.CONSCIOUSNESS, "Consciousness", -0.5, 4.5,
                    List.of("ALERT", "NEW_CONFUSION", "VOICE", "PAIN", "UNRESPONSIVE")),
            new News2Row(ObservationParameter.TEMPERATURE, News2Parameter.TEMPERATURE, "Temperature (°C)", 34, 40.5,
                    NO_CODES));

    private static final List<PewsRow> PEWS_ROWS = List.of(
            new PewsRow(ObservationParameter.RESPIRATORY_RATE, PewsParameter.RESPIRATORY_RATE,
                    "Respiratory rate (per minute)", 0, 80, NO_CODES),
            new PewsRow(ObservationParameter.RESPIRATORY_DISTRESS, PewsParameter.RESPIRATORY_DISTRESS,
                    "Respiratory distress", -0.5, 3.5, List.of("NONE", "MILD", "MODERATE", "SEVERE")),
            new PewsRow(ObservationParameter.OXYGEN_SATURATION, PewsParameter.OXYGEN_SATURATION,
                    "Oxygen saturation (%)", 80, 100, NO_CODES),
            new PewsRow(ObservationParameter.OXYGEN_LITRES_PER_MINUTE, PewsParameter.OXYGEN_SUPPORT,
                    "Oxygen (litres per minute)", 0, 10, NO_CODES),
            new PewsRow(ObservationParameter.HEART_RATE, PewsParameter.HEART_RATE, "Heart rate (per minute)", 40, 200,
                    NO_CODES),
            new PewsRow(ObservationParameter.SYSTOLIC_BLOOD_PRESSURE, PewsParameter.SYSTOLIC_BLOOD_PRESSURE,
                    "Systolic blood pressure (mmHg)", 40, 160, NO_CODES),
            new PewsRow(ObservationParameter.CAPILLARY_REFILL, PewsParameter.CAPILLARY_REFILL,
                    "Capillary refill time (seconds)", 0, 6, NO_CODES),
            new PewsRow(ObservationParameter.CONSCIOUSNESS, null, "AVPU (not scored; V, P or U escalate)", -0.5, 3.5,
                    List.of("ALERT", "VOICE", "PAIN", "UNRESPONSIVE")),
            new PewsRow(ObservationParameter.TEMPERATURE, null, "Temperature (°C, not scored)", 34, 40.5, NO_CODES));

    /**
     * The NEWS2 chart for these sets, on the SpO2 scale of the newest set.
     */
    static ObservationChart news2(List<ScoredSet> sets, SpO2Scale scale, ZoneId zone) {
        List<Row> rows = new ArrayList<>();
        for (News2Row r : NEWS2_ROWS) {
            rows.add(row(r.parameter(), r.label() + (r.chartRow() == News2Parameter.OXYGEN_SATURATION
                    ? (scale == SpO2Scale.SCALE_2 ? ", Scale 2" : ", Scale 1") : ""), r.min(), r.max(),
                    News2.chartBands(r.chartRow(), scale), r.codes(), sets, zone));
        }
        rows.add(scoreRow(sets, 20, zone));
        return new ObservationChart(rows, TimeAxis.of(sets.stream().map(ScoredSet::takenAt).toList(), zone));
    }

    /** The PEWS chart for these sets, on the age chart of the newest set. */
    static ObservationChart pews(List<ScoredSet> sets, PewsAgeChart chart, ZoneId zone) {
        List<Row> rows = new ArrayList<>();
        for (PewsRow r : PEWS_ROWS) {
            List<Band> bands = r.chartRow() == null ? List.of() : Pews.chartBands(r.chartRow(), chart);
            rows.add(row(r.parameter(), r.label(), r.min(), r.max(), bands, r.codes(), sets, zone));
        }
        if (sets.stream().anyMatch(s -> s.values().containsKey(ObservationParameter.OXYGEN_PERCENT))) {
            rows.add(3, row(ObservationParameter.OXYGEN_PERCENT, "Oxygen (%)", 0, 100, Pews.oxygenPercentChartBands(),
                    NO_CODES, sets, zone));
        }
        rows.add(scoreRow(sets, 26, zone));
        return new ObservationChart(rows, TimeAxis.of(sets.stream().map(ScoredSet::takenAt).toList(), zone));
    }

    private static Row row(ObservationParameter parameter, String label, double min, double max, List<Band> bands,
            List<String> codes, List<ScoredSet> sets, ZoneId zone) {
        List<Point> points = new ArrayList<>();
        double low = min;
        double high = max;
        for (ScoredSet set : sets) {
            String stored = set.values().get(parameter);
            if (stored == null) {
                continue;
            }
            double y = codes.isEmpty() ? Double.parseDouble(stored) : codes.indexOf(stored);
            if (y < 0) {
                continue;
            }
            low = Math.min(low, y);
            high = Math.max(high, y);
            points.add(new Point(set.takenAt().toEpochMilli(), y, ObservationWords.value(parameter, stored),
                    scoreOf(bands, y)));
        }
        List<String> words = codes.stream().map(code -> ObservationWords.value(parameter, code)).toList();
        return new Row(parameter.name().toLowerCase().replace('_', '-'), label, low, high, shades(bands, low, high),
                words, points, false, zone);
    }

    /**
     * Each band as a stretch of the y axis: a band's edge is half-way between its last value and the next band's
     * first (11.5 between 9-11 and 12-20; 19.995 between 10-19.99 and 20), so every value on the chart sits inside
     * the band that scores it; the outer bands run to the axis' ends.
     */
    static List<Shade> shades(List<Band> bands, double min, double max) {
        List<Shade> shades = new ArrayList<>();
        for (int i = 0; i < bands.size(); i++) {
            double from = i == 0 ? min : (bands.get(i - 1).high() + bands.get(i).low()) / 2;
            double to = i == bands.size() - 1 ? max : (bands.get(i).high() + bands.get(i + 1).low()) / 2;
            if (to > min && from < max) {
                shades.add(new Shade(Math.max(from, min), Math.min(to, max), bands.get(i).score()));
            }
        }
        return shades;
    }

    private static int scoreOf(List<Band> bands, double y) {
        for (Shade shade : shades(bands, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY)) {
            if (y >= shade.from() && y <= shade.to()) {
                return shade.score();
            }
        }
        return 0;
    }

    /** The aggregate score of each scored set, coloured by its risk band (0 none to 3 high or emergency). */
    private static Row scoreRow(List<ScoredSet> sets, int maxScore, ZoneId zone) {
        List<Point> points = sets.stream().filter(ScoredSet::scored)
                .map(s -> new Point(s.takenAt().toEpochMilli(), s.total(), s.scoreText()
                        + (s.partial() ? " (partial set)" : "") + ", " + s.level(), s.band()))
                .toList();
        return new Row("score", "Score", 0, maxScore, List.of(), List.of(), points, true, zone);
    }

    /** For the page's script: the rows and axis as plain maps, serialised to one JSON attribute. */
    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("axis", axis);
        json.put("rows", rows);
        return json;
    }
}
