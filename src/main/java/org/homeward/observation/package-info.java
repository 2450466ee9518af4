/**
 * Observations from nurses, patients and carers, and devices, scored with NEWS2 or national PEWS. For now it offers
 * the stateless score calculator; storing observations and escalation follow.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"patient", "referral", "scoring", "security", "ward"})
package org.homeward.observation;
