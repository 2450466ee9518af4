package org.homeward.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The start-up rule for loading the demo service, row by row. */
class DemoDataTriggerTests {

    @ParameterizedTest(name = "{0}, embedded={1}, empty={2} -> load={3}")
    @CsvSource({
            "AUTO,   true,  true,  true",
            "AUTO,   true,  false, false",
            "AUTO,   false, true,  false",
            "AUTO,   false, false, false",
            "ALWAYS, true,  true,  true",
            "ALWAYS, false, true,  true",
            "ALWAYS, true,  false, false",
            "ALWAYS, false, false, false",
            "NEVER,  true,  true,  false",
            "NEVER,  true,  false, false",
            "NEVER,  false, true,  false",
            "NEVER,  false, false, false"})
    void loadsOnlyIntoAnEmptyDatabaseAndAnExternalOneOnlyWhenAskedFor(DemoDataMode mode, boolean embedded,
            boolean empty, boolean expected) {
        assertThat(DemoDataTrigger.shouldLoad(mode, embedded, empty)).isEqualTo(expected);
    }

    @Test
    void saysWhyItDoesNotLoadIntoAnExternalDatabase() {
        assertThat(DemoDataTrigger.decide(DemoDataMode.AUTO, false, true).reason())
                .contains("external").contains("homeward.demo-data=always");
    }

    @Test
    void readsTheSettingInAnyCase() {
        assertThat(DemoDataMode.parse(" Always ")).isEqualTo(DemoDataMode.ALWAYS);
        assertThat(DemoDataMode.parse("auto")).isEqualTo(DemoDataMode.AUTO);
    }

    @Test
    void refusesAnUnknownSettingNamingTheChoices() {
        assertThatThrownBy(() -> DemoDataMode.parse("sometimes"))
                .hasMessageContaining("auto, always or never").hasMessageContaining("sometimes");
    }
}
