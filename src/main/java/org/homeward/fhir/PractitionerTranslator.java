package org.homeward.fhir;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.homeward.security.UserAccount;

/**
 * A Homeward user as UK Core Practitioner (who they are) and PractitionerRole (what they do, for which organisation),
 * both with the user's id. Homeward holds no professional registration numbers (GMC, NMC) or SDS ids: the identifier
 * is the username in Homeward's own system, and the name is as the user's account gives it, in one piece.
 */
final class PractitionerTranslator {

    private PractitionerTranslator() {
    }

    static Practitioner practitioner(UserAccount user, boolean active) {
        Practitioner practitioner = new Practitioner();
        practitioner.setId(user.id().value().toString());
        practitioner.getMeta().addProfile(UkCore.profile("Practitioner"));
        practitioner.addIdentifier(new Identifier().setSystem(UkCore.HOMEWARD_ID + "user").setValue(user.username()));
        practitioner.setActive(active);
        practitioner.addName().setText(user.displayName());
        return practitioner;
    }

    static PractitionerRole role(UserAccount user, boolean active) {
        PractitionerRole role = new PractitionerRole();
        role.setId(user.id().value().toString());
        role.getMeta().addProfile(UkCore.profile("PractitionerRole"));
        role.setActive(active);
        role.setPractitioner(new Reference("Practitioner/" + user.id().value()).setDisplay(user.displayName()));
        role.setOrganization(new Reference("Organization/" + user.organisationId().value())
                .setDisplay(user.organisationName()));
        CodeableConcept code = new CodeableConcept().setText(user.jobTitle() == null || user.jobTitle().isBlank()
                ? user.role().label() : user.jobTitle() + " (" + user.role().label() + ")");
        role.addCode(code);
        return role;
    }
}
