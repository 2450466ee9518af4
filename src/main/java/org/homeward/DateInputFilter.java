package org.homeward;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The NHS.UK date input sends a date as three boxes, {@code dateOfBirth-day}, {@code -month} and {@code -year}
 * (fragments :: dateInput). This joins them into the one ISO value {@code dateOfBirth=1941-03-15} the form object's
 * LocalDate binds from, strictly: the day and month are 1 or 2 digits, the year 4, and the date must exist, so 15 3 1941
 * is 15 March 1941 and nothing else, while 31 2 1941 (or a box left empty while others are filled) is passed on as
 * text no date parses, and the form says the field must be a real date. Three empty boxes send an empty value (the
 * field is then 'required' if it must be given). Requests without such boxes pass untouched.
 */
@Component
class DateInputFilter extends OncePerRequestFilter {

    private static final String DAY = "-day";
    private static final Pattern ONE_OR_TWO_DIGITS = Pattern.compile("\\d{1,2}");
    private static final Pattern FOUR_DIGITS = Pattern.compile("\\d{4}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Map<String, String[]> joined = new LinkedHashMap<>();
        for (String name : request.getParameterMap().keySet()) {
            if (name.endsWith(DAY)) {
                String field = name.substring(0, name.length() - DAY.length());
                if (!field.isEmpty() && request.getParameter(field) == null) {
                    joined.put(field, new String[] {join(request.getParameter(name),
                            request.getParameter(field + "-month"), request.getParameter(field + "-year"))});
                }
            }
        }
        chain.doFilter(joined.isEmpty() ? request : new WithJoinedDates(request, joined), response);
    }

    /** The ISO date of the three boxes, an empty text when all are empty, else a text no date parses (31/2/1941). */
    static String join(String day, String month, String year) {
        String d = day == null ? "" : day.trim();
        String m = month == null ? "" : month.trim();
        String y = year == null ? "" : year.trim();
        if (d.isEmpty() && m.isEmpty() && y.isEmpty()) {
            return "";
        }
        String typed = d + "/" + m + "/" + y;
        if (!ONE_OR_TWO_DIGITS.matcher(d).matches() || !ONE_OR_TWO_DIGITS.matcher(m).matches()
                || !FOUR_DIGITS.matcher(y).matches()) {
            return typed;
        }
        try {
            return LocalDate.of(Integer.parseInt(y), Integer.parseInt(m), Integer.parseInt(d)).toString();
        } catch (DateTimeException notADate) {
            return typed;
        }
    }

    private static final class WithJoinedDates extends HttpServletRequestWrapper {

        private final Map<String, String[]> parameters;

        WithJoinedDates(HttpServletRequest request, Map<String, String[]> joined) {
            super(request);
            Map<String, String[]> all = new LinkedHashMap<>(request.getParameterMap());
            all.putAll(joined);
            this.parameters = Collections.unmodifiableMap(all);
        }

        @Override
        public String getParameter(String name) {
            String[] values = parameters.get(name);
            return values == null || values.length == 0 ? null : values[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return parameters;
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(parameters.keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            return parameters.get(name);
        }
    }
}
