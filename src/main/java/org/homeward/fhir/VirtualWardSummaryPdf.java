package org.homeward.fhir;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.homeward.observation.ObservationParameter;
import org.homeward.observation.ScoredSet;
import org.homeward.patient.PatientRecord;
import org.homeward.referral.AdmissionView;
import org.homeward.security.Organisation;
import org.homeward.ward.VirtualWard;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The virtual-ward summary as a PDF: Thymeleaf's {@code fhir/virtual-ward-summary} template (whose discharge details
 * are the same fragment the discharge summary page shows, {@code referral/discharge :: details}) rendered by
 * openhtmltopdf. The template is written as well-formed XHTML, which openhtmltopdf reads.
 */
@Component
class VirtualWardSummaryPdf {

    /** The columns of the observations table, in the order of a NEWS2 chart. */
    static final List<ObservationParameter> COLUMNS = List.of(ObservationParameter.RESPIRATORY_RATE,
            ObservationParameter.OXYGEN_SATURATION, ObservationParameter.ON_OXYGEN,
            ObservationParameter.SYSTOLIC_BLOOD_PRESSURE, ObservationParameter.HEART_RATE,
            ObservationParameter.CONSCIOUSNESS, ObservationParameter.TEMPERATURE);

    private final ITemplateEngine templates;
    private final java.time.ZoneId zone;

    VirtualWardSummaryPdf(ITemplateEngine templates, java.time.Clock clock) {
        this.templates = templates;
        this.zone = clock.getZone();
    }

    /** One row of the observations table: when, the score in words, and each column's value ("" when not taken). */
    record Row(Instant takenAt, String score, List<String> values) {
    }

    byte[] render(PatientRecord patient, AdmissionView admission, VirtualWard ward, Organisation host,
            List<ScoredSet> sets, Instant made) {
        List<Row> rows = new ArrayList<>();
        for (ScoredSet set : sets) {
            List<String> values = new ArrayList<>();
            for (ObservationParameter column : COLUMNS) {
                values.add(value(set.values(), column));
            }
            rows.add(new Row(set.takenAt(), set.scoreText(), values));
        }
        Context context = new Context(Locale.UK);
        context.setVariables(Map.of("patient", patient, "a", admission, "ward", ward, "host", host, "rows", rows,
                "made", made, "today", made.atZone(zone).toLocalDate()));
        String html = templates.process("fhir/virtual-ward-summary", context);
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(html, null);
            builder.toStream(pdf);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("could not render the virtual ward summary's PDF", e);
        }
        return pdf.toByteArray();
    }

    /** The value in words: "Oxygen" or "Air", consciousness as ACVPU in words ("New confusion"), numbers as taken. */
    static String value(Map<ObservationParameter, String> values, ObservationParameter column) {
        String value = values.get(column);
        if (value == null) {
            return "";
        }
        if (column == ObservationParameter.ON_OXYGEN) {
            return Boolean.parseBoolean(value) ? "Oxygen" : "Air";
        }
        if (column == ObservationParameter.CONSCIOUSNESS) {
            String spaced = value.replace('_', ' ').toLowerCase(Locale.UK);
            return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
        }
        return value;
    }
}
