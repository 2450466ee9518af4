/**
 * The patient's journey through a virtual ward: referral (step-up or step-down), triage by a senior decision-maker,
 * admission with an accountable clinician, consent and an estimated discharge date, the ward census with length of
 * stay, and discharge. Each step enforces its order and says why when it refuses.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"patient", "scoring", "security", "ward"})
package org.homeward.referral;
