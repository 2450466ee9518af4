/**
 * Medicines at home (KLoE 7.2, 9.1-9.4): allergies and adverse reactions (and the recorded statement of no known
 * allergies), weights, the service's formulary kept by its pharmacist, prescribing for home with its checks (allergy,
 * duplicate, dose range, a child's dose per kg from a recent weight) and the pharmacist's screening of each
 * prescription, which is a task on the pharmacist's worklist. Nothing is deleted: allergies are corrected or entered in
 * error with their history, formulary entries keep every version, prescriptions are stopped with a reason. A patient
 * under 18 is dosed as a child (the BNF for Children's ages; {@code PrescriptionService.dosedAsChild}), whatever the
 * ward; the early-warning score keeps its own rule.
 *
 * <p>Medicines reconciliation of the medicines a patient took before admission within 24 hours of admission (NICE NG5
 * Medicines optimisation 2015, recommendations 1.3; NICE QS120 Medicines optimisation, statement 2): the medicines
 * each named source lists, a decision on each, the discrepancies between sources shown until resolved, verification
 * by a pharmacist, a 24-hour clock from admission with a task on the pharmacist's worklist, and a new version when the
 * patient's medicines change.
 *
 * <p>Grab bags and stock: a visiting team's bags with their contents (batch and expiry), seal, checks and every
 * movement of stock, expiry warnings, and the controlled drugs register with its running balance and witnesses
 * (Misuse of Drugs Regulations 2001; NICE NG46), in {@code GrabBagService}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"patient", "referral", "security", "task"})
package org.homeward.medication;
