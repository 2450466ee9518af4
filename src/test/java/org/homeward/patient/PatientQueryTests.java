package org.homeward.patient;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How typed search words are read: every part must match, so more words narrow the search. */
class PatientQueryTests {

    @Test
    void readsNameWordsInAnyOrderInLowerCase() {
        assertThat(PatientQuery.parse("Sheila  Robinson").nameWords()).containsExactly("sheila", "robinson");
        assertThat(PatientQuery.parse("robinson sheila").nameWords()).containsExactly("robinson", "sheila");
        assertThat(PatientQuery.parse("Sheil").nameWords()).containsExactly("sheil");
    }

    @Test
    void readsTenDigitsWithOrWithoutSpacesAsTheNhsNumberOnly() {
        for (String typed : List.of("943 476 5919", "9434765919", "943-476-5919")) {
            PatientQuery q = PatientQuery.parse(typed);
            assertThat(q.nhsNumber()).as(typed).isEqualTo("9434765919");
            assertThat(q.nameWords()).as(typed).isEmpty();
        }
        assertThat(PatientQuery.parse("943 476").nhsNumber()).as("part of a number is not a number").isNull();
    }

    @Test
    void readsTypedDatesAsTheDateOfBirth() {
        LocalDate born = LocalDate.of(1941, 3, 15);
        for (String typed : List.of("15/03/1941", "15/3/1941", "15-03-1941", "1941-03-15", "15 March 1941",
                "15 mar 1941")) {
            assertThat(PatientQuery.parse(typed).dateOfBirth()).as(typed).isEqualTo(born);
        }
        PatientQuery both = PatientQuery.parse("Robinson 15 March 1941");
        assertThat(both.dateOfBirth()).isEqualTo(born);
        assertThat(both.nameWords()).containsExactly("robinson");
        assertThat(PatientQuery.parse("31/02/1941").dateOfBirth()).as("no such date").isNull();
    }

    @Test
    void dropsLikeWildcardsAndReadsPostcodes() {
        assertThat(PatientQuery.parse("%_").isEmpty()).isTrue();
        assertThat(PatientQuery.parse("dt1 2jy").postcode()).isEqualTo("DT12JY");
    }
}
