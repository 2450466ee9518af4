package org.homeward.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.homeward.shared.InvalidInputException;
import org.homeward.support.ModuleTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;

/** The security module alone (it declares no module) over its own embedded PostgreSQL. */
@ApplicationModuleTest(mode = BootstrapMode.STANDALONE)
@ModuleTest
class SecurityModuleIT {

    @Autowired
    SecurityService security;

    @Test
    void keepsOrganisationsAndUsersInTheDatabase() {
        Organisation trust = security.createOrganisation("SMIT1", "Security module trust", OrganisationType.ACUTE_TRUST);
        UserAccount nurse = security.createUser("security-module-nurse", "correct-horse-battery", "Nurse Module",
                "Staff nurse", Role.CLINICIAN, trust.id());

        assertThat(security.organisation(trust.id()).name()).isEqualTo("Security module trust");
        assertThat(security.findUserByUsername("security-module-nurse")).get()
                .satisfies(found -> assertThat(found.id()).isEqualTo(nurse.id()));
        assertThat(security.hasAnyUser()).isTrue();
        assertThatThrownBy(() -> security.createUser("short-password", "too-short", "X", "X", Role.CLINICIAN, trust.id()))
                .isInstanceOf(InvalidInputException.class);
    }
}
