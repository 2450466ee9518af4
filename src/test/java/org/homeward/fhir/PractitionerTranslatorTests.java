package org.homeward.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.homeward.security.Role;
import org.homeward.security.UserAccount;
import org.homeward.shared.OrganisationId;
import org.homeward.shared.UserId;
import org.junit.jupiter.api.Test;

/** A user as Practitioner and PractitionerRole: the same id, the name in one piece, the role for its organisation. */
class PractitionerTranslatorTests {

    static final UserAccount CONSULTANT = new UserAccount(new UserId(UUID.randomUUID()), "consultant3",
            "Dr Priya Raman", "Consultant Cardiologist", Role.SENIOR_DECISION_MAKER, new OrganisationId(UUID.randomUUID()),
            "Wessex Coast University Hospitals");

    @Test
    void aUserIsAPractitionerByUsernameWithTheirNameAsGiven() {
        Practitioner practitioner = PractitionerTranslator.practitioner(CONSULTANT, true);

        assertThat(practitioner.getIdPart()).isEqualTo(CONSULTANT.id().value().toString());
        assertThat(practitioner.getMeta().getProfile().get(0).getValue())
                .isEqualTo("https://fhir.hl7.org.uk/StructureDefinition/UKCore-Practitioner");
        assertThat(practitioner.getIdentifierFirstRep().getValue()).isEqualTo("consultant3");
        assertThat(practitioner.getNameFirstRep().getText()).isEqualTo("Dr Priya Raman");
        assertThat(practitioner.getActive()).isTrue();
        assertThat(PractitionerTranslator.practitioner(CONSULTANT, false).getActive()).as("a disabled account").isFalse();
    }

    @Test
    void theirRoleIsForTheirOrganisationWithJobTitleAndRoleInWords() {
        PractitionerRole role = PractitionerTranslator.role(CONSULTANT, true);

        assertThat(role.getIdPart()).isEqualTo(CONSULTANT.id().value().toString());
        assertThat(role.getPractitioner().getReference()).isEqualTo("Practitioner/" + CONSULTANT.id().value());
        assertThat(role.getOrganization().getReference())
                .isEqualTo("Organization/" + CONSULTANT.organisationId().value());
        assertThat(role.getOrganization().getDisplay()).isEqualTo("Wessex Coast University Hospitals");
        assertThat(role.getCodeFirstRep().getText()).isEqualTo("Consultant Cardiologist (Senior decision-maker)");
    }
}
