package org.homeward.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.homeward.security.CurrentUser;
import org.homeward.security.Organisation;
import org.homeward.security.OrganisationType;
import org.homeward.security.Role;
import org.homeward.security.SecurityService;
import org.homeward.shared.NotFoundException;
import org.homeward.shared.RecordAccessed;
import org.homeward.support.Fixtures;
import org.homeward.support.ModuleTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.PublishedEvents;

/** The patient module with what it declares (scoring, security) over its own embedded PostgreSQL. */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
@ModuleTest
class PatientModuleIT {

    @Autowired
    PatientService patients;
    @Autowired
    SecurityService security;

    @Test
    void registersAPatientForTheCareTeamOnlyAndAuditsIt(PublishedEvents events) {
        Organisation trust = security.createOrganisation("PMIT1", "Patient module trust", OrganisationType.ACUTE_TRUST);
        Organisation other = security.createOrganisation("PMIT2", "Other trust", OrganisationType.ACUTE_TRUST);
        CurrentUser clinician = user("patient-module-clinician", trust);
        CurrentUser stranger = user("patient-module-stranger", other);

        PatientRecord registered = patients.register(clinician, new RegisterPatient(Fixtures.newNhsNumber(), "Ada",
                "Module", LocalDate.of(1950, 3, 15), Sex.FEMALE, EthnicCategory.A, "1 High Street", null,
                "Dorchester", "DT1 1AA", 50.71, -2.44, "01305 000000", "J81012", "Dorchester Health Centre"));

        assertThat(patients.record(clinician, registered.summary().id()).summary().familyName()).isEqualTo("Module");
        assertThat(registered.careTeam()).containsExactly(trust.id());
        assertThatThrownBy(() -> patients.record(stranger, registered.summary().id()))
                .isInstanceOf(NotFoundException.class);
        assertThat(events.ofType(RecordAccessed.class).matching(e -> e.action() == RecordAccessed.Action.CREATE
                && registered.summary().id().value().equals(e.patientId()))).hasSize(1);
    }

    private CurrentUser user(String username, Organisation organisation) {
        return CurrentUser.of(security.createUser(username, "correct-horse-battery", "Test " + username, "Nurse",
                Role.CLINICIAN, organisation.id()));
    }
}
