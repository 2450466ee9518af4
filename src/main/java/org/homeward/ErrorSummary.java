package org.homeward;

import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * The lines of a form's error summary, the way the NHS.UK error summary pattern asks for them: one line per field (no
 * duplicates), in the order the form asks its questions (the order the form object declares its fields), each
 * starting with the field's label ('Practice name is required', never 'gpPracticeName: is required') and linking to
 * the field ({@code #gpPracticeName}, the id {@code th:field} gives it; a date input gives its day box that id).
 *
 * <p>A field's label is the message {@code label.<FormClass>.<field>}, else {@code label.<field>}, else its name as
 * words ('gpPracticeName' -&gt; 'GP practice name').
 */
public final class ErrorSummary {

    /** One line: the text to show and the link to the field ('#' for an error about the whole form). */
    public record Line(String text, String href) {
    }

    private static final Pattern CAMEL = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])");
    private static final Set<String> ACRONYMS = Set.of("gp", "nhs", "ods", "spo2", "news2", "pews", "edd", "avpu");

    private final MessageSource messages;

    ErrorSummary(MessageSource messages) {
        this.messages = messages;
    }

    List<Line> lines(BindingResult result) {
        return lines(result, result.getTarget() == null ? Object.class : result.getTarget().getClass());
    }

    /** @param form the form object's class, for a result whose target could not be made */
    List<Line> lines(BindingResult result, Class<?> form) {
        List<Line> lines = new ArrayList<>();
        for (ObjectError global : result.getGlobalErrors()) {
            lines.add(new Line(message(global), "#"));
        }
        List<String> order = declaredOrder(form);
        Map<String, List<FieldError>> byField = new LinkedHashMap<>();
        result.getFieldErrors().stream()
                .sorted(Comparator.comparingInt(e -> position(order, e.getField())))
                .forEach(e -> byField.computeIfAbsent(e.getField(), f -> new ArrayList<>()).add(e));
        byField.forEach((field, errors) -> lines.add(
                new Line(sentence(label(form, field), message(mostUseful(errors))), "#" + field)));
        return lines.stream().distinct().toList();
    }

    /**
     * The one message of a field that broke several rules: "is required" for an empty field (an empty practice code
     * also fails its pattern, but "must be an ODS code" is no help to someone who left it blank), else the first.
     * Bean Validation reports a field's violations in no fixed order, so the choice must not depend on it.
     */
    private static FieldError mostUseful(List<FieldError> errors) {
        return errors.stream().filter(e -> REQUIRED.contains(e.getCode())).findFirst().orElse(errors.get(0));
    }

    private static final Set<String> REQUIRED = Set.of("NotBlank", "NotNull", "NotEmpty");

    /** 'Practice name' + 'is required' -> 'Practice name is required'; a message that is a sentence stays as it is. */
    static String sentence(String label, String message) {
        if (message == null || message.isBlank()) {
            return label + " is not valid";
        }
        return Character.isLowerCase(message.charAt(0)) ? label + " " + message : message;
    }

    String label(Class<?> form, String field) {
        String plain = field.replaceAll("\\[\\d+]", "");
        String fallback = messages.getMessage("label." + plain, null, words(plain), Locale.UK);
        return messages.getMessage("label." + form.getSimpleName() + "." + plain, null, fallback, Locale.UK);
    }

    /** 'gpPracticeName' -> 'GP practice name'; 'address.line1' -> 'Address line1'. */
    static String words(String field) {
        String last = field.contains(".") ? field.substring(field.lastIndexOf('.') + 1) : field;
        List<String> parts = Arrays.stream(CAMEL.split(last)).map(p -> p.toLowerCase(Locale.UK))
                .map(p -> ACRONYMS.contains(p) ? p.toUpperCase(Locale.UK) : p).toList();
        String joined = String.join(" ", parts);
        return joined.isEmpty() ? joined : Character.toUpperCase(joined.charAt(0)) + joined.substring(1);
    }

    private String message(ObjectError error) {
        return messages.getMessage(error, Locale.UK);
    }

    private static int position(List<String> order, String field) {
        String first = field.split("[.\\[]", 2)[0];
        int index = order.indexOf(first);
        return index < 0 ? Integer.MAX_VALUE : index;
    }

    private static List<String> declaredOrder(Class<?> form) {
        if (form.isRecord()) {
            return Arrays.stream(form.getRecordComponents()).map(RecordComponent::getName).toList();
        }
        List<String> names = new ArrayList<>();
        for (Class<?> type = form; type != null && type != Object.class; type = type.getSuperclass()) {
            names.addAll(0, Arrays.stream(type.getDeclaredFields()).map(Field::getName).toList());
        }
        return names;
    }
}
