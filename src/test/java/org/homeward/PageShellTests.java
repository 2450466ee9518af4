package org.homeward;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.homeward.shared.NhsNumber;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.validation.BeanPropertyBindingResult;

/** How pages say dates, NHS numbers and enumerations, how three date boxes become one date, and error summaries. */
class PageShellTests {

    enum Contact { PHONE_CALL, HOME_VISIT }

    final StaticMessageSource messages = new StaticMessageSource();
    final PageWords show = new PageWords(Clock.fixed(Instant.parse("2026-07-01T12:00:00Z"), ZoneId.of("Europe/London")),
            messages);

    @Test
    void showsTimesInTheServiceZoneWithTheMonthInWords() {
        assertThat(show.dateTime(Instant.parse("2026-12-04T15:46:00Z"))).isEqualTo("4 December 2026, 15:46");
        // British Summer Time: an hour ahead of UTC
        assertThat(show.dateTime(Instant.parse("2026-07-04T15:46:00Z"))).isEqualTo("4 July 2026, 16:46");
        assertThat(show.date(LocalDate.of(1941, 3, 15))).isEqualTo("15 March 1941");
        assertThat(show.time(Instant.parse("2026-07-04T23:30:00Z"))).isEqualTo("00:30");
        assertThat(show.date(Instant.parse("2026-07-04T23:30:00Z"))).isEqualTo("5 July 2026");
        assertThat(show.dateTime(null)).isEmpty();
    }

    @Test
    void showsNhsNumbersThreeThreeFour() {
        assertThat(show.nhsNumber(NhsNumber.of("9434765919"))).isEqualTo("943 476 5919");
        assertThat(show.nhsNumber("943 476 5919")).isEqualTo("943 476 5919");
    }

    @Test
    void showsEnumerationsInWords() {
        assertThat(show.words(Contact.PHONE_CALL)).isEqualTo("Phone call");
        messages.addMessage("enum.Contact.HOME_VISIT", java.util.Locale.UK, "Visit at home");
        assertThat(show.words(Contact.HOME_VISIT)).isEqualTo("Visit at home");
        assertThat(show.words(org.homeward.security.Role.SENIOR_DECISION_MAKER)).isEqualTo("Senior decision-maker");
    }

    @Test
    void joinsThreeDateBoxesStrictly() {
        assertThat(DateInputFilter.join("15", "3", "1941")).isEqualTo("1941-03-15");
        assertThat(DateInputFilter.join(" 5 ", "03", "1941")).isEqualTo("1941-03-05");
        assertThat(DateInputFilter.join("", "", "")).isEmpty();
        // no roll-over into March, no two-digit years, no empty box, no words
        assertThat(DateInputFilter.join("31", "2", "1941")).isEqualTo("31/2/1941");
        assertThat(DateInputFilter.join("15", "3", "41")).isEqualTo("15/3/41");
        assertThat(DateInputFilter.join("15", "", "1941")).isEqualTo("15//1941");
        assertThat(DateInputFilter.join("15", "March", "1941")).isEqualTo("15/March/1941");
    }

    record Form(String nhsNumber, String familyName, LocalDate dateOfBirth, String gpPracticeName) {
    }

    @Test
    void summarisesErrorsOncePerFieldInFormOrderInLabelWords() {
        messages.addMessage("label.Form.gpPracticeName", java.util.Locale.UK, "Practice name");
        BeanPropertyBindingResult result = new BeanPropertyBindingResult(new Form(null, null, null, null), "form");
        result.rejectValue("gpPracticeName", "NotBlank", "is required");
        result.rejectValue("dateOfBirth", "typeMismatch", "must be a real date");
        result.rejectValue("nhsNumber", "NotBlank", "is required");
        result.rejectValue("nhsNumber", "Pattern", "must be 10 digits");

        assertThat(new ErrorSummary(messages).lines(result)).containsExactly(
                new ErrorSummary.Line("NHS number is required", "#nhsNumber"),
                new ErrorSummary.Line("Date of birth must be a real date", "#dateOfBirth"),
                new ErrorSummary.Line("Practice name is required", "#gpPracticeName"));
    }
}
