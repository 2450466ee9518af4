package org.homeward.security.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.homeward.security.SystemClientScopes;
import org.junit.jupiter.api.Test;

/** A system client's scopes in the words the administrator's page shows. */
class SystemClientPageControllerTests {

    @Test
    void scopesAreSaidAsWhatTheClientMayDoInTheOrderRegistered() {
        assertThat(SystemClientPageController.inWords(List.of("system/Observation.write", "system/Patient.read")))
                .isEqualTo("Write Observation, Read Patient");
        assertThat(SystemClientPageController.inWords("system/*.read")).isEqualTo("Read every type");
        assertThat(SystemClientPageController.inWords("system/MedicationAdministration.read"))
                .isEqualTo("Read MedicationAdministration");
        assertThat(SystemClientPageController.inWords("something/else")).isEqualTo("something/else");
    }

    @Test
    void everyScopeOfferedHasWordsAndNoTwoTheSame() {
        List<String> words = SystemClientScopes.allowed().stream().map(SystemClientPageController::inWords).toList();
        assertThat(words).doesNotContainNull().allSatisfy(w -> assertThat(w).matches("(Read|Write) \\S+.*"))
                .doesNotHaveDuplicates().noneMatch(w -> w.contains("system/"));
    }
}
