package org.homeward.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.homeward.security.CurrentUser;
import org.homeward.security.Organisation;
import org.homeward.security.OrganisationType;
import org.homeward.security.Role;
import org.homeward.security.SecurityService;
import org.homeward.shared.RecordAccessed;
import org.homeward.support.ModuleTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit module with what it needs (patient, and security which patient needs; DIRECT_DEPENDENCIES starts only the modules whose beans it injects): it listens to {@link RecordAccessed} from any module
 * (published here as a module would) and keeps the line in the database; a refusal is kept even without the
 * publisher's transaction.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
@ModuleTest
class AuditModuleIT {

    @Autowired
    AuditService audit;
    @Autowired
    SecurityService security;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void keepsEveryReadAndRefusalItHears() {
        Organisation trust = security.createOrganisation("AMIT1", "Audit module trust", OrganisationType.ACUTE_TRUST);
        CurrentUser governance = CurrentUser.of(security.createUser("audit-module-governance",
                "correct-horse-battery", "Governance Lead", "Governance lead", Role.GOVERNANCE, trust.id()));

        transaction.executeWithoutResult(status -> events.publishEvent(new RecordAccessed(governance.actor(),
                RecordAccessed.Action.READ, "VirtualWard", "ward-1", null, "read the ward")));
        events.publishEvent(new RecordAccessed(governance.actor(), RecordAccessed.Action.DENIED, "VirtualWard",
                "ward-2", null, "refused"));

        assertThat(audit.search(governance, new AuditQuery("audit-module-governance", null, null, null, null, null)))
                .extracting(AuditEntry::recordId).containsExactlyInAnyOrder("ward-1", "ward-2");
    }
}
