package org.homeward.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.UUID;
import org.homeward.shared.OrganisationId;
import org.homeward.shared.PatientId;
import org.homeward.shared.WardId;
import org.homeward.ward.Pathway;
import org.homeward.ward.VirtualWard;
import org.homeward.ward.WardContact;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a carer is told, row by row: by severity, and the number by the ward's hours at the moment. */
class CarerAdviceTests {

    static final VirtualWard WARD = new VirtualWard(WardId.random(), "Children's Hospital at Home",
            EnumSet.of(Pathway.PAEDIATRICS), new OrganisationId(UUID.randomUUID()), 10, LocalTime.of(8, 0),
            LocalTime.of(22, 0), "Paediatric registrar on call", "01632 960 103", 0, 17, "Children", "01632 960 113");
    static final ZoneId LONDON = ZoneId.of("Europe/London");

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"07:59, 01632 960 103, false", "08:00, 01632 960 113, true", "14:00, 01632 960 113, true",
            "21:59, 01632 960 113, true", "22:00, 01632 960 103, false", "03:00, 01632 960 103, false"})
    void theNumberFollowsTheWardsHoursAtTheMoment(LocalTime time, String phone, boolean inHours) {
        WardContact contact = WARD.contactAt(LocalDate.of(2026, 7, 1).atTime(time).atZone(LONDON));
        assertThat(contact.phone()).isEqualTo(phone);
        assertThat(contact.inHours()).isEqualTo(inHours);
        assertThat(contact.label()).contains(inHours ? "(08:00 to 22:00)" : "out of hours, 22:00 to 08:00");
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource({
            "EMERGENCY, EARLY_WARNING, 5, true, Call the team now, Call the team now on 01632 960 113",
            "HIGH, EARLY_WARNING, 30, true, Call the team now, Call the team now on 01632 960 113",
            "MEDIUM, EARLY_WARNING, 60, false, The team will call you within 60 minutes, within the hour",
            "MEDIUM, CONCERN_RAISED, 30, false, You asked for a review, within the hour",
            "LOW, EARLY_WARNING, 60, false, The team will be in touch, If things get worse",
            "LOW, MISSED_READING, 60, false, The team will look at your readings, If you are worried"})
    void theAdviceFollowsTheAlertsSeverity(AlertSeverity severity, AlertKind kind, int minutes, boolean callNow,
            String heading, String whatToDo) {
        Instant now = Instant.parse("2026-07-01T13:00:00Z");
        AlertView alert = new AlertView(UUID.randomUUID(), new PatientId(UUID.randomUUID()), WARD.id(), kind, severity,
                null, null, false, "reason", now, now, now.plusSeconds(60L * minutes), minutes, AlertTier.WARD_TEAM,
                null, AlertStatus.RAISED, null, null, null, null, null, null, null, null);
        CarerAdvice advice = CarerAdvice.forAlert(alert, WARD.contactAt(now.atZone(LONDON)));
        assertThat(advice.callNow()).isEqualTo(callNow);
        assertThat(advice.heading()).isEqualTo(heading);
        assertThat(advice.whatToDo()).contains(whatToDo).contains("01632 960 113");
        if (kind != AlertKind.MISSED_READING) {
            assertThat(advice.emergency()).contains("call 999");
            assertThat(advice.whatHappens()).contains(minutes + " minutes");
        }
    }
}
