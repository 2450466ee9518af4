package org.homeward.demo;

import org.homeward.patient.AddCarer;
import org.homeward.referral.ConsentGivenBy;

/**
 * Who consents to each demo admission and the shared decision recorded (KLoE 4.1, 4.2): the patient when they have
 * capacity; for a frail adult without capacity, their attorney (a carer on the record) or a best interests decision by
 * the accountable clinician; for a child, a carer with parental responsibility.
 */
final class DemoConsent {

    record Consent(ConsentGivenBy givenBy, boolean patientHasCapacity, Integer carerIndex, String personName,
            String personRole, String sharedDecisionRecord) {
    }

    private static final String ESCALATION = " Escalation plan agreed; the out-of-hours number was given and explained.";

    private DemoConsent() {
    }

    static Consent byPatient(PatientPlan patient) {
        return new Consent(ConsentGivenBy.PATIENT, true, null, null, null, "Benefits and risks of Hospital at Home "
                + "compared with a hospital admission discussed with " + patient.fullName()
                + ", who chose to be cared for at home." + ESCALATION);
    }

    /** The patient's first carer holds a lasting power of attorney for health and welfare. */
    static Consent byAttorney(PatientPlan patient) {
        AddCarer attorney = patient.carers().get(0);
        return new Consent(ConsentGivenBy.LASTING_POWER_OF_ATTORNEY, false, null, attorney.name(),
                attorney.relationship() + ", attorney for health and welfare", "Patient lacks capacity for this "
                        + "decision (4AT positive). Discussed with " + attorney.name() + ", attorney for health and "
                        + "welfare, who agreed that care at home fits " + patient.details().givenName()
                        + "'s known wishes. ReSPECT form reviewed." + ESCALATION);
    }

    static Consent inBestInterests(PatientPlan patient, DemoLogin clinician) {
        return new Consent(ConsentGivenBy.BEST_INTERESTS_DECISION, false, null, clinician.displayName(),
                clinician.jobTitle(), "Patient lacks capacity for this decision and has no attorney. Best interests "
                        + "decision by " + clinician.displayName() + " after speaking with those close to "
                        + patient.details().givenName() + ", who has always said they wish to stay at home."
                        + ESCALATION);
    }

    /** The first carer of a demo child always holds parental responsibility. */
    static Consent byParent(PatientPlan child, int ageYears) {
        AddCarer parent = child.carers().get(0);
        String youngPerson = ageYears >= 12 ? ", with " + child.details().givenName() + "'s agreement" : "";
        return new Consent(ConsentGivenBy.PARENT_WITH_PARENTAL_RESPONSIBILITY, ageYears >= 16, 0, null, null,
                "Benefits and risks of Hospital at Home discussed with " + parent.name() + " ("
                        + parent.relationship().toLowerCase() + ", parental responsibility), who chose care at home"
                        + youngPerson + ". Open access to the children's ward explained." + ESCALATION);
    }
}
