package org.homeward.hl7v2;

import org.homeward.security.OrganisationType;
import org.homeward.security.Role;
import org.homeward.security.SecurityService;
import org.homeward.security.UserAccount;
import org.homeward.support.Fixtures;

/**
 * The acute trust's integration engine account the test configuration names ({@code homeward.hl7v2.inbound.acts-as}),
 * made once for the test JVM: a referrer of an acute trust, as the demo service makes it.
 */
final class EngineAccount {

    static final String USERNAME = "hl7-test-engine";

    private EngineAccount() {
    }

    static synchronized UserAccount ensure(SecurityService security) {
        return security.findUserByUsername(USERNAME).orElseGet(() -> {
            var trust = security.createOrganisation("RBD", Fixtures.unique("Dorset County Hospital"),
                    OrganisationType.ACUTE_TRUST);
            return security.createUser(USERNAME, Fixtures.PASSWORD, "Trust integration engine",
                    "Integration engine", Role.REFERRER, trust.id());
        });
    }
}
