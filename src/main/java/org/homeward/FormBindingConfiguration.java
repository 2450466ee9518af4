package org.homeward;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Function;
import org.homeward.shared.AdmissionId;
import org.homeward.shared.CarerId;
import org.homeward.shared.OrganisationId;
import org.homeward.shared.PatientId;
import org.homeward.shared.PlausibleDates;
import org.homeward.shared.ReferralId;
import org.homeward.shared.UserId;
import org.homeward.shared.WardId;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.Formatter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * How form values become Homeward's types. An empty choice ("Choose...") binds as {@code null}, so validation says
 * the field is required instead of failing to convert it. Forms send times as a browser's {@code datetime-local} value ("2026-11-23T09:30"): a wall-clock time in the
 * service's time zone. This reads them as {@link Instant}s in that zone (and writes them back the same way), so a
 * nurse in Dorset types the time on the clock. ISO instants ("...Z") are accepted too.
 */
@Configuration(proxyBeanMethods = false)
class FormBindingConfiguration implements WebMvcConfigurer {

    private final Clock clock;

    FormBindingConfiguration(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void addFormatters(FormatterRegistry registry) {
        addIdConverter(registry, OrganisationId.class, OrganisationId::of);
        addIdConverter(registry, WardId.class, WardId::of);
        addIdConverter(registry, PatientId.class, PatientId::of);
        addIdConverter(registry, ReferralId.class, ReferralId::of);
        addIdConverter(registry, AdmissionId.class, AdmissionId::of);
        addIdConverter(registry, UserId.class, UserId::of);
        addIdConverter(registry, CarerId.class, CarerId::of);
        // ISO dates, as a browser's date input sends them, within the range any request may use
        registry.addFormatterForFieldType(LocalDate.class, new Formatter<LocalDate>() {
            @Override
            public LocalDate parse(String text, Locale locale) {
                LocalDate date = LocalDate.parse(text.trim());
                return plausible(date, PlausibleDates.problemWith(date));
            }

            @Override
            public String print(LocalDate date, Locale locale) {
                return date.toString();
            }
        });
        registry.addFormatterForFieldType(Instant.class, new Formatter<Instant>() {
            @Override
            public Instant parse(String text, Locale locale) {
                String value = text.trim();
                Instant instant;
                try {
                    instant = LocalDateTime.parse(value).atZone(clock.getZone()).toInstant();
                } catch (DateTimeParseException notLocal) {
                    instant = Instant.parse(value);
                }
                return plausible(instant, PlausibleDates.problemWith(instant));
            }

            @Override
            public String print(Instant instant, Locale locale) {
                return LocalDateTime.ofInstant(instant, clock.getZone()).withSecond(0).withNano(0).toString();
            }
        });
    }

    /** A value outside {@link PlausibleDates}' range fails to bind, so the form shows the field's error. */
    private static <T> T plausible(T value, String problem) {
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return value;
    }

    private static <T> void addIdConverter(FormatterRegistry registry, Class<T> type, Function<String, T> parse) {
        registry.addConverter(String.class, type, text -> text == null || text.isBlank() ? null : parse.apply(text.trim()));
    }
}
