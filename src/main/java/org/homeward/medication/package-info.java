/**
 * Medicines: reconciliation of the medicines a patient took before admission within 24 hours of admission (NICE NG5
 * Medicines optimisation 2015, recommendations 1.3; NICE QS120 Medicines optimisation, statement 2). The medicines
 * each named source lists, a decision on each, the discrepancies between sources shown until resolved, verification
 * by a pharmacist, a 24-hour clock from admission with a task on the pharmacist's worklist, and a new version when the
 * patient's medicines change. Later: allergies, the formulary, prescribing and administration.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"patient", "referral", "security", "task"})
package org.homeward.medication;
