package org.homeward.ward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;
import java.util.EnumSet;
import org.homeward.security.CurrentUser;
import org.homeward.security.Organisation;
import org.homeward.security.OrganisationType;
import org.homeward.security.Role;
import org.homeward.security.SecurityService;
import org.homeward.shared.InvalidInputException;
import org.homeward.shared.RecordAccessed;
import org.homeward.support.ModuleTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.PublishedEvents;

/** The ward module alone with security (its one declared dependency) over its own embedded PostgreSQL. */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
@ModuleTest
class WardModuleIT {

    @Autowired
    WardService wards;
    @Autowired
    SecurityService security;

    @Test
    void opensAWardThatIsReadBackFromTheDatabaseAndAudited(PublishedEvents events) {
        Organisation host = security.createOrganisation("WMIT1", "Ward module trust", OrganisationType.ACUTE_TRUST);
        CurrentUser admin = CurrentUser.of(security.createUser("ward-module-admin", "correct-horse-battery",
                "Ward Admin", "Administrator", Role.ADMIN, host.id()));

        VirtualWard ward = wards.create(admin, new CreateWard("Module ward", EnumSet.of(Pathway.RESPIRATORY), host.id(),
                12, LocalTime.of(8, 0), LocalTime.of(20, 0), "On-call registrar", "01305 255 000", "01632 960 000", 18,
                130, "Safe at home"));

        assertThat(wards.ward(ward.id()).bedCapacity()).isEqualTo(12);
        assertThat(wards.careOrganisations(ward.id())).hasSize(1);
        assertThat(events.ofType(RecordAccessed.class)
                .matching(e -> "VirtualWard".equals(e.recordType()) && ward.id().toString().equals(e.recordId())
                        && e.detail().startsWith("opened ward Module ward")))
                .hasSize(1);
        assertThatThrownBy(() -> wards.create(admin, new CreateWard("Late ward", EnumSet.of(Pathway.RESPIRATORY),
                host.id(), 1, LocalTime.of(9, 0), LocalTime.of(20, 0), "x", "01305 255 000", "01632 960 000", 18, 130,
                "x"))).isInstanceOf(InvalidInputException.class);
    }
}
