package org.homeward;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateTimeDeserializer;
import java.beans.PropertyEditorSupport;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.function.Function;
import org.homeward.shared.PlausibleDates;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * One gate for every value a client sends, so that nothing PostgreSQL would refuse or silently change reaches it.
 * <ul>
 * <li>Text: a NUL character (U+0000) is refused by PostgreSQL (which made it a misleading 409) and a lone
 * UTF-16 surrogate is stored as '?' (silently changing what was sent). {@link #problemWithText} refuses both; the
 * JSON reader applies it to every string it reads, and {@link FormAndParameterText} to every form field and every
 * query or path parameter bound to a {@code String}.</li>
 * <li>Dates and times: every {@link LocalDate}, {@link LocalDateTime}, {@link ZonedDateTime} and {@link Instant} read
 * from JSON must be within {@link PlausibleDates}' range (forms: see {@link FormBindingConfiguration}).</li>
 * <li>Numbers: "1e400" reads as an infinite double without complaint; a {@code double} must be finite. A
 * {@link java.math.BigDecimal} (a test result) reads it exactly, so it must be within {@link #DECIMAL_LIMIT}.</li>
 * </ul>
 * Duplicate keys and text after the JSON value are refused by the parser itself (spring.jackson.* in
 * application.yml). Each refusal is a {@link ImplausibleValueException}, which {@link ApiExceptionHandler} answers
 * with 400 naming the field.
 */
@Configuration(proxyBeanMethods = false)
class StrictInputConfiguration {

    /** Why this text cannot be stored as sent, or {@code null} if it can. */
    static String problemWithText(String text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return "must not contain a NUL character (\\u0000)";
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "must not contain a lone surrogate (\\u" + Integer.toHexString(c) + "): it is not a character";
            }
            if (Character.isLowSurrogate(c)) {
                return "must not contain a lone surrogate (\\u" + Integer.toHexString(c) + "): it is not a character";
            }
        }
        return null;
    }

    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictJsonValues() {
        SimpleModule module = new SimpleModule("homeward-strict-values");
        module.addDeserializer(String.class, new Checked<>(String.class, StringDeserializer.instance,
                StrictInputConfiguration::problemWithText));
        module.addDeserializer(LocalDate.class, new Checked<>(LocalDate.class, LocalDateDeserializer.INSTANCE,
                PlausibleDates::problemWith));
        module.addDeserializer(LocalDateTime.class, new Checked<>(LocalDateTime.class,
                LocalDateTimeDeserializer.INSTANCE, value -> PlausibleDates.problemWith(value.toInstant(ZoneOffset.UTC))));
        module.addDeserializer(Instant.class, new Checked<>(Instant.class, InstantDeserializer.INSTANT,
                PlausibleDates::problemWith));
        module.addDeserializer(ZonedDateTime.class, new Checked<>(ZonedDateTime.class,
                InstantDeserializer.ZONED_DATE_TIME, value -> PlausibleDates.problemWith(value.toInstant())));
        module.addDeserializer(Double.class, new Checked<>(Double.class,
                new NumberDeserializers.DoubleDeserializer(Double.class, null), StrictInputConfiguration::problemWithNumber));
        module.addDeserializer(double.class, new Checked<>(Double.class,
                new NumberDeserializers.DoubleDeserializer(Double.TYPE, 0.d), StrictInputConfiguration::problemWithNumber));
        module.addDeserializer(java.math.BigDecimal.class, new Checked<>(java.math.BigDecimal.class,
                NumberDeserializers.BigDecimalDeserializer.instance, StrictInputConfiguration::problemWithDecimal));
        // registered after Jackson's own Java time module, so these take its place for the types above
        return builder -> builder.modulesToInstall(module);
    }

    /** The largest decimal read from JSON, and the most decimal places: beyond any measured value. */
    static final java.math.BigDecimal DECIMAL_LIMIT = new java.math.BigDecimal("1e12");
    static final int DECIMAL_PLACES = 6;

    private static String problemWithDecimal(java.math.BigDecimal value) {
        if (value == null) {
            return null;
        }
        if (value.abs().compareTo(DECIMAL_LIMIT) >= 0) {
            return "must be a number below 1,000,000,000,000 (was too large)";
        }
        return value.stripTrailingZeros().scale() > DECIMAL_PLACES
                ? "must have at most " + DECIMAL_PLACES + " decimal places" : null;
    }

    private static String problemWithNumber(Double value) {
        return value != null && !Double.isFinite(value) ? "must be a finite number (was too large to read)" : null;
    }

    /** Reads a value with Jackson's own deserializer, then refuses it if the check finds a problem. */
    private static final class Checked<T> extends StdDeserializer<T> {

        private final JsonDeserializer<? extends T> reader;
        private final Function<T, String> check;

        Checked(Class<?> type, JsonDeserializer<? extends T> reader, Function<T, String> check) {
            super(type);
            this.reader = reader;
            this.check = check;
        }

        @Override
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            T value = reader.deserialize(parser, context);
            String problem = value == null ? null : check.apply(value);
            if (problem != null) {
                throw new ImplausibleValueException(parser, problem);
            }
            return value;
        }

        @Override
        public T getNullValue(DeserializationContext context) throws JsonMappingException {
            return reader.getNullValue(context);
        }
    }

    /** A value that reads as JSON but that Homeward refuses; the message says why, for the person who sent it. */
    static final class ImplausibleValueException extends JsonMappingException {

        ImplausibleValueException(JsonParser parser, String message) {
            super(parser, message);
        }
    }

    /**
     * The same text rule for forms on pages and for query and path parameters: a value that breaks it fails to bind,
     * so the form shows the field's error and the API answers 400 naming the parameter.
     */
    @ControllerAdvice
    static class FormAndParameterText {

        @InitBinder
        void refuseUnstorableText(WebDataBinder binder) {
            binder.registerCustomEditor(String.class, new PropertyEditorSupport() {
                @Override
                public void setAsText(String text) {
                    String problem = problemWithText(text);
                    if (problem != null) {
                        throw new IllegalArgumentException(problem);
                    }
                    setValue(text);
                }

                @Override
                public String getAsText() {
                    Object value = getValue();
                    return value == null ? "" : value.toString();
                }
            });
        }
    }
}
