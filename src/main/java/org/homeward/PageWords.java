package org.homeward;

import java.lang.reflect.Method;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.homeward.patient.PatientSummary;
import org.homeward.shared.NhsNumber;
import org.springframework.context.MessageSource;
import org.springframework.validation.BindingResult;
import org.thymeleaf.context.IContext;

/**
 * How pages say things, usable from every template as {@code #show} (see {@link PageWordsDialect}): dates as '4
 * December 2026', times as '4 December 2026, 15:46' in the service's time zone, NHS numbers as '943 476 5919', and
 * every enumeration in words.
 *
 * <p>An enumeration's words are, in order: its {@code label()} method if it has one; the message
 * {@code enum.<SimpleName>.<CONSTANT>} in messages.properties; else the constant as a sentence ('PHONE_CALL' -&gt;
 * 'Phone call'), so no page ever shows a constant's code.
 */
public final class PageWords {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.UK);
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);

    private final ZoneId zone;
    private final MessageSource messages;
    private final Clock clock;
    private final ErrorSummary errorSummary;

    PageWords(Clock clock, MessageSource messages) {
        this.zone = clock.getZone();
        this.clock = clock;
        this.messages = messages;
        this.errorSummary = new ErrorSummary(messages);
    }

    /**
     * The error summary's lines for the forms on this page that have errors (each model's {@link BindingResult}):
     * one per field, in form order, in the field's label words, each linking to its field.
     */
    public List<ErrorSummary.Line> errorSummary(IContext context) {
        List<ErrorSummary.Line> lines = new ArrayList<>();
        for (String name : context.getVariableNames()) {
            if (name.startsWith(BindingResult.MODEL_KEY_PREFIX)
                    && context.getVariable(name) instanceof BindingResult result && result.hasErrors()) {
                lines.addAll(errorSummary.lines(result, formType(context, result)));
            }
        }
        return lines.stream().distinct().toList();
    }

    private static Class<?> formType(IContext context, BindingResult result) {
        if (result.getTarget() != null) {
            return result.getTarget().getClass();
        }
        Object types = context.getVariable(FormTypesAdvice.REQUEST_ATTRIBUTE);
        Object type = types instanceof java.util.Map<?, ?> map ? map.get(result.getObjectName()) : null;
        return type instanceof Class<?> c ? c : Object.class;
    }

    /**
     * The day, month and year a date input shows for {@code field} of the page's form: the date bound (or, when the
     * form could not be made, the ISO value sent); empty parts when there is none. Typed boxes are shown by the
     * fragment itself.
     */
    public List<String> dateParts(IContext context, String field) {
        Object value = null;
        for (String name : context.getVariableNames()) {
            if (name.startsWith(BindingResult.MODEL_KEY_PREFIX) && context.getVariable(name) instanceof BindingResult r) {
                try {
                    value = r.getFieldValue(field);
                } catch (RuntimeException notThisForm) {
                    value = null;
                }
                if (value != null) {
                    break;
                }
            }
        }
        if (value == null) {
            for (String name : new String[] {"form"}) {
                Object form = context.getVariable(name);
                if (form != null) {
                    try {
                        value = new org.springframework.beans.BeanWrapperImpl(form).getPropertyValue(field);
                    } catch (RuntimeException notAField) {
                        value = null;
                    }
                }
            }
        }
        LocalDate date = null;
        if (value instanceof LocalDate d) {
            date = d;
        } else if (value instanceof String text && !text.isBlank()) {
            try {
                date = LocalDate.parse(text.trim());
            } catch (java.time.format.DateTimeParseException notIso) {
                date = null;
            }
        }
        return date == null ? List.of("", "", "")
                : List.of(String.valueOf(date.getDayOfMonth()), String.valueOf(date.getMonthValue()),
                        String.valueOf(date.getYear()));
    }

    /** A field's own error message, starting with its label: 'Date of birth must be a real date'. */
    public String fieldError(String label, List<String> messages) {
        return messages.stream().distinct().map(m -> ErrorSummary.sentence(label, m))
                .collect(java.util.stream.Collectors.joining(". "));
    }

    /** '4 December 2026'; an instant or date-time is taken in the service's time zone; empty for null. */
    public String date(Object value) {
        TemporalAccessor local = local(value);
        return local == null ? "" : DATE.format(local);
    }

    /** '4 December 2026, 15:46' in the service's time zone; a LocalDate alone is shown as a date; empty for null. */
    public String dateTime(Object value) {
        if (value instanceof LocalDate day) {
            return DATE.format(day);
        }
        TemporalAccessor local = local(value);
        return local == null ? "" : DATE_TIME.format(local);
    }

    /** '15:46' in the service's time zone; empty for null. */
    public String time(Object value) {
        TemporalAccessor local = local(value);
        return local == null ? "" : TIME.format(local);
    }

    /** Age in completed years today (the service's date). */
    public int age(LocalDate dateOfBirth) {
        return PatientSummary.ageOn(dateOfBirth, LocalDate.now(clock));
    }

    /** '943 476 5919': an NHS number in 3-3-4, as NHS Digital's guidance shows it; any other text as it is. */
    public String nhsNumber(Object value) {
        if (value == null) {
            return "";
        }
        String digits = (value instanceof NhsNumber n ? n.value() : value.toString()).replace(" ", "");
        if (digits.length() != 10) {
            return value.toString();
        }
        return digits.substring(0, 3) + " " + digits.substring(3, 6) + " " + digits.substring(6);
    }

    /** An enumeration constant (or anything else) in words; empty for null. */
    public String words(Object value) {
        if (value == null) {
            return "";
        }
        if (!(value instanceof Enum<?> constant)) {
            return value.toString();
        }
        String label = label(constant);
        if (label != null) {
            return label;
        }
        String key = "enum." + constant.getDeclaringClass().getSimpleName() + "." + constant.name();
        return messages.getMessage(key, null, sentence(constant.name()), Locale.UK);
    }

    /** 'PHONE_CALL' -> 'Phone call'. */
    static String sentence(String constant) {
        String spaced = constant.replace('_', ' ').toLowerCase(Locale.UK);
        return spaced.isEmpty() ? spaced : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    private static String label(Enum<?> constant) {
        try {
            Method method = constant.getDeclaringClass().getMethod("label");
            Object label = method.getReturnType() == String.class ? method.invoke(constant) : null;
            return (String) label;
        } catch (NoSuchMethodException e) {
            return null;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("label() of " + constant.getDeclaringClass().getName(), e);
        }
    }

    private TemporalAccessor local(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant.atZone(zone);
        }
        if (value instanceof ZonedDateTime zoned) {
            return zoned.withZoneSameInstant(zone);
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.atZoneSameInstant(zone);
        }
        if (value instanceof LocalDateTime || value instanceof LocalDate) {
            return (TemporalAccessor) value;
        }
        throw new IllegalArgumentException("Not a date or time: " + value.getClass().getName());
    }
}
